"""The case engine's services: each move checked against the scheme and the actor's roles,
audited, on the timeline, and nothing written when refused; a concluded case changes only
through a recorded reopening."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from touchstone.casework import services
from touchstone.casework.models import Case, CaseEvent
from touchstone.casework.services import AuditAction
from touchstone.casework.tests.build import ACCEPTED, at_stage, concluded, new_case
from touchstone.core.models import AuditEvent
from touchstone.core.services import StaleVersion
from touchstone.core.testing import row_counts

pytestmark = pytest.mark.django_db


def test_a_new_case_is_received_at_the_first_stage_with_its_complainant(world):
    case = new_case(world["ombudsman"])
    assert case.stage == "received" and case.provider_unregulated
    assert case.parties.get().name == "Alex Brown"
    assert AuditEvent.objects.filter(action=AuditAction.CREATE_CASE, object_id=str(case.pk))
    assert list(case.events.values_list("kind", flat=True)) == ["received"]


def test_a_case_is_run_by_the_kind_of_organisation_its_scheme_names(world):
    with pytest.raises(ValidationError, match="organisation of kind ombudsman"):
        new_case(world["regulator"])
    with pytest.raises(ValidationError, match="already has a case with this reference"):
        new_case(world["ombudsman"])
        new_case(world["ombudsman"])


def test_only_the_organisations_staff_may_open_a_case(world):
    for user in (world["conduct_officer"], world["board"], world["manager"]):
        with pytest.raises(PermissionDenied):
            services.case_create(
                acting_user=user,
                organisation=world["ombudsman"],
                scheme="ombudsman",
                reference="LO-9",
                jurisdiction="legal",
                received_on=date(2025, 1, 1),
                provider_name="A firm",
            )
    assert not Case.objects.exists()


def test_accepting_starts_the_clock_once(world):
    case = new_case(world["ombudsman"])
    case = services.case_accept(acting_user=world["caseworker"], case=case, accepted_on=ACCEPTED)
    assert case.accepted_on == ACCEPTED and case.version == 2
    with pytest.raises(ValidationError, match="already accepted"):
        services.case_accept(acting_user=world["caseworker"], case=case, accepted_on=ACCEPTED)
    other = new_case(world["ombudsman"], "LO-2")
    with pytest.raises(ValidationError, match="before it was received"):
        services.case_accept(acting_user=None, case=other, accepted_on=date(2024, 1, 1))


def test_a_panel_member_neither_accepts_nor_triages(world):
    case = new_case(world["regulator"], "C-2", scheme="conduct")
    with pytest.raises(PermissionDenied):
        services.case_accept(acting_user=world["panel"], case=case, accepted_on=ACCEPTED)
    with pytest.raises(PermissionDenied):
        services.case_triage(acting_user=world["panel"], case=case, complexity="low")
    services.case_accept(acting_user=world["conduct_officer"], case=case, accepted_on=ACCEPTED)


def test_changing_the_complexity_set_at_triage_needs_a_reason(world):
    case = at_stage(new_case(world["ombudsman"]), complexity="low")
    with pytest.raises(ValidationError, match="reason for changing"):
        services.case_triage(acting_user=world["caseworker"], case=case, complexity="high")
    case = services.case_triage(
        acting_user=world["caseworker"], case=case, complexity="high", reason="Several firms"
    )
    assert case.complexity == "high"
    assert case.events.filter(kind="triaged").last().note == "Several firms"
    with pytest.raises(ValidationError, match="Select the complexity"):
        services.case_triage(acting_user=None, case=case, complexity="huge", reason="x")


def test_a_move_the_scheme_does_not_allow_is_refused_and_writes_nothing(world):
    case = at_stage(new_case(world["ombudsman"]), "triage")
    before = row_counts("casework", "core")
    with pytest.raises(ValidationError, match="cannot move to Ombudsman's decision"):
        services.case_transition(acting_user=world["caseworker"], case=case, to_stage="decision")
    assert row_counts("casework", "core") == before
    case.refresh_from_db()
    assert case.stage == "triage"


def test_the_scheme_names_who_may_act_at_each_stage(world):
    case = at_stage(new_case(world["ombudsman"]), "triage", "investigation", "decision")
    with pytest.raises(ValidationError, match="Only a officer or admin"):
        services.case_conclude(
            acting_user=world["caseworker"],
            case=case,
            outcome="remedy",
            concluded_on=date(2025, 3, 1),
        )
    case = services.case_conclude(
        acting_user=world["decider"],
        case=case,
        outcome="remedy",
        remedy="apology",
        concluded_on=date(2025, 3, 1),
        reasons="The firm did not explain its costs.",
    )
    assert (case.stage, case.outcome, case.days_to_conclude) == ("concluded", "remedy", 40)


def test_a_move_is_audited_and_on_the_timeline(world):
    case = at_stage(new_case(world["ombudsman"]), "triage")
    case = services.case_transition(
        acting_user=world["caseworker"], case=case, to_stage="investigation", note="Papers in"
    )
    event = AuditEvent.objects.filter(action=AuditAction.MOVE_CASE).order_by("pk").last()
    assert event.before == {"stage": "triage"} and event.after == {"stage": "investigation"}
    last = CaseEvent.objects.filter(case=case).last()
    assert (last.from_stage, last.to_stage, last.note) == ("triage", "investigation", "Papers in")


def test_concluding_is_its_own_service_with_an_outcome_of_the_scheme(world):
    case = at_stage(new_case(world["ombudsman"]), "triage")
    with pytest.raises(ValidationError, match="Conclude the case"):
        services.case_transition(acting_user=None, case=case, to_stage="concluded")
    with pytest.raises(ValidationError, match="not an outcome"):
        services.case_conclude(
            acting_user=None, case=case, outcome="proved", concluded_on=date(2025, 3, 1)
        )
    with pytest.raises(ValidationError, match="before it was received or accepted"):
        services.case_conclude(
            acting_user=None, case=case, outcome="rejected", concluded_on=date(2025, 1, 10)
        )


def test_a_concluded_case_changes_only_through_a_recorded_reopening(world):
    case = concluded(new_case(world["ombudsman"]))
    for change in (
        lambda: services.case_triage(acting_user=None, case=case, complexity="low", reason="x"),
        lambda: services.case_transition(acting_user=None, case=case, to_stage="decision"),
        lambda: services.case_assign(acting_user=None, case=case, caseworker=None),
    ):
        with pytest.raises(ValidationError, match="reopen it"):
            change()
    with pytest.raises(ValidationError, match="reason for reopening"):
        services.case_reopen(acting_user=world["caseworker"], case=case, reason=" ")
    case = services.case_reopen(
        acting_user=world["caseworker"], case=case, reason="The firm sent new evidence"
    )
    assert (case.stage, case.outcome, case.concluded_on, case.days_to_conclude) == (
        "investigation",
        "",
        None,
        None,
    )
    assert case.events.last().note == "The firm sent new evidence"
    assert AuditEvent.objects.filter(action=AuditAction.REOPEN_CASE).exists()


def test_a_change_made_from_an_old_version_is_refused(world):
    case = at_stage(new_case(world["ombudsman"]), "triage")
    with pytest.raises(StaleVersion):
        services.case_transition(
            acting_user=None, case=case, to_stage="investigation", expected_version=1
        )


def test_a_case_is_assigned_only_to_its_organisations_casework_staff(world):
    case = new_case(world["ombudsman"])
    with pytest.raises(PermissionDenied):
        services.case_assign(acting_user=world["caseworker"], case=case, caseworker=None)
    with pytest.raises(ValidationError, match="casework staff"):
        services.case_assign(acting_user=world["decider"], case=case, caseworker=world["panel"])
    case = services.case_assign(
        acting_user=world["decider"], case=case, caseworker=world["caseworker"]
    )
    assert case.caseworker == world["caseworker"]


def test_conduct_decisions_are_made_where_the_scheme_puts_them(world):
    regulator = world["regulator"]
    case = new_case(regulator, "C-1", scheme="conduct")
    case = at_stage(case, "assessment", "investigation", "decision_panel")
    with pytest.raises(ValidationError, match="Only a committee member"):
        services.case_conclude(
            acting_user=world["conduct_officer"],
            case=case,
            outcome="proved",
            remedy="reprimand",
            concluded_on=date(2025, 6, 1),
        )
    with pytest.raises(ValidationError, match="cannot be given at Decision by a panel"):
        services.case_conclude(
            acting_user=world["panel"],
            case=case,
            outcome="proved",
            remedy="exclusion",
            concluded_on=date(2025, 6, 1),
        )
    with pytest.raises(PermissionDenied):
        services.case_conclude(
            acting_user=world["board"], case=case, outcome="proved", concluded_on=date(2025, 6, 1)
        )
    case = services.case_conclude(
        acting_user=world["panel"],
        case=case,
        outcome="proved",
        remedy="reprimand",
        concluded_on=date(2025, 6, 1),
    )
    assert case.remedy == "reprimand"
