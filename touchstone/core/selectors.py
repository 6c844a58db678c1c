"""Reads in core that depend on who is asking."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from touchstone.core.inputs import parse_id
from touchstone.core.models import (
    AuditEvent,
    Deadline,
    Job,
    Membership,
    Notification,
    Organisation,
    Person,
)


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
    linked records by name rather than id, choices by their labels, yes/no for true/false.
    One query per kind of linked record on the page, whatever the number of events."""
    fields = {}
    for field in model._meta.concrete_fields:
        fields[field.name] = fields[field.attname] = field
    wanted: dict[models.Field, set] = defaultdict(set)
    raw = [event.changes() for event in events]
    for changes in raw:
        for key, before, after in changes:
            field = fields.get(key)
            if field is not None and field.is_relation:
                wanted[field].update(v for v in (before, after) if _is_key(v))
    names = {
        field: {
            str(pk): str(obj)
            for pk, obj in field.related_model._default_manager.in_bulk(list(ids)).items()
        }
        for field, ids in wanted.items()
    }

    def shown(field, value):
        if value is None or value == "":
            return None
        if field is not None and field.is_relation and _is_key(value):
            return names[field].get(str(value), f"#{value} (since removed)")
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if field is not None and field.choices:
            return dict(field.flatchoices).get(value, value)
        return value

    described = []
    for changes in raw:
        rows = []
        for key, before, after in changes:
            field = fields.get(key)
            label = str(field.verbose_name) if field is not None else key.replace("_", " ")
            was, now = shown(field, before), shown(field, after)
            if was != now:  # None and "" both read as nothing: no change to show
                rows.append(Change(label[:1].upper() + label[1:], was, now))
        described.append(rows)
    return described


def _is_key(value) -> bool:
    """An id of a linked record (events may also record a code or a name instead)."""
    return parse_id(value) is not None


def notifications_for_user(user, *, unread_only: bool = False) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    queryset = Notification.objects.filter(recipient=user)
    return queryset.filter(read_at__isnull=True) if unread_only else queryset


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
