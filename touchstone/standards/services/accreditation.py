"""Applying for accreditation, paying its fee and starting the yearly renewal.

An application opens the accreditation (state `applied`) with its initial self-assessment: one
blank answer per assessable standard of the framework's current edition, and the fee invoice
raised by the standards body at the amount in force that day (for a corporate member or not).
A renewal, from three months before the registration ends, is a new assessment that starts
from last year's answers, each to be re-confirmed, with the next year's fee invoice."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.permissions import require_perm
from touchstone.core.services import (
    audit_record,
    invoice_raise,
    invoice_record_payment,
    lock_for_change,
    version_bump,
)
from touchstone.standards.models import (
    OPEN_STATES,
    Accreditation,
    AccreditationState,
    Answer,
    Assessment,
    AssessmentKind,
    Node,
)
from touchstone.standards.rules import months_after
from touchstone.standards.selectors.assessment import ACCREDITED_FRAMEWORK
from touchstone.standards.selectors.frameworks import UnknownFramework, framework_current
from touchstone.standards.services.accreditation_common import fee_for
from touchstone.standards.services.audit import AuditAction

RENEWAL_OPENS_MONTHS = 3


def _assessment_open(
    *, acting_user, accreditation, kind: str, today: date, carried: dict[int, Answer]
) -> Assessment:
    """An assessment with its fee's invoice and an answer per assessable standard: `carried`
    (last year's, by number) to be re-confirmed, the rest blank."""
    fee = fee_for(accreditation, today)
    assessment = Assessment(accreditation=accreditation, kind=kind, started_on=today, fee=fee)
    assessment.full_clean()
    assessment.save()
    label = "Accreditation" if kind == AssessmentKind.INITIAL else "Renewal of accreditation"
    assessment.invoice = invoice_raise(
        acting_user=acting_user,
        organisation=accreditation.standards_body,
        payer=acting_user,
        subject=assessment,
        description=f"{label}: {accreditation.framework.short_name}, {accreditation.provider}, "
        "12 months",
        amount=fee,
        raised_on=today,
    )
    assessment.save(update_fields=["invoice"])
    standards = Node.objects.filter(
        framework=accreditation.framework, assessable=True, number__isnull=False
    ).order_by("order")
    rows = []
    for node in standards:
        previous = carried.get(node.number)
        rows.append(
            Answer(
                assessment=assessment,
                node=node,
                number=node.number,
                answer=previous.answer if previous else "",
                note=previous.note if previous else "",
                reconfirmed=previous is None or not previous.answer,
            )
        )
    Answer.objects.bulk_create(rows)
    return assessment


@transaction.atomic
def accreditation_apply(
    *,
    acting_user,
    provider: Organisation,
    standards_body: Organisation,
    corporate_member: bool,
    framework_ref: str = ACCREDITED_FRAMEWORK,
    today: date | None = None,
) -> Accreditation:
    """Open `provider`'s accreditation with `standards_body`, its initial assessment and the
    fee's invoice. Refused for a provider with an accreditation already open for the
    framework."""
    today = today or timezone.localdate()
    if provider.kind != OrganisationKind.PROVIDER:
        raise ValidationError(f"{provider} is not a legal service provider.")
    if standards_body.kind != OrganisationKind.STANDARDS_BODY:
        raise ValidationError(f"{standards_body} is not a standards body.")
    require_perm(acting_user, "standards.apply_accreditation", provider)
    try:
        framework = framework_current(framework_ref)
    except UnknownFramework:
        raise ValidationError(f'There is no framework "{framework_ref}".') from None
    Organisation.objects.select_for_update().filter(pk=provider.pk).first()
    if Accreditation.objects.filter(
        provider=provider, framework_ref=framework_ref, state__in=OPEN_STATES
    ).exists():
        raise ValidationError(
            f"{provider} already has an open {framework.short_name} accreditation."
        )
    accreditation = Accreditation(
        provider=provider,
        standards_body=standards_body,
        framework=framework,
        framework_ref=framework_ref,
        corporate_member=bool(corporate_member),
        applied_on=today,
        applied_by=acting_user,
    )
    accreditation.full_clean()
    accreditation.save()
    assessment = _assessment_open(
        acting_user=acting_user,
        accreditation=accreditation,
        kind=AssessmentKind.INITIAL,
        today=today,
        carried={},
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.APPLY_ACCREDITATION,
        obj=accreditation,
        after={
            "provider": provider.slug,
            "framework": f"{framework.ref_id} {framework.edition}",
            "corporate_member": accreditation.corporate_member,
            "fee": assessment.fee,
            "invoice": assessment.invoice.number,
        },
    )
    return accreditation


@transaction.atomic
def assessment_fee_record_payment(
    *,
    acting_user,
    assessment: Assessment,
    paid_on: date,
    reference: str = "",
    expected_version: int | None = None,
) -> Assessment:
    """The standards body records that the assessment's fee was paid (once)."""
    lock_for_change(assessment, expected_version=expected_version)
    require_perm(acting_user, "standards.record_fee_payment", assessment)
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": "The payment date cannot be in the future."})
    invoice = invoice_record_payment(
        acting_user=acting_user, invoice=assessment.invoice, paid_on=paid_on, reference=reference
    )
    version_bump(assessment)
    assessment.save(update_fields=["version"])
    audit_record(
        actor=acting_user,
        action=AuditAction.RECORD_ACCREDITATION_FEE,
        obj=assessment.accreditation,
        after={
            "invoice": invoice.number,
            "paid_on": paid_on,
            "reference": invoice.payment_reference,
        },
    )
    return assessment


@transaction.atomic
def accreditation_renewal_start(
    *,
    acting_user,
    accreditation: Accreditation,
    today: date | None = None,
    expected_version: int | None = None,
) -> Assessment:
    """Open the renewal assessment of a registered accreditation, from three months before
    its registration ends: last year's answers and notes carried over, each to be
    re-confirmed (a standard new to the edition starts blank), and the next fee's invoice."""
    today = today or timezone.localdate()
    lock_for_change(accreditation, expected_version=expected_version)
    require_perm(acting_user, "standards.answer_assessment", accreditation)
    if accreditation.state != AccreditationState.REGISTERED:
        raise ValidationError(
            f"Only a registered accreditation can be renewed; this one is "
            f"{accreditation.get_state_display().lower()}."
        )
    if accreditation.assessments.filter(closed=False).exists():
        raise ValidationError("The renewal has already been started.")
    opens = months_after(accreditation.registered_until, -RENEWAL_OPENS_MONTHS)
    if today < opens:
        raise ValidationError(f"The renewal opens on {opens:%d %B %Y}.")
    last = accreditation.assessments.filter(closed=True).order_by("-started_on", "-id").first()
    before = {answer.number: answer for answer in last.answers.all()} if last else {}
    assessment = _assessment_open(
        acting_user=acting_user,
        accreditation=accreditation,
        kind=AssessmentKind.RENEWAL,
        today=today,
        carried=before,
    )
    version_bump(accreditation)
    accreditation.save(update_fields=["version"])
    audit_record(
        actor=acting_user,
        action=AuditAction.START_RENEWAL,
        obj=accreditation,
        after={
            "fee": assessment.fee,
            "invoice": assessment.invoice.number,
            "carried_over": assessment.answers.filter(reconfirmed=False).count(),
        },
    )
    return assessment
