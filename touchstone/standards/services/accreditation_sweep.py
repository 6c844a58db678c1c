"""The daily sweep of the accreditation scheme: a provisional accreditation whose remediation
deadline has passed is terminated, and a registration whose end has passed without a renewal
lapses; the provider's users are told. Each accreditation is taken under a lock and only in the
state the sweep looks for, and each notice has a key, so a second run ends nothing twice and
sends nothing twice."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Deadline
from touchstone.core.services import audit_record, notify, version_bump
from touchstone.standards.models import Accreditation, AccreditationState
from touchstone.standards.services.accreditation_common import (
    REGISTRATION_END,
    REMEDIATION,
    accreditation_url,
    deadlines_close,
    provider_people,
)
from touchstone.standards.services.audit import AuditAction

ENDINGS = {
    # state it ends from: (date field, state it ends in, audit action)
    AccreditationState.PROVISIONAL: (
        "remediation_deadline",
        AccreditationState.TERMINATED,
        AuditAction.TERMINATE_ACCREDITATION,
    ),
    AccreditationState.REGISTERED: (
        "registered_until",
        AccreditationState.LAPSED,
        AuditAction.LAPSE_ACCREDITATION,
    ),
}


def _notice(accreditation: Accreditation, ended: str) -> tuple[str, str]:
    name = accreditation.framework.short_name
    if ended == AccreditationState.TERMINATED:
        return (
            f"Your {name} accreditation has ended",
            f"{accreditation.provider}'s provisional {name} registration ended on "
            f"{accreditation.ended_on:%d %B %Y}: compliance with every standard was not shown "
            "by the remediation deadline. You may apply again.",
        )
    return (
        f"Your {name} registration has lapsed",
        f"{accreditation.provider}'s {name} registration ended on "
        f"{accreditation.ended_on:%d %B %Y} and was not renewed. You may apply again.",
    )


def _end(pk: int, from_state: str, today: date) -> bool:
    field, to_state, action = ENDINGS[from_state]
    accreditation = (
        Accreditation.objects.select_for_update()
        .select_related("provider", "framework")
        .filter(pk=pk, state=from_state, **{f"{field}__lt": today})
        .first()
    )
    if accreditation is None:  # ended already, or renewed or registered meanwhile
        return False
    before = {"state": accreditation.state, field: getattr(accreditation, field)}
    accreditation.state = to_state
    accreditation.ended_on = getattr(accreditation, field)
    version_bump(accreditation)
    accreditation.full_clean()
    accreditation.save()
    accreditation.assessments.filter(closed=False).update(closed=True)
    deadlines_close(
        acting_user=None,
        accreditation=accreditation,
        kinds=(REMEDIATION, REGISTRATION_END),
        state=Deadline.State.CANCELLED,
    )
    audit_record(
        actor=None,
        action=action,
        obj=accreditation,
        before=before,
        after={"state": to_state, "ended_on": accreditation.ended_on},
    )
    subject, body = _notice(accreditation, to_state)
    for user in provider_people(accreditation):
        notify(
            recipient=user,
            key=f"standards:accreditation:{accreditation.pk}:{to_state}:{user.pk}",
            subject=subject,
            body=body,
            url=accreditation_url(accreditation),
        )
    return True


def accreditations_sweep(*, today: date | None = None) -> dict[str, int]:
    """End what is due to end as of `today` (see the module's docstring); the counts of
    accreditations terminated and lapsed by this run."""
    today = today or timezone.localdate()
    counts = {"terminated": 0, "lapsed": 0}
    for from_state, (field, to_state, _) in ENDINGS.items():
        due = Accreditation.objects.filter(state=from_state, **{f"{field}__lt": today})
        for pk in list(due.order_by("pk").values_list("pk", flat=True)):
            with transaction.atomic():
                if _end(pk, from_state, today):
                    counts[str(to_state)] += 1
    return counts
