"""What the site answers when a request fails before or outside its view.

API paths (/api/) always answer JSON. A database that cannot be reached (refused, gone away,
busy beyond its timeout) is a 503 with Retry-After rather than a 500: nothing is wrong with the
request, and asking again shortly will work. The 503 page reads nothing from the database.
Other errors on HTML pages keep Django's defaults (the 400/403/404/500 templates).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views import defaults

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 10
UNAVAILABLE = "The service is unavailable just now. Try again in a few moments."


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def database_unavailable() -> bool:
    """The exception being handled is the database not answering."""
    return isinstance(sys.exc_info()[1], OperationalError | InterfaceError)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        response: HttpResponse = JsonResponse({"detail": UNAVAILABLE}, status=503)
    else:
        response = HttpResponse(
            render_to_string("503.html", {"message": UNAVAILABLE, **_stylesheets()}),
            status=503,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _stylesheets() -> dict:
    """The design system's CSS for the 503 page, if its files can be named (the page must
    render even when the static files manifest is missing)."""
    try:
        return {"govuk_css": static("govuk/govuk-frontend.min.css")}
    except ValueError:
        return {}


def server_error(request: HttpRequest) -> HttpResponse:
    if database_unavailable():
        return service_unavailable(request)
    if is_api(request):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request)


def bad_request(request: HttpRequest, exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Bad request."}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse(
            {"detail": "You do not have permission to perform this action."}, status=403
        )
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)
