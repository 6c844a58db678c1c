"""What the accreditation services share: the people told and made responsible (those who run
the provider), the deadlines they are given (the remediation deadline and the registration's
end, each with its warnings) and the fee in force."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse

from touchstone.core.models import User
from touchstone.core.services import deadline_close, deadline_set
from touchstone.standards.models import Accreditation
from touchstone.standards.permissions import PROVIDER_ROLES
from touchstone.standards.rules import (
    FeeSchedule,
    accreditation_fee,
    fee_in_force,
    warning_days,
)
from touchstone.standards.selectors.assessment import FeesMissing, fee_schedules

REMEDIATION = "standards.remediation"
REGISTRATION_END = "standards.registration_end"
# 3 months, 1 month and 1 week before the remediation deadline; 2 months, 1 month and 1 week
# before a registration ends
REMEDIATION_WARNINGS = {"months": (3, 1), "days": (7,)}
RENEWAL_WARNINGS = {"months": (2, 1), "days": (7,)}


def provider_people(accreditation: Accreditation, *, running: bool = False) -> list[User]:
    """The provider's users (only those who run it, with `running`), each once."""
    members = accreditation.provider.memberships.all()
    if running:
        members = members.filter(role__in=PROVIDER_ROLES)
    ids = members.values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def schedule_in_force(framework_ref: str, on: date) -> FeeSchedule:
    try:
        schedules = list(fee_schedules(framework_ref))
    except FeesMissing:
        raise ValidationError(
            f"{framework_ref} has no accreditation fees: it cannot be applied for."
        ) from None
    schedule = fee_in_force(schedules, on)
    if schedule is None:
        raise ValidationError(f"No {framework_ref} fee was in force on {on:%d %B %Y}.")
    return schedule


def fee_for(accreditation: Accreditation, on: date) -> Decimal:
    schedule = schedule_in_force(accreditation.framework_ref, on)
    return accreditation_fee(schedule, corporate_member=accreditation.corporate_member)


def accreditation_url(accreditation: Accreditation) -> str:
    return reverse("standards:accreditation", args=[accreditation.pk])


def _deadline_set(*, acting_user, accreditation, kind: str, due, label: str, warnings: dict):
    deadline_set(
        acting_user=acting_user,
        subject=accreditation,
        organisation=accreditation.standards_body,
        kind=kind,
        label=f"{label} {accreditation.framework.short_name}: {accreditation.provider}",
        due_on=due,
        responsible=provider_people(accreditation, running=True),
        url=accreditation_url(accreditation),
        warnings=warning_days(due, **warnings) if due else None,
    )


def remediation_deadline_set(*, acting_user, accreditation: Accreditation) -> None:
    _deadline_set(
        acting_user=acting_user,
        accreditation=accreditation,
        kind=REMEDIATION,
        due=accreditation.remediation_deadline,
        label="Show compliance with",
        warnings=REMEDIATION_WARNINGS,
    )


def registration_end_set(*, acting_user, accreditation: Accreditation) -> None:
    _deadline_set(
        acting_user=acting_user,
        accreditation=accreditation,
        kind=REGISTRATION_END,
        due=accreditation.registered_until,
        label="Renew the registration under",
        warnings=RENEWAL_WARNINGS,
    )


def deadlines_close(*, acting_user, accreditation: Accreditation, kinds: tuple[str, ...], state):
    for kind in kinds:
        deadline_close(acting_user=acting_user, subject=accreditation, kind=kind, state=state)
