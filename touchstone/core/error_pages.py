"""What the site answers when a request fails before or outside its view.

API paths (/api/) always answer JSON. A database that cannot be reached (refused, gone away,
busy beyond its timeout) is a 503 with Retry-After rather than a 500: nothing is wrong with the
request, and asking again shortly will work. The 503 page reads nothing from the database.

HTML pages: 400, 403 (and a refused CSRF check) and 404 are the site's own pages
(`templates/<code>.html`, in the site's layout); 500 and 503 are one stand-alone page
(`templates/errors/standalone.html`) that needs neither the database nor a request, since
whatever failed may be either. A record outside the user's organisations is a 404, never a 403,
so that its existence is not given away.
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
CHECK_SAVED = (
    "If you were in the middle of a change, check whether it was saved before you make it again."
)


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def database_unavailable() -> bool:
    """The exception being handled is the database not answering."""
    return isinstance(sys.exc_info()[1], OperationalError | InterfaceError)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        response: HttpResponse = JsonResponse({"detail": UNAVAILABLE}, status=503)
    else:
        response = _standalone("Sorry, the service is unavailable", [UNAVAILABLE, CHECK_SAVED], 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _standalone(heading: str, paragraphs: list[str], status: int) -> HttpResponse:
    context = {"heading": heading, "paragraphs": paragraphs, **_stylesheets()}
    return HttpResponse(render_to_string("errors/standalone.html", context), status=status)


def _stylesheets() -> dict:
    """The design system's CSS for the stand-alone page, if its files can be named (the page
    must render even when the static files manifest is missing)."""
    try:
        return {"govuk_css": static("govuk/govuk-frontend.min.css")}
    except ValueError:
        return {}


def server_error(request: HttpRequest) -> HttpResponse:
    if database_unavailable():
        return service_unavailable(request)
    if is_api(request):
        return JsonResponse({"detail": "Server error."}, status=500)
    return _standalone(
        "Sorry, there is a problem with the service",
        ["Try again later. The problem has been logged.", CHECK_SAVED],
        500,
    )


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


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused by the CSRF check (CSRF_FAILURE_VIEW): say what to do, in the site's
    layout; the reason is for the log, not the page."""
    if is_api(request):
        return JsonResponse({"detail": "CSRF check failed. Send the form again."}, status=403)
    return HttpResponse(render_to_string("403_csrf.html", request=request), status=403)
