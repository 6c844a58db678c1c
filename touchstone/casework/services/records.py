"""A case as a file of history states it (`touchstone casework import`): created, or brought to
what the file says when its reference is there already, with the parties' survey answers and
the service complaint. The rows are checked before this is called (`imports.py`)."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from touchstone.casework.models import Case, EventKind, SatisfactionResponse, ServiceComplaint
from touchstone.casework.selectors import scheme_data
from touchstone.casework.services.audit import AuditAction
from touchstone.casework.services.cases import provider_fields
from touchstone.casework.services.common import CASE_FIELDS, case_event, case_saved
from touchstone.core.permissions import require_perm
from touchstone.core.services import snapshot


@dataclass(frozen=True)
class CaseRecord:
    reference: str
    scheme: str
    jurisdiction: str
    complexity: str
    received_on: date
    accepted_on: date | None
    concluded_on: date | None
    outcome: str
    satisfaction: dict  # {"complainant": (outcome, service), "provider": (...)}: True/False/None
    service_complaint: str  # upheld / not_upheld / pending / ""
    provider: object  # a register entry, or None
    provider_name: str
    area_of_law: str


def _stage(record: CaseRecord, existing: Case | None) -> str:
    data = scheme_data(record.scheme)
    if record.concluded_on is not None:
        return data["concluded_stage"]
    if existing is not None and not existing.is_concluded and existing.scheme == record.scheme:
        return existing.stage
    return data["accepted_stage"] if record.accepted_on else data["first_stage"]


def _answers(case: Case, record: CaseRecord) -> None:
    for party, (outcome, service) in record.satisfaction.items():
        if outcome is None and service is None:
            SatisfactionResponse.objects.filter(case=case, party_role=party).delete()
            continue
        response = SatisfactionResponse.objects.filter(case=case, party_role=party).first()
        response = response or SatisfactionResponse(case=case, party_role=party)
        response.outcome_satisfied, response.service_satisfied = outcome, service
        response.answered_on = record.concluded_on
        response.full_clean()
        response.save()
    if not record.service_complaint:
        ServiceComplaint.objects.filter(case=case, party_role="complainant").delete()
        return
    complaint = ServiceComplaint.objects.filter(case=case, party_role="complainant").first()
    complaint = complaint or ServiceComplaint(case=case, party_role="complainant")
    complaint.outcome = record.service_complaint
    if record.service_complaint == "pending":
        complaint.decided_on = None
    complaint.full_clean()
    complaint.save()


@transaction.atomic
def case_record(*, acting_user, organisation, record: CaseRecord) -> tuple[Case, bool]:
    """Create the case or bring it to what `record` says; (the case, whether it is new)."""
    require_perm(acting_user, "casework.add_case", organisation)
    case = (
        Case.objects.select_for_update()
        .filter(organisation=organisation, reference=record.reference)
        .first()
    )
    created = case is None
    before = None if created else snapshot(case, CASE_FIELDS)
    stage = _stage(record, case)
    case = case or Case(organisation=organisation, reference=record.reference)
    case.scheme, case.jurisdiction = record.scheme, record.jurisdiction
    case.complexity, case.stage, case.area_of_law = record.complexity, stage, record.area_of_law
    case.received_on, case.accepted_on = record.received_on, record.accepted_on
    case.concluded_on, case.outcome = record.concluded_on, record.outcome
    for field, value in provider_fields(record.provider, record.provider_name).items():
        setattr(case, field, value)
    case = case_saved(case, acting_user=acting_user, action=AuditAction.IMPORT_CASE, before=before)
    _answers(case, record)
    case_event(case, kind=EventKind.RECORDED, actor=acting_user, to_stage=case.stage)
    return case, created
