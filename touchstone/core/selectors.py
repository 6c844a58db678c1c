"""Reads in core that depend on who is asking."""

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.inputs import parse_id
from touchstone.core.models import (
    AccessLink,
    AuditEvent,
    Deadline,
    Invoice,
    Job,
    Membership,
    Notification,
    Organisation,
    Person,
    WorkerHeartbeat,
)
from touchstone.core.rules import joined_in_words
from touchstone.core.services.audit import AuditAction
from touchstone.core.services.links import LinkRefused, link_refusal, token_hash


def memberships_for_user(user) -> QuerySet[Membership]:
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("organisation")


def organisations_for_user(user) -> QuerySet[Organisation]:
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct()


def organisations_with_perm(user, perm: str, *, kind: str | None = None) -> QuerySet[Organisation]:
    """The organisations in which this user has permission `perm` (checked on the organisation
    itself, so a role-based rule such as `register.view_registrant` or `plans.add_plan`
    answers for everything that organisation owns). `kind` narrows to one kind of body."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    candidates = organisations_for_user(user)
    if kind is not None:
        candidates = candidates.filter(kind=kind)
    allowed = [o.pk for o in candidates if user.has_perm(perm, o)]
    return Organisation.objects.filter(pk__in=allowed)


def history_for_object(obj: models.Model) -> QuerySet[AuditEvent]:
    """The audit events about one object, newest first. Callers check the object's view rule."""
    content_type = ContentType.objects.get_for_model(obj.__class__)
    return AuditEvent.objects.filter(content_type=content_type, object_id=str(obj.pk)).order_by(
        "-occurred_at", "-id"
    )


@dataclass(frozen=True)
class Change:
    field: str
    before: object
    after: object


def described_changes(model: type[models.Model], events: list[AuditEvent]) -> list[list[Change]]:
    """Each event's changes in words: fields by their labels ("Category", not "category_id"),
    linked records by name rather than id (or code, for reference data), choices by their
    labels, yes/no for true/false, lists joined in words, dates as "3 March 2026". At most two
    queries per kind of linked record on the page (by id, by code), whatever the number of
    events."""
    by_model: dict[type[models.Model], dict[str, models.Field]] = {}

    def fields_of(event: AuditEvent) -> dict[str, models.Field]:
        """The fields an event records: its object's, or those of the record it names
        (a deadline event on an action records the deadline's due date and state)."""
        source = _RECORDS_OTHER_MODEL.get(event.action) or _history_records(model).get(
            event.action, model
        )
        if source not in by_model:
            by_model[source] = {}
            for field in source._meta.concrete_fields:
                by_model[source][field.name] = by_model[source][field.attname] = field
        return by_model[source]

    extra = {key: apps.get_model(label) for key, label in _history_references(model).items()}

    def linked(key: str, field) -> type[models.Model] | None:
        if field is not None and field.is_relation:
            return field.related_model
        return extra.get(key)

    by_key: dict[type[models.Model], set] = defaultdict(set)
    by_code: dict[type[models.Model], set] = defaultdict(set)
    raw = [(fields_of(event), event.changes()) for event in events]
    for fields, changes in raw:
        for key, before, after in changes:
            target = linked(key, fields.get(key))
            if target is None:
                continue
            for value in (before, after):
                if _is_key(value):
                    by_key[target].add(value)
                elif isinstance(value, str) and value and _has_code(target):
                    by_code[target].add(value)  # reference data recorded by its code
    names: dict[type[models.Model], dict[str, str]] = defaultdict(dict)
    codes: dict[type[models.Model], dict[str, str]] = defaultdict(dict)
    for target in by_key.keys() | by_code.keys():  # one query per kind of linked record
        ids, values = list(by_key[target]), list(by_code[target])
        wanted = models.Q(pk__in=ids)
        if values:
            wanted |= models.Q(code__in=values)
        for obj in target._default_manager.filter(wanted):
            names[target][str(obj.pk)] = str(obj)
            if values:
                codes[target][obj.code] = str(obj)

    def shown(key, field, value):
        if value is None or value == "" or value == []:
            return None
        if isinstance(value, list | tuple):  # leads ["BB", "IW"] → "BB and IW"
            items = [str(shown(key, field, v)) for v in value if shown(key, field, v) is not None]
            return joined_in_words(items) if items else None
        target = linked(key, field)
        if target is not None and _is_key(value):
            return names[target].get(str(value), f"#{value} (since removed)")
        if target is not None and isinstance(value, str) and value in codes.get(target, {}):
            return codes[target][value]  # "suspended" → "Suspended"
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if field is not None and field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, str) and (day := _iso_day(value)) is not None:
            return date_in_words(day)  # "2026-03-03" → "3 March 2026"
        if isinstance(value, str) and (kind := _model_named(value)) is not None:
            return model_in_words(kind)  # a deadline's kind "plans.action" → "Action"
        return value

    described = []
    for fields, changes in raw:
        rows = []
        for key, before, after in changes:
            field = fields.get(key)
            label = str(field.verbose_name) if field is not None else key.replace("_", " ")
            was, now = shown(key, field, before), shown(key, field, after)
            if was != now:  # None and "" both read as nothing: no change to show
                rows.append(Change(label[:1].upper() + label[1:], was, now))
        described.append(rows)
    return described


# Audit actions whose before/after are the fields of another record than the event's object.
_RECORDS_OTHER_MODEL: dict[str, type[models.Model]] = {
    AuditAction.SET_DEADLINE: Deadline,
    AuditAction.CANCEL_DEADLINE: Deadline,
    AuditAction.CLOSE_DEADLINE: Deadline,
}


def _history_references(model: type[models.Model]) -> dict[str, str]:
    """Keys a model's audit events use for reference data that are not its own fields
    (`history_references = {"right": "register.RightType"}` on the model)."""
    return getattr(model, "history_references", {})


def _history_records(model: type[models.Model]) -> dict[str, type[models.Model]]:
    """Audit actions on a model whose before/after are another record's fields
    (`history_records = {"record_progress": "plans.ProgressUpdate"}` on the action: a
    progress note's text reads as "Progress made", not as the action's own text)."""
    return {
        action: apps.get_model(label)
        for action, label in getattr(model, "history_records", {}).items()
    }


def _has_code(model: type[models.Model]) -> bool:
    return any(f.name == "code" for f in model._meta.concrete_fields)


def _iso_day(text: str) -> date | None:
    """The day of an ISO date or date-time as the audit stores them, else None."""
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _model_named(text: str) -> type[models.Model] | None:
    if not re.fullmatch(r"[a-z_]+\.[a-z_]+", text):
        return None
    try:
        return apps.get_model(text)
    except (LookupError, ValueError):
        return None


def model_in_words(model: type[models.Model]) -> str:
    """ "Action", "Practice right": the kind of record as people call it."""
    name = str(model._meta.verbose_name)
    return name[:1].upper() + name[1:]


def _is_key(value) -> bool:
    """An id of a linked record, a number or a UUID (events may also record a code or a name
    instead)."""
    if isinstance(value, str) and len(value) == 36:
        try:
            uuid.UUID(value)
        except ValueError:
            return False
        return True
    return parse_id(value) is not None


def notifications_for_user(user, *, unread_only: bool = False) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    queryset = Notification.objects.filter(recipient=user)
    return queryset.filter(read_at__isnull=True) if unread_only else queryset


def worker_alive(*, now=None) -> bool:
    """Whether a task worker (`touchstone db_worker`) holds a live lease: one seen within
    TOUCHSTONE_WORKER["LEASE_SECONDS"]. Without one, a job started now waits until a worker
    runs, so a page can offer the direct way instead."""
    seen_since = (now or timezone.now()) - timedelta(
        seconds=settings.TOUCHSTONE_WORKER["LEASE_SECONDS"]
    )
    return WorkerHeartbeat.objects.filter(last_seen_at__gte=seen_since).exists()


def job_for_user(user, job_id) -> Job | None:
    """A job is visible only to the person who started it."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Job.objects.filter(pk=job_id, created_by=user).first()


def people_with_initials(organisation: Organisation, initials: list[str]) -> QuerySet[Person]:
    return Person.objects.filter(organisation=organisation, initials__in=initials).select_related(
        "user"
    )


def deadlines_for_user(user, *, as_of: date, within_days: int = 30) -> QuerySet[Deadline]:
    """Open deadlines the user is responsible for that are missed or due within the window."""
    if not getattr(user, "is_authenticated", False):
        return Deadline.objects.none()
    return Deadline.objects.filter(
        responsible=user, state=Deadline.State.OPEN, due_on__lte=as_of + timedelta(within_days)
    ).order_by("due_on", "id")


def api_token_created(user):
    """When the user's API token was created, or None (the key itself is never shown again)."""
    from rest_framework.authtoken.models import Token

    if not getattr(user, "is_authenticated", False):
        return None
    return Token.objects.filter(user=user).values_list("created", flat=True).first()


def access_link_open(token: str, purpose: str) -> AccessLink:
    """The link `token` opens for `purpose`, when it can still be used; else LinkRefused (the
    page says why: unknown, used, expired or withdrawn). Reads only: spending it is a write."""
    link = AccessLink.objects.filter(token_hash=token_hash(token or ""), purpose=purpose).first()
    reason = link_refusal(link)
    if reason:
        raise LinkRefused(reason)
    return link


def invoices_for(subject: models.Model) -> QuerySet:
    """The invoices raised for a record, newest first."""
    return Invoice.objects.filter(
        content_type=ContentType.objects.get_for_model(subject.__class__), object_id=str(subject.pk)
    )
