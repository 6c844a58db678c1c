"""System checks of the project's own, run by `touchstone check --deploy`."""

import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.checks import Error, Tags, register


@register(Tags.caches, deploy=True)
def caches_reachable(app_configs=None, **kwargs) -> list[Error]:
    """Every configured cache answers: a value written can be read back. A cache that is down
    never fails a request (it is skipped and logged), so without this check a deploy could run
    for good on no cache at all, each process counting rate limits on its own."""
    errors = []
    for alias in settings.CACHES:
        cache = caches[alias]
        key, value = f"touchstone:check:{uuid.uuid4().hex}", uuid.uuid4().hex
        try:
            cache.set(key, value, 30)
            answered = cache.get(key)
            cache.delete(key)
        except Exception as exc:  # any failure to reach it is the finding
            answered = exc
        if answered != value:
            location = settings.CACHES[alias].get("LOCATION", "")
            errors.append(
                Error(
                    f"The {alias!r} cache ({location}) cannot be reached.",
                    hint="Start it, or correct TOUCHSTONE_REDIS_URL.",
                    id="touchstone.E001",
                )
            )
    return errors
