"""A self-assessment on screen: answers saved as the provider goes (one standard or several
at a time), evidence per standard, and the submission. The verdict is the rules'
(`rules.assessment_check` on the stored answers), never worked out here:

- compliant: registered for the fee's period (12 months), from the day of submission, or at
  renewal from the day after the current registration ends;
- partially compliant: provisionally registered, with the remediation deadline (7 months from
  the first partial submission; a later partial submission keeps it) and its warnings; the
  provider may change answers and submit again on or before the deadline.
Submitting needs the fee paid, every standard answered (and at renewal re-confirmed), and an
assessment still open."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Deadline
from touchstone.core.permissions import require_perm
from touchstone.core.rules import joined_in_words
from touchstone.core.services import audit_record, lock_for_change, upload_store, version_bump
from touchstone.standards.models import (
    AccreditationState,
    AnswerValue,
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    Evidence,
)
from touchstone.standards.rules import (
    INCOMPLETE,
    PARTIALLY_COMPLIANT,
    assessment_check,
    registration_end,
)
from touchstone.standards.selectors.assessment import assessment_shape, fee_schedules
from touchstone.standards.services.accreditation_common import (
    REGISTRATION_END,
    REMEDIATION,
    deadlines_close,
    registration_end_set,
    remediation_deadline_set,
    schedule_in_force,
)
from touchstone.standards.services.audit import AuditAction

ANSWERS = {str(value) for value in AnswerValue}


def _editable(assessment: Assessment, acting_user) -> None:
    require_perm(acting_user, "standards.answer_assessment", assessment)
    if assessment.closed or not assessment.accreditation.is_open:
        raise ValidationError("This assessment is closed: its answers can no longer change.")


@transaction.atomic
def assessment_answers_save(
    *, acting_user, assessment: Assessment, answers: dict, expected_version: int | None = None
) -> Assessment:
    """Save what was typed for some standards: `{number: {"answer", "note", "reconfirmed"}}`,
    each key optional (an answer may be left blank for now). A changed answer counts as
    re-confirmed; `reconfirmed` confirms one carried over unchanged. Nothing changed, nothing
    written."""
    lock_for_change(assessment, expected_version=expected_version)
    _editable(assessment, acting_user)
    stored = {row.number: row for row in assessment.answers.select_for_update()}
    changed: dict[str, dict] = {}
    for key, given in answers.items():
        number = int(key) if str(key).isdigit() else None
        row = stored.get(number)
        if row is None:
            raise ValidationError(f'There is no standard numbered "{key}" in this assessment.')
        value = given.get("answer", row.answer) or ""
        if value and value not in ANSWERS:
            raise ValidationError(f"Choose an answer to standard {number} from the list.")
        note = (given.get("note", row.note) or "").strip()
        if len(note) > 4000:
            raise ValidationError(
                f"The note on standard {number} must be 4000 characters or fewer."
            )
        reconfirmed = row.reconfirmed or value != row.answer or bool(given.get("reconfirmed"))
        after = {"answer": value, "note": note, "reconfirmed": reconfirmed}
        if after == {"answer": row.answer, "note": row.note, "reconfirmed": row.reconfirmed}:
            continue
        row.answer, row.note, row.reconfirmed = value, note, reconfirmed
        row.full_clean()
        row.save()
        changed[str(number)] = {"answer": value, "reconfirmed": reconfirmed}
    if changed:
        version_bump(assessment)
        assessment.save(update_fields=["version"])
        audit_record(
            actor=acting_user,
            action=AuditAction.SAVE_ASSESSMENT_ANSWERS,
            obj=assessment.accreditation,
            after={"assessment": assessment.pk, "answers": changed},
        )
    return assessment


@transaction.atomic
def assessment_evidence_add(*, acting_user, assessment: Assessment, number: int, file) -> Evidence:
    """Store a document (core's uploads: PDF, Word, PNG or JPEG) as evidence for a standard."""
    lock_for_change(assessment)
    _editable(assessment, acting_user)
    answer = assessment.answers.filter(number=number).first()
    if answer is None:
        raise ValidationError(f'There is no standard numbered "{number}" in this assessment.')
    upload = upload_store(
        acting_user=acting_user, organisation=assessment.accreditation.provider, file=file
    )
    evidence = Evidence.objects.create(answer=answer, upload=upload, added_by=acting_user)
    audit_record(
        actor=acting_user,
        action=AuditAction.ADD_ASSESSMENT_EVIDENCE,
        obj=assessment.accreditation,
        after={"assessment": assessment.pk, "standard": number, "file": upload.original_name},
    )
    return evidence


def _refusals(assessment: Assessment, accreditation, today: date) -> None:
    if not assessment.invoice or not assessment.invoice.paid:
        raise ValidationError(
            f"The fee (invoice {assessment.invoice.number}) has not been paid yet: the "
            "assessment can be submitted once the standards body has recorded the payment."
        )
    if accreditation.state == AccreditationState.PROVISIONAL and today > (
        accreditation.remediation_deadline
    ):
        raise ValidationError(
            f"The remediation deadline was {accreditation.remediation_deadline:%d %B %Y}: the "
            "assessment can no longer be submitted."
        )
    waiting = [str(a.number) for a in assessment.answers.all() if a.answer and not a.reconfirmed]
    if waiting:
        raise ValidationError(
            f"Re-confirm or change last year's answer to standard{'s' if len(waiting) > 1 else ''} "
            f"{joined_in_words(waiting)} before submitting."
        )


@transaction.atomic
def assessment_submit(
    *,
    acting_user,
    assessment: Assessment,
    expected_version: int | None = None,
    today: date | None = None,
) -> Assessment:
    """Submit the assessment and act on the rules' verdict (see the module's docstring)."""
    today = today or timezone.localdate()
    lock_for_change(assessment, expected_version=expected_version)
    accreditation = lock_for_change(assessment.accreditation)
    _editable(assessment, acting_user)
    _refusals(assessment, accreditation, today)
    verdict = assessment_check(
        {
            "submitted_on": today.isoformat(),
            "corporate_member": accreditation.corporate_member,
            "answers": {str(a.number): a.answer for a in assessment.answers.all() if a.answer},
        },
        shape=assessment_shape(accreditation.framework),
        fees=list(fee_schedules(accreditation.framework_ref)),
    )
    if verdict["status"] == INCOMPLETE:
        missing = [str(e["standard"]) for e in verdict["errors"] if e["code"] == "MISSING_ANSWER"]
        raise ValidationError(
            f"Answer every standard before submitting: standard{'s' if len(missing) > 1 else ''} "
            f"{joined_in_words(missing)} {'have' if len(missing) > 1 else 'has'} no answer."
        )
    before = {"state": accreditation.state, "version": accreditation.version}
    assessment.submitted_on = today
    assessment.submissions += 1
    assessment.non_compliant = verdict["non_compliant"]
    if verdict["status"] == PARTIALLY_COMPLIANT:
        assessment.status = AssessmentStatus.PARTIALLY_COMPLIANT
        if accreditation.state != AccreditationState.PROVISIONAL:
            accreditation.state = AccreditationState.PROVISIONAL
            accreditation.remediation_deadline = date.fromisoformat(verdict["remediation_deadline"])
        assessment.remediation_deadline = accreditation.remediation_deadline
    else:
        assessment.status = AssessmentStatus.COMPLIANT
        assessment.remediation_deadline = None
        assessment.closed = True
        _register(accreditation, assessment, today)
    version_bump(assessment)
    assessment.full_clean()
    assessment.save()
    version_bump(accreditation)
    accreditation.full_clean()
    accreditation.save()
    if accreditation.state == AccreditationState.PROVISIONAL:
        remediation_deadline_set(acting_user=acting_user, accreditation=accreditation)
        deadlines_close(
            acting_user=acting_user,
            accreditation=accreditation,
            kinds=(REGISTRATION_END,),
            state=Deadline.State.CANCELLED,
        )
    else:
        deadlines_close(
            acting_user=acting_user,
            accreditation=accreditation,
            kinds=(REMEDIATION,),
            state=Deadline.State.MET,
        )
        registration_end_set(acting_user=acting_user, accreditation=accreditation)
    audit_record(
        actor=acting_user,
        action=AuditAction.SUBMIT_ASSESSMENT,
        obj=accreditation,
        before=before,
        after={
            "assessment": assessment.pk,
            "kind": assessment.kind,
            "status": assessment.status,
            "non_compliant": assessment.non_compliant,
            "state": accreditation.state,
            "remediation_deadline": accreditation.remediation_deadline,
            "registered_until": accreditation.registered_until,
        },
    )
    return assessment


def _register(accreditation, assessment: Assessment, today: date) -> None:
    """Registered for the fee's period: from today, or at renewal from the day after the
    current registration ends (when that is still to come)."""
    start = today
    if assessment.kind == AssessmentKind.RENEWAL and accreditation.registered_until:
        start = max(today, accreditation.registered_until + timedelta(days=1))
    period = schedule_in_force(accreditation.framework_ref, assessment.started_on).period_months
    accreditation.state = AccreditationState.REGISTERED
    accreditation.registered_from = start
    accreditation.registered_until = registration_end(start, period)
    accreditation.remediation_deadline = None
