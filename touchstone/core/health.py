"""The health check for a load balancer or supervisor: is this process able to serve?"""

import uuid

from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from touchstone.core.error_pages import RETRY_AFTER_SECONDS


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, else 503 with Retry-After. The cache is reported but
    never fails the check: without it requests still succeed, only with more work."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except (OperationalError, InterfaceError):
        database = "unavailable"
    probe = uuid.uuid4().hex
    cache.set(f"health:{probe}", probe, 10)
    cache_state = "ok" if cache.get(f"health:{probe}") == probe else "unavailable"
    cache.delete(f"health:{probe}")
    response = JsonResponse(
        {"database": database, "cache": cache_state}, status=200 if database == "ok" else 503
    )
    if database != "ok":
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
