import re

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from touchstone.core.request_context import request_id_scope
from touchstone.core.selectors import memberships_for_user

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Gives each request an id (a sane X-Request-ID from a proxy, or a new one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        with request_id_scope(incoming if _SAFE_REQUEST_ID.match(incoming) else None) as rid:
            request.request_id = rid  # type: ignore[attr-defined]
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            return response


class ActiveOrganisationMiddleware:
    """Sets request.organisation: the organisation the user chose, or their first one."""

    SESSION_KEY = "touchstone_active_organisation"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.organisation = None  # type: ignore[attr-defined]
        request.organisations = []  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            organisations = list(
                {
                    m.organisation_id: m.organisation for m in memberships_for_user(request.user)
                }.values()
            )
            request.organisations = organisations  # type: ignore[attr-defined]
            chosen = request.session.get(self.SESSION_KEY)
            active = next((o for o in organisations if o.pk == chosen), None)
            request.organisation = active or (organisations[0] if organisations else None)  # type: ignore[attr-defined]
        return self.get_response(request)


class PrivateResponseMiddleware:
    """A response to a signed-in user (session or API token) is never stored by a browser or a
    shared cache: staff pages, exports and API answers carry private data. A response that
    declares itself cacheable (the public register's `public, max-age`) is left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False) and not _declares_public(response):
            patch_cache_control(response, private=True, no_store=True)
        return response


def _declares_public(response: HttpResponse) -> bool:
    return "public" in [d.strip() for d in response.get("Cache-Control", "").lower().split(",")]
