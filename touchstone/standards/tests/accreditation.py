"""The accreditation tests' world: a standards body with an officer, a provider with its
administrator and a member of staff, an outsider; and the steps of the scheme (apply, pay,
answer every standard) for the tests to start from."""

from dataclasses import dataclass
from datetime import date

from touchstone.core.models import Organisation, OrganisationKind, Role, User
from touchstone.core.testing import new_organisation, new_user
from touchstone.standards import services
from touchstone.standards.models import Accreditation, Assessment
from touchstone.standards.selectors import assessment_shape, framework_current

APPLIED_ON = date(2026, 1, 31)


@dataclass
class Scheme:
    body: Organisation
    officer: User
    provider: Organisation
    admin: User  # runs the provider
    staff: User  # works at the provider
    other_provider: Organisation
    other_admin: User
    other_body: Organisation
    other_officer: User


def scheme_world(prefix: str = "") -> Scheme:
    body = new_organisation(f"{prefix}institute", OrganisationKind.STANDARDS_BODY)
    provider = new_organisation(f"{prefix}advice-centre", OrganisationKind.PROVIDER)
    other_provider = new_organisation(f"{prefix}law-shop", OrganisationKind.PROVIDER)
    other_body = new_organisation(f"{prefix}other-institute", OrganisationKind.STANDARDS_BODY)
    return Scheme(
        body=body,
        officer=new_user(f"{prefix}iqs-officer", (body, Role.OFFICER)),
        provider=provider,
        admin=new_user(f"{prefix}centre-admin", (provider, Role.PROVIDER_ADMIN)),
        staff=new_user(f"{prefix}centre-adviser", (provider, Role.CASEWORKER)),
        other_provider=other_provider,
        other_admin=new_user(f"{prefix}shop-admin", (other_provider, Role.PROVIDER_ADMIN)),
        other_body=other_body,
        other_officer=new_user(f"{prefix}other-officer", (other_body, Role.OFFICER)),
    )


def applied(w: Scheme, *, corporate_member=False, today=APPLIED_ON) -> Accreditation:
    return services.accreditation_apply(
        acting_user=w.admin,
        provider=w.provider,
        standards_body=w.body,
        corporate_member=corporate_member,
        today=today,
    )


def open_assessment(accreditation: Accreditation) -> Assessment:
    return accreditation.assessments.get(closed=False)


def paid(w: Scheme, assessment: Assessment, on=None) -> Assessment:
    return services.assessment_fee_record_payment(
        acting_user=w.officer,
        assessment=assessment,
        paid_on=on or assessment.invoice.raised_on,
        reference="BACS 1234",
    )


def every_standard(answer: str = "complied", **exceptions: str) -> dict:
    """Answers to every IQS standard (`s55="partial"` for the exceptions)."""
    numbers = assessment_shape(framework_current("iqs-2012")).numbers
    given = {number: {"answer": answer} for number in numbers}
    for key, value in exceptions.items():
        given[int(key.removeprefix("s"))] = {"answer": value}
    return given


def answered(w: Scheme, assessment: Assessment, answer="complied", **exceptions) -> Assessment:
    return services.assessment_answers_save(
        acting_user=w.admin, assessment=assessment, answers=every_standard(answer, **exceptions)
    )


def submitted(w: Scheme, *, today=APPLIED_ON, **exceptions) -> Accreditation:
    """Applied for, paid, answered (complied but for `exceptions`) and submitted on `today`."""
    accreditation = applied(w, today=today)
    assessment = paid(w, open_assessment(accreditation))
    answered(w, assessment, **exceptions)
    services.assessment_submit(acting_user=w.admin, assessment=assessment, today=today)
    accreditation.refresh_from_db()
    return accreditation
