"""Independence (seed 000): no member of the regulator's board or the professional body's
council is assigned to, sits on the panel of, or decides a conduct case, whatever other role
they hold, and whenever they join the board or council. Every way round it is tried."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from touchstone.casework import rules, services
from touchstone.casework.models import Case, Decision
from touchstone.casework.tests.conduct_build import conduct_case, conduct_world, decision, on_board
from touchstone.core.testing import client_for, sent

pytestmark = pytest.mark.django_db
BOARD = "A member of the regulator's board cannot"
COUNCIL = "A member of the professional body's council cannot"


@pytest.fixture
def w(db) -> dict:
    return conduct_world()


def _panel(w, case, members):
    for member in members:
        case = Case.objects.get(pk=case.pk)
        services.panel_member_add(acting_user=w["officer"], case=case, member=member)
    return Case.objects.get(pk=case.pk)


def test_a_board_or_council_member_is_never_assigned(w):
    case = conduct_case(w)
    for who, words in (("board", BOARD), ("council", COUNCIL)):
        with pytest.raises(ValidationError, match=words):
            services.case_assign(acting_user=w["officer"], case=case, caseworker=w[who])
        assert Case.objects.get(pk=case.pk).caseworker is None


def test_nor_reassigned_to_one(w):
    case = services.case_assign(
        acting_user=w["officer"], case=conduct_case(w), caseworker=w["officer2"]
    )
    with pytest.raises(ValidationError, match=BOARD):
        services.case_assign(acting_user=w["officer"], case=case, caseworker=w["board"])
    assert Case.objects.get(pk=case.pk).caseworker == w["officer2"]


def test_nor_offered_or_assigned_through_the_pages(w):
    case = conduct_case(w, "assessment", "investigation", "decision_panel")
    client = client_for(w["officer"])
    for action in ("assign/", "panel/"):
        form = client.get(f"/casework/staff/cases/{case.pk}/{action}").content.decode()
        assert f'value="{w["officer2"].pk}"' in form or f'value="{w["panel"][0].pk}"' in form
        for who in ("board", "council"):
            assert f'value="{w[who].pk}"' not in form, (action, who)
    for action, field in (("assign/", "caseworker"), ("panel/", "member")):
        response = client.post(
            f"/casework/staff/cases/{case.pk}/{action}",
            sent(version=case.version, **{field: w["board"].pk}),
        )
        assert response.status_code == 200 and "from the list" in response.content.decode()
    assert Case.objects.get(pk=case.pk).caseworker is None and not case.panel_members.exists()


def test_a_board_member_who_is_also_an_officer_cannot_decide(w):
    case = conduct_case(w, "assessment", "investigation", "decision_delegated")
    with pytest.raises(ValidationError, match="regulator's board cannot decide"):
        services.case_decide(acting_user=w["board"], case=case, **decision(remedy="warning"))
    with pytest.raises(ValidationError, match="council cannot decide"):
        services.case_decide(acting_user=w["council"], case=case, **decision(remedy="warning"))
    assert not Case.objects.get(pk=case.pk).is_concluded
    assert not Decision.objects.exists()
    done = services.case_decide(acting_user=w["officer"], case=case, **decision(remedy="warning"))
    assert done.maker == "delegated"


def test_nor_sit_on_a_panel_added_later(w):
    case = _panel(
        w, conduct_case(w, "assessment", "investigation", "decision_panel"), w["panel"][:2]
    )
    for who, words in (("board", BOARD), ("council", COUNCIL)):
        with pytest.raises(ValidationError, match=words):
            services.panel_member_add(acting_user=w["officer"], case=case, member=w[who])
    assert case.panel_members.count() == 2


def test_someone_who_joins_the_board_after_being_assigned_stops_the_decision(w):
    case = conduct_case(w, "assessment", "investigation", "decision_delegated")
    case = services.case_assign(acting_user=w["officer"], case=case, caseworker=w["officer2"])
    on_board(w["officer2"], w["regulator"])
    with pytest.raises(ValidationError, match="board cannot be assigned"):
        services.case_decide(acting_user=w["officer"], case=case, **decision(remedy="warning"))
    assert not Case.objects.get(pk=case.pk).is_concluded


def test_a_panel_member_who_joins_the_board_or_council_stops_the_panels_decision(w):
    case = _panel(
        w, conduct_case(w, "assessment", "investigation", "decision_panel"), w["panel"][:3]
    )
    on_board(w["panel"][1], w["regulator"])
    with pytest.raises(ValidationError, match="board cannot sit on"):
        services.case_decide(acting_user=w["panel"][0], case=case, **decision())
    other = _panel(
        w,
        conduct_case(w, "assessment", "investigation", "decision_panel", reference="FTP-2"),
        [w["panel"][0], w["panel"][2], w["panel"][3]],
    )
    services.council_member_record(
        acting_user=w["admin"],
        organisation=w["regulator"],
        member=w["panel"][3],
        started_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="council cannot sit on"):
        services.case_decide(acting_user=w["panel"][0], case=other, **decision())
    assert not Decision.objects.exists()


def test_a_council_seat_that_has_ended_no_longer_stands_in_the_way(w):
    seat = w["council"]
    case = conduct_case(w)
    from touchstone.casework.models import CouncilSeat

    services.council_member_end(
        acting_user=w["admin"],
        seat=CouncilSeat.objects.get(member=seat),
        ended_on=timezone.localdate() - timedelta(days=1),
    )
    assert (
        services.case_assign(acting_user=w["officer"], case=case, caseworker=seat).caseworker
        == seat
    )


def test_a_panel_decision_needs_its_named_members_and_is_theirs(w):
    case = conduct_case(w, "assessment", "investigation", "decision_panel")
    case = _panel(w, case, w["panel"][:2])
    with pytest.raises(ValidationError, match="needs 3 members, and has 2"):
        services.case_decide(acting_user=w["panel"][0], case=case, **decision())
    case = _panel(w, case, [w["panel"][2]])
    with pytest.raises(ValidationError, match="Only a member of the case's panel"):
        services.case_decide(acting_user=w["panel"][3], case=case, **decision())
    done = services.case_decide(acting_user=w["panel"][0], case=case, **decision())
    assert done.maker == "panel"
    assert set(done.panel.all()) == set(w["panel"][:3])


def test_the_ombudsman_scheme_is_not_bound_by_the_regulators_council(world):
    from touchstone.casework.tests.build import new_case

    case = new_case(world["ombudsman"])
    with pytest.raises(ValidationError, match="Only a conduct case has a panel"):
        services.panel_member_add(acting_user=None, case=case, member=world["decider"])


@pytest.mark.parametrize(
    ("board", "council", "refused"),
    [(False, False, None), (True, False, "board"), (False, True, "council"), (True, True, "board")],
)
@pytest.mark.parametrize("part", sorted(rules.decisions.PARTS))
def test_the_rule_as_a_table(part, board, council, refused):
    refusal = rules.independence_refusal(part=part, on_board=board, on_council=council)
    assert (refusal is None) == (refused is None)
    if refused:
        assert refused in refusal


@given(st.booleans(), st.booleans(), st.sampled_from(sorted(rules.decisions.PARTS)))
def test_only_someone_on_neither_takes_part(board, council, part):
    allowed = rules.independence_refusal(part=part, on_board=board, on_council=council) is None
    assert allowed == (not board and not council)


def test_the_regulator_records_its_council_through_its_page(w, make_user):
    from datetime import date

    from touchstone.casework.models import CouncilSeat
    from touchstone.core.testing import date_boxes

    client = client_for(w["admin"])
    page = client.get("/casework/staff/council/").content.decode()
    assert "council" in page and w["council"].username in page
    client.post(
        "/casework/staff/council/",
        sent(member=w["officer2"].pk, **date_boxes("started_on", 1, 3, 2025)),
    )
    seat = CouncilSeat.objects.get(member=w["officer2"])
    assert seat.started_on == date(2025, 3, 1) and seat.recorded_by == w["admin"]
    with pytest.raises(ValidationError, match="council cannot be assigned"):
        services.case_assign(
            acting_user=w["officer"], case=conduct_case(w), caseworker=w["officer2"]
        )
    twice = client.post(
        "/casework/staff/council/",
        sent(member=w["officer2"].pk, **date_boxes("started_on", 1, 3, 2025)),
    )
    assert "already recorded as on the council" in twice.content.decode()
    today = timezone.localdate()
    ended = client.post(
        f"/casework/staff/council/{seat.pk}/end/",
        sent(**date_boxes("ended_on", today.day, today.month, today.year)),
    )
    assert ended.status_code == 302
    assert client_for(w["officer"]).get("/casework/staff/council/").status_code == 404
