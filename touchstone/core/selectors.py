"""Reads in core that depend on who is asking."""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

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


def history_for_object(obj: models.Model) -> QuerySet[AuditEvent]:
    """The audit events about one object, newest first. Callers check the object's view rule."""
    content_type = ContentType.objects.get_for_model(obj.__class__)
    return AuditEvent.objects.filter(content_type=content_type, object_id=str(obj.pk)).order_by(
        "-occurred_at", "-id"
    )


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
