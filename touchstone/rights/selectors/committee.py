"""What the Admissions and Licensing Committee reads: the applications referred to it by the
regulators where the user sits on it (or is an officer), and nothing else."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from touchstone.core.models import Membership, OrganisationKind, Role
from touchstone.core.selectors import organisations_with_perm
from touchstone.rights.models import Application
from touchstone.rights.rules import queue

COMMITTEE = "rights.view_committee_cases"
_HEARING_ON = {"experience": "alc_hearing_on", "application": "application_hearing_on"}
_REASONS = {"experience": "experience_reasons", "application": "application_reasons"}


@dataclass(frozen=True)
class Referral:
    """One step of an application referred to the committee, with its hearing."""

    application: Application
    step: str  # "experience" or "application"
    hearing_on: date | None
    reasons: str

    @property
    def step_words(self) -> str:
        return queue.STEPS[self.step]


def _referred() -> Q:
    found = Q(pk__in=[])
    for step, state in queue.REFERRED.items():
        found |= Q(**{f"{step}_state": state})
    return found


def _referrals(application: Application) -> list[Referral]:
    return [
        Referral(
            application=application,
            step=step,
            hearing_on=getattr(application, _HEARING_ON[step]),
            reasons=getattr(application, _REASONS[step]),
        )
        for step, state in queue.REFERRED.items()
        if getattr(application, f"{step}_state") == state
    ]


def committee_applications(user) -> QuerySet[Application]:
    """The applications referred to the committee by the regulators where the user may read
    the committee's cases."""
    return (
        Application.objects.filter(
            _referred(),
            regulator__in=organisations_with_perm(user, COMMITTEE, kind=OrganisationKind.REGULATOR),
        )
        .select_related("regulator", "applicant")
        .order_by("pk")
    )


def committee_referrals(user) -> list[Referral]:
    """Each step referred to the committee, soonest hearing first (those without a date
    last), then in the order the applications were made."""
    found = [r for a in committee_applications(user) for r in _referrals(a)]
    return sorted(
        found,
        key=lambda r: (r.hearing_on is None, r.hearing_on or date.min, r.application.pk),
    )


def committee_case_for(user, pk: int) -> tuple[Application, list[Referral]] | None:
    """The application and its steps referred to the committee, if it is referred and the
    user may read its regulator's committee cases; else None (as if there were none)."""
    application = committee_applications(user).filter(pk=pk).first()
    if application is None:
        return None
    return application, _referrals(application)


def sits_on_committee(user) -> bool:
    """Whether the user is a committee member of a regulator that refers cases to it."""
    if not getattr(user, "is_authenticated", False):
        return False
    regulators = organisations_with_perm(user, COMMITTEE, kind=OrganisationKind.REGULATOR)
    return Membership.objects.filter(
        user=user, role=Role.COMMITTEE_MEMBER, organisation__in=regulators
    ).exists()
