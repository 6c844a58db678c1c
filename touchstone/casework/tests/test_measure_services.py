"""Satisfaction answers, service complaint decisions and KPI targets with their history."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from touchstone.casework import services
from touchstone.casework.models import KpiTarget, KpiTargetRevision, SatisfactionResponse
from touchstone.casework.services import AuditAction
from touchstone.casework.tests.build import concluded, new_case
from touchstone.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_survey_is_answered_after_closure_and_a_second_answer_replaces_the_first(world):
    case = new_case(world["ombudsman"])
    with pytest.raises(ValidationError, match="once the case is concluded"):
        services.satisfaction_record(
            acting_user=None,
            case=case,
            party_role="complainant",
            outcome_satisfied=True,
            service_satisfied=True,
        )
    case = concluded(case)
    for service in (True, False):
        services.satisfaction_record(
            acting_user=world["caseworker"],
            case=case,
            party_role="complainant",
            outcome_satisfied=False,
            service_satisfied=service,
        )
    response = SatisfactionResponse.objects.get()
    assert (response.outcome_satisfied, response.service_satisfied) == (False, False)
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_SATISFACTION).count() == 2


def test_a_service_complaint_is_decided_by_the_adjudicator(world):
    case = concluded(new_case(world["ombudsman"]))
    with pytest.raises(PermissionDenied):
        services.service_complaint_record(
            acting_user=world["caseworker"],
            case=case,
            party_role="complainant",
            outcome="upheld",
        )
    complaint = services.service_complaint_record(
        acting_user=world["decider"], case=case, party_role="complainant"
    )
    assert complaint.outcome == "pending" and complaint.decided_on is None
    complaint = services.service_complaint_record(
        acting_user=world["decider"],
        case=case,
        party_role="complainant",
        outcome="not_upheld",
        decided_on=date(2025, 6, 1),
    )
    assert complaint.decided_on == date(2025, 6, 1)
    with pytest.raises(ValidationError, match="Select upheld"):
        services.service_complaint_record(
            acting_user=None, case=case, party_role="complainant", outcome="maybe"
        )


def _target(user, value, reason=""):
    return services.kpi_target_set(
        acting_user=user,
        organisation=user.memberships.get().organisation,
        year=2019,
        jurisdiction="legal",
        complexity="low",
        measure="within_90_pct",
        value=value,
        reason=reason,
    )


def test_a_target_revised_during_the_year_keeps_its_history_with_the_reason(world):
    target = _target(world["manager"], Decimal("65"))
    with pytest.raises(ValidationError, match="reason for revising"):
        _target(world["manager"], Decimal("60"))
    target = _target(world["manager"], Decimal("60"), "Demand 13% above the budget")
    assert target.value == Decimal("60.0") and target.version == 2
    revision = KpiTargetRevision.objects.get()
    assert (revision.value_before, revision.value, revision.reason) == (
        Decimal("65.0"),
        Decimal("60.0"),
        "Demand 13% above the budget",
    )
    assert AuditEvent.objects.filter(action=AuditAction.REVISE_KPI_TARGET).exists()


def test_only_managers_set_targets_and_a_target_is_a_percentage(world):
    with pytest.raises(PermissionDenied):
        _target(world["caseworker"], Decimal("65"))
    with pytest.raises(ValidationError):
        _target(world["manager"], Decimal("120"))
    assert not KpiTarget.objects.exists()
