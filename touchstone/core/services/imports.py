"""Holding an upload between its preview and its confirmation (see core.imports).

Not audited: a held upload is working storage, like a session, and changes nothing anyone
relies on; the import it leads to writes the audit events."""

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from touchstone.core.models import PendingImport

# An upload not confirmed within this time is forgotten.
PENDING_HOURS = 6


@transaction.atomic
def pending_import_hold(
    *, acting_user, kind: str, organisation, filename: str, data: bytes, options: dict
) -> PendingImport:
    """Keep a previewed upload for its confirmation, replacing the person's earlier upload of
    the same kind (a new upload starts again) and clearing expired ones."""
    PendingImport.objects.filter(created_by=acting_user, kind=kind).delete()
    PendingImport.objects.filter(
        created_at__lt=timezone.now() - timedelta(hours=PENDING_HOURS)
    ).delete()
    pending = PendingImport.objects.create(
        kind=kind,
        created_by=acting_user,
        organisation=organisation,
        filename=filename,
        data=bytes(data),
        options=options,
    )
    return pending


@transaction.atomic
def pending_import_take(*, acting_user, kind: str, pk) -> PendingImport | None:
    """The person's held upload with this id, removed from the store (so it imports once), or
    None if there is none (never held, someone else's, already taken or expired)."""
    try:
        pk = uuid.UUID(str(pk)) if pk else None
    except ValueError:
        pk = None
    pending = (
        PendingImport.objects.select_for_update()
        .filter(
            pk=pk,
            kind=kind,
            created_by=acting_user,
            created_at__gte=timezone.now() - timedelta(hours=PENDING_HOURS),
        )
        .first()
        if pk
        else None
    )
    if pending is None:
        return None
    pending.data = bytes(pending.data)  # a memoryview on PostgreSQL
    PendingImport.objects.filter(pk=pending.pk).delete()
    return pending
