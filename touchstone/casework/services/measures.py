"""The scorecard's inputs besides the cases: the parties' answers to the closing survey, the
adjudicator's decisions on service complaints, and the KPI targets with their revisions."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from touchstone.casework.models import (
    Case,
    ComplaintOutcome,
    KpiTarget,
    KpiTargetRevision,
    SatisfactionResponse,
    ServiceComplaint,
)
from touchstone.casework.services.audit import AuditAction
from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record, lock_for_change, snapshot, version_bump

SATISFACTION_FIELDS = ("party_role", "outcome_satisfied", "service_satisfied", "answered_on")
COMPLAINT_FIELDS = ("party_role", "outcome", "decided_on")


def _party_row(model, *, acting_user, case: Case, party_role: str, fields, action, **values):
    """A party's row of `model` on the case (made on first use, under lock), set to `values`,
    checked, saved and audited with what it was before."""
    row, _ = model.objects.select_for_update().get_or_create(case=case, party_role=party_role)
    before = snapshot(row, fields)
    for field, value in values.items():
        setattr(row, field, value)
    row.full_clean()
    row.save()
    audit_record(
        actor=acting_user,
        action=action,
        obj=row,
        organisation=case.organisation,
        before=before,
        after=snapshot(row, fields),
    )
    return row


@transaction.atomic
def satisfaction_record(
    *,
    acting_user,
    case: Case,
    party_role: str,
    outcome_satisfied: bool | None,
    service_satisfied: bool | None,
    answered_on: date | None = None,
) -> SatisfactionResponse:
    """A party's answers to the closing survey (a second answer replaces the first)."""
    require_perm(acting_user, "casework.change_case", case)
    if not case.is_concluded:
        raise ValidationError("The survey is answered once the case is concluded.")
    return _party_row(
        SatisfactionResponse,
        acting_user=acting_user,
        case=case,
        party_role=party_role,
        fields=SATISFACTION_FIELDS,
        action=AuditAction.RECORD_SATISFACTION,
        outcome_satisfied=outcome_satisfied,
        service_satisfied=service_satisfied,
        answered_on=answered_on or timezone.localdate(),
    )


@transaction.atomic
def service_complaint_record(
    *,
    acting_user,
    case: Case,
    party_role: str,
    outcome: str = ComplaintOutcome.PENDING,
    decided_on: date | None = None,
) -> ServiceComplaint:
    """A party's complaint about how their case was handled, and the independent
    adjudicator's decision on it (upheld / not upheld, with the date) once made."""
    require_perm(acting_user, "casework.decide_service_complaint", case.organisation)
    if outcome not in ComplaintOutcome.values:
        raise ValidationError({"outcome": "Select upheld, not upheld or pending"})
    if outcome == ComplaintOutcome.PENDING:
        decided_on = None
    elif decided_on is None:
        decided_on = timezone.localdate()
    return _party_row(
        ServiceComplaint,
        acting_user=acting_user,
        case=case,
        party_role=party_role,
        fields=COMPLAINT_FIELDS,
        action=AuditAction.RECORD_SERVICE_COMPLAINT,
        outcome=outcome,
        decided_on=decided_on,
    )


@transaction.atomic
def kpi_target_set(
    *,
    acting_user,
    organisation,
    year: int,
    jurisdiction: str,
    complexity: str,
    measure: str,
    value: Decimal,
    reason: str = "",
) -> KpiTarget:
    """Set a KPI target; changing one already set is a revision, which needs its reason and
    keeps the value before as history."""
    require_perm(acting_user, "casework.change_kpitarget", organisation)
    value = Decimal(value).quantize(Decimal("0.1"))
    target = KpiTarget.objects.filter(
        organisation=organisation,
        year=year,
        jurisdiction=jurisdiction,
        complexity=complexity,
        measure=measure,
    ).first()
    if target is None:
        target = KpiTarget(
            organisation=organisation,
            year=year,
            jurisdiction=jurisdiction,
            complexity=complexity,
            measure=measure,
            value=value,
        )
        target.full_clean()
        target.save()
        audit_record(
            actor=acting_user,
            action=AuditAction.SET_KPI_TARGET,
            obj=target,
            after=snapshot(target, ("year", "jurisdiction", "complexity", "measure", "value")),
        )
        return target
    lock_for_change(target)
    if target.value == value:
        return target
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for revising the target"})
    revision = KpiTargetRevision(
        target=target,
        value_before=target.value,
        value=value,
        reason=reason.strip(),
        revised_at=timezone.now(),
        revised_by=acting_user if getattr(acting_user, "pk", None) else None,
    )
    revision.full_clean()
    before = snapshot(target, ("value",))
    target.value = value
    version_bump(target)
    target.full_clean()
    target.save()
    revision.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.REVISE_KPI_TARGET,
        obj=target,
        before=before,
        after={**snapshot(target, ("value",)), "reason": revision.reason},
    )
    return target
