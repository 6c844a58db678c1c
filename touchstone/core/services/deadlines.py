"""A reusable way for any module to put a due date on an object and warn the people responsible.

A module calls `deadline_set` whenever the due date or the people responsible change and
`deadline_close` when the thing is done. The daily sweep (`deadlines_sweep`) then notifies each
responsible user once when a deadline comes within its warning window and once when it is missed.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from touchstone.core.models import Deadline, Organisation, User
from touchstone.core.rules import warning_due
from touchstone.core.services.audit import AuditAction, audit_record
from touchstone.core.services.notifications import notify


@transaction.atomic
def deadline_set(
    *,
    acting_user,
    subject: models.Model,
    organisation: Organisation,
    kind: str,
    label: str,
    due_on: date | None,
    responsible: list[User],
    url: str = "",
    warn_days: int = 14,
    warnings: list[int] | None = None,
) -> Deadline | None:
    """Create, move or (with due_on=None) cancel the deadline of this kind on `subject`.
    `warnings`: several warnings, days before the due date (each sent once), instead of the
    single one `warn_days` before."""
    content_type = ContentType.objects.get_for_model(subject.__class__)
    existing = Deadline.objects.filter(
        content_type=content_type, object_id=str(subject.pk), kind=kind
    ).first()
    if due_on is None:
        if existing and existing.state == Deadline.State.OPEN:
            existing.state = Deadline.State.CANCELLED
            existing.save(update_fields=["state", "updated_at"])
            audit_record(
                actor=acting_user,
                action=AuditAction.CANCEL_DEADLINE,
                obj=subject,
                organisation=organisation,
                after={"kind": kind},
            )
        return None
    deadline = existing or Deadline(content_type=content_type, object_id=str(subject.pk), kind=kind)
    before = {"due_on": deadline.due_on, "state": deadline.state} if existing else None
    deadline.organisation = organisation
    deadline.label = label[:300]
    deadline.url = url
    deadline.due_on = due_on
    deadline.warn_days = warn_days
    deadline.warnings = sorted({int(days) for days in warnings or []}, reverse=True)
    deadline.state = Deadline.State.OPEN
    deadline.full_clean()
    deadline.save()
    deadline.responsible.set(responsible)
    if before != {"due_on": due_on, "state": Deadline.State.OPEN}:
        audit_record(
            actor=acting_user,
            action=AuditAction.SET_DEADLINE,
            obj=subject,
            organisation=organisation,
            before=before,
            after={"kind": kind, "due_on": due_on.isoformat(), "state": "open"},
        )
    return deadline


@transaction.atomic
def deadline_close(
    *, acting_user, subject: models.Model, kind: str, state: str = Deadline.State.MET
) -> None:
    """Close the open deadline of this kind on `subject` as met (or cancelled), audited on the
    subject; a deadline already closed, or none, changes nothing and records nothing."""
    content_type = ContentType.objects.get_for_model(subject.__class__)
    open_deadlines = Deadline.objects.select_for_update().filter(
        content_type=content_type, object_id=str(subject.pk), kind=kind, state=Deadline.State.OPEN
    )
    for deadline in open_deadlines:
        deadline.state = state
        deadline.full_clean()
        deadline.save(update_fields=["state", "updated_at"])
        audit_record(
            actor=acting_user,
            action=AuditAction.CLOSE_DEADLINE,
            obj=subject,
            organisation=deadline.organisation,
            before={"state": "open"},
            after={"kind": kind, "due_on": deadline.due_on.isoformat(), "state": str(state)},
        )


@dataclass(frozen=True)
class SweepResult:
    as_of: date
    checked: int
    due_soon_sent: int
    overdue_sent: int


def deadlines_sweep(*, as_of: date) -> SweepResult:
    """Notify the people responsible for open deadlines that are due soon or missed.

    A deadline with several `warnings` sends each once, the nearest owed (`warning_due`); one
    without sends the single warning `warn_days` before. Each notification's key names the
    deadline, the kind of warning (for several, which one), the due date and the recipient, so
    running the sweep twice sends nothing twice, while a deadline that is moved warns again for
    its new date.
    """
    due_soon_sent = overdue_sent = checked = 0
    horizon = as_of + timedelta(days=366)
    open_deadlines = (
        Deadline.objects.filter(state=Deadline.State.OPEN, due_on__lte=horizon)
        .prefetch_related("responsible")
        .order_by("due_on", "id")
    )
    for deadline in open_deadlines.iterator(chunk_size=500):
        checked += 1
        if deadline.due_on < as_of:
            warning, subject = "overdue", f"Overdue: {deadline.label}"
            body = f"{deadline.label} was due on {deadline.due_on:%d %B %Y} and is not done."
        elif deadline.warnings:
            days = warning_due(due_on=deadline.due_on, as_of=as_of, warnings=deadline.warnings)
            if days is None:
                continue
            warning, subject = (
                f"due-soon-{days}",
                f"Due {deadline.due_on:%d %b %Y}: {deadline.label}",
            )
            body = f"{deadline.label} is due on {deadline.due_on:%d %B %Y}."
        elif deadline.due_on <= as_of + timedelta(days=deadline.warn_days):
            warning, subject = "due-soon", f"Due {deadline.due_on:%d %b %Y}: {deadline.label}"
            body = f"{deadline.label} is due on {deadline.due_on:%d %B %Y}."
        else:
            continue
        for user in deadline.responsible.all():
            key = f"deadline:{deadline.pk}:{warning}:{deadline.due_on.isoformat()}:{user.pk}"
            with transaction.atomic():
                sent = notify(recipient=user, key=key, subject=subject, body=body, url=deadline.url)
            if sent and warning == "overdue":
                overdue_sent += 1
            elif sent:
                due_soon_sent += 1
    return SweepResult(as_of, checked, due_soon_sent, overdue_sent)
