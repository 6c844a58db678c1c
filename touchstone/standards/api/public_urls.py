"""The standards module's part of the public API (`/api/v1/public/standards/`), beside the
public register's `/api/v1/public/register/`."""

from django.urls import path

from touchstone.standards.api.views import holders

urlpatterns = [
    path(
        "<slug:ref_id>/holders/",
        holders.PublicHolders.as_view(),
        name="api-public-standards-holders",
    ),
]
