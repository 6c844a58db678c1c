"""The site's URLs plus one view that fails, for the server-error page's tests."""

from django.urls import path

from touchstone.urls import *  # noqa: F403 — the handlers and every real URL
from touchstone.urls import urlpatterns as site


def fails(request):
    raise RuntimeError("a fault in a view")


urlpatterns = [path("fails/", fails), path("api/v1/fails/", fails), *site]
