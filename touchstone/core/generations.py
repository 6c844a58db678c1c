"""Generations: cache invalidation that every process sees the moment a write commits.

A write that makes cached data stale calls `bump(name)` inside its transaction; a read that
caches puts `current(name)` in its cache key. The counter lives in the database, beside the
data, so a per-process cache and a shared one (Redis) are both right on every process, a Redis
that is down loses nothing, and a write that rolls back changes nothing. A reader that takes
the generation just before a write commits can only store fresher data under the old key, which
no one asks for again.

Writers of one name take turns on its row until they commit: fine for data written by staff
(the register), not for something written on every request.
"""

from django.db import transaction
from django.db.models import F

from touchstone.core.models.generations import Generation


def bump(name: str) -> None:
    """Make everything cached under `name` stale once the current transaction commits."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("bump() belongs inside the transaction of the write")
    if not Generation.objects.filter(name=name).update(value=F("value") + 1):
        Generation.objects.get_or_create(name=name)
        Generation.objects.filter(name=name).update(value=F("value") + 1)


def current(name: str) -> int:
    """The committed generation of `name`, for a cache key (one primary-key read)."""
    value = Generation.objects.filter(name=name).values_list("value", flat=True).first()
    return value or 0
