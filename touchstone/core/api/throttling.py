"""API rate limits counted per client address as `core.inputs.client_ip` reads it (the REST
framework's own reading believes any X-Forwarded-For, so a client could pick a fresh address
for every request)."""

from rest_framework.throttling import ScopedRateThrottle

from touchstone.core.inputs import client_ip


class ClientScopedRateThrottle(ScopedRateThrottle):
    def get_ident(self, request):
        return client_ip(request) or "unknown"
