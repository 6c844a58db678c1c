"""Writing audit events. Every service that changes data calls `audit_record` in its transaction."""

import datetime
import decimal
import uuid
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from touchstone.core.models import AuditEvent, Organisation
from touchstone.core.permissions import organisation_of
from touchstone.core.request_context import current_request_id
from touchstone.core.services.bulk import insert_many


class AuditAction(StrEnum):
    """The actions core's services write to the audit log (each module's `services` names its
    own `AuditAction`). Other systems read the stored strings: add values, never change one."""

    CREATE = "create"
    GRANT_ROLE = "grant_role"
    SET_DEADLINE = "set_deadline"
    CANCEL_DEADLINE = "cancel_deadline"
    CLOSE_DEADLINE = "close_deadline"
    ENABLE_SCHEDULE = "enable_schedule"
    CREATE_API_TOKEN = "create_api_token"  # noqa: S105 (an action, not a secret)
    REVOKE_API_TOKEN = "revoke_api_token"  # noqa: S105
    ISSUE_LINK = "issue_link"
    USE_LINK = "use_link"
    REVOKE_LINK = "revoke_link"
    RAISE_INVOICE = "raise_invoice"
    RECORD_PAYMENT = "record_payment"
    STORE_UPLOAD = "store_upload"


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set):
        return [_json_value(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """A JSON-able picture of a model's concrete fields (or the ones named), for before/after."""
    names = (
        list(fields)
        if fields is not None
        else [f.attname for f in obj._meta.concrete_fields if f.name != "id"]
    )
    return {name: _json_value(getattr(obj, name)) for name in names}


def actor_label(actor) -> str:
    if actor is None:
        return "system"
    return actor.get_full_name() or actor.get_username()


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model,
    organisation: Organisation | None = None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEvent:
    """Append one audit event. Call inside the service's transaction so both land or neither."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=actor_label(actor),
        organisation=organisation or organisation_of(obj),
        content_type=ContentType.objects.get_for_model(obj.__class__),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=str(action),
        before=before,
        after=after,
        request_id=current_request_id(),
    )


def audit_record_many(
    *, actor, action: str, entries: Iterable[tuple[models.Model, dict | None]]
) -> None:
    """Append one audit event per (object, after) pair, as `audit_record` would, in one bulk
    insert: for services that write many rows at once (imports)."""
    content_types: dict[type, ContentType] = {}
    actor_id = actor if getattr(actor, "pk", None) else None
    label, request_id = actor_label(actor), current_request_id()
    events = []
    for obj, after in entries:
        model = obj.__class__
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(model)
        events.append(
            AuditEvent(
                actor=actor_id,
                actor_label=label,
                organisation=organisation_of(obj),
                content_type=content_types[model],
                object_id=str(obj.pk),
                object_repr=str(obj)[:300],
                action=str(action),
                after=after,
                request_id=request_id,
            )
        )
    insert_many(events)
