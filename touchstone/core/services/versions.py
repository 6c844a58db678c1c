"""Optimistic locking: a change names the version of the record it was made from.

A service that changes a `Versioned` record calls `lock_for_change` first, inside its
transaction. That re-reads the record under a row lock (`SELECT … FOR UPDATE`; SQLite
serialises writers itself), so preconditions are checked against the row as it is now and no
other writer can slip in between the check and the write; and, when the caller says which
version its user saw (`expected_version`: the form's hidden field, the API's `If-Match`), a
record that has moved on since is refused with `StaleVersion`. A change that alters the
record calls `version_bump` before saving.
"""

from django.db import models, transaction


class StaleVersion(Exception):
    """The record changed since the editor read it. `current` is the record as it is now."""

    def __init__(self, current: models.Model, expected: int):
        self.current = current
        self.expected = expected
        super().__init__(
            f"This record changed since you opened it: you edited version {expected}, "
            f"it is now version {current.version}."
        )


def lock_for_change(obj: models.Model, *, expected_version: int | None = None):
    """Re-read `obj` in place under a row lock and refuse a change made from an old version."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_for_change must run inside the service's transaction")
    obj.refresh_from_db(from_queryset=type(obj)._base_manager.select_for_update())
    if expected_version is not None and obj.version != expected_version:
        raise StaleVersion(obj, expected_version)
    return obj


def version_bump(obj: models.Model) -> None:
    """The record is about to be saved with a change: it becomes the next version."""
    obj.version += 1
