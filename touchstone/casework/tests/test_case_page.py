"""The case page and each of its actions, allowed and refused, with their messages: every
form carries the case's version and a submission token; a concluded case changes only by a
reopening with a reason."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from touchstone.casework import services
from touchstone.casework.models import Case, InformationRequest
from touchstone.casework.tests.build import at_stage, concluded, new_case
from touchstone.core.models import Deadline
from touchstone.core.services.deadlines import deadlines_sweep
from touchstone.core.testing import client_for, date_boxes, sent
from touchstone.core.writes import ALREADY_SENT
from touchstone.register.models import Status
from touchstone.register.services import registrant_create

pytestmark = pytest.mark.django_db


def _url(case, action="") -> str:
    return f"/casework/staff/cases/{case.pk}/{action}"


def _post(user, case, action, **data):
    return client_for(user).post(_url(case, action), sent(version=case.version, **data))


def _fresh(case) -> Case:
    return Case.objects.get(pk=case.pk)


def test_the_page_shows_the_parties_provider_timeline_and_actions(world):
    case = new_case(world["ombudsman"], complainant_email="alex@example.com")
    html = client_for(world["decider"]).get(_url(case)).content.decode()
    assert "Alex Brown, complainant · alex@example.com" in html
    assert "Smith &amp; Co Solicitors" in html and "Not on the register" in html
    assert 'class="moj-timeline' in html and "Received" in html
    for action in ("assign/", "accept/", "triage/", "move/", "note/", "request/"):
        assert _url(case, action) in html
    caseworker_html = client_for(world["caseworker"]).get(_url(case)).content.decode()
    assert _url(case, "assign/") not in caseworker_html  # an officer assigns


def test_a_provider_on_the_register_is_linked_to_its_entry(world):
    firm = registrant_create(
        acting_user=None,
        regulator=world["regulator"],
        status=Status.objects.get(code="active"),
        number="E7000",
        kind="entity",
        entity_name="Registered Firm LLP",
    )
    case = services.case_create(
        acting_user=None,
        organisation=world["ombudsman"],
        scheme="ombudsman",
        reference="LO-7",
        jurisdiction="legal",
        received_on=timezone.localdate(),
        provider=firm,
    )
    html = client_for(world["caseworker"]).get(_url(case)).content.decode()
    assert 'href="/register/E7000/"' in html


def test_assign_accept_triage_move_and_note_through_their_pages(world):
    case = new_case(world["ombudsman"])
    today = timezone.localdate()
    response = _post(world["decider"], case, "assign/", caseworker=world["caseworker"].pk)
    assert response.status_code == 302 and _fresh(case).caseworker == world["caseworker"]
    case = _fresh(case)
    response = _post(
        world["caseworker"],
        case,
        "accept/",
        **date_boxes("accepted_on", today.day, today.month, today.year),
    )
    assert response.status_code == 302 and _fresh(case).accepted_on == today
    case = _fresh(case)
    assert _post(world["caseworker"], case, "triage/", complexity="low").status_code == 302
    case = _fresh(case)
    refused = _post(world["caseworker"], case, "triage/", complexity="high")
    assert "Give the reason for changing the complexity" in refused.content.decode()
    assert (
        _post(
            world["caseworker"], case, "triage/", complexity="high", reason="Many issues"
        ).status_code
        == 302
    )
    case = _fresh(case)
    assert _post(world["caseworker"], case, "move/", to_stage="triage").status_code == 302
    case = _fresh(case)
    assert case.stage == "triage" and case.complexity == "high"
    assert _post(world["caseworker"], case, "note/", note="Called the firm.").status_code == 302
    page = client_for(world["caseworker"]).get(_url(case)).content.decode()
    assert "Investigation note" in page and "Called the firm." in page and "Many issues" in page


def test_a_form_sent_twice_writes_once_and_a_stale_one_is_answered_409(world):
    case = new_case(world["ombudsman"])
    client = client_for(world["caseworker"])
    data = sent(version=case.version, note="Once only")
    client.post(_url(case, "note/"), data)
    again = client.post(_url(case, "note/"), data, follow=True)
    assert ALREADY_SENT in again.content.decode()
    assert case.events.filter(note="Once only").count() == 1
    old = case.version
    services.case_triage(acting_user=None, case=case, complexity="low")
    stale = client.post(_url(case, "note/"), sent(version=old, note="Late"))
    assert stale.status_code == 409
    assert not case.events.filter(note="Late").exists()


def test_refused_actions(world):
    case = new_case(world["ombudsman"])
    assert client_for(world["caseworker"]).get(_url(case, "assign/")).status_code == 403
    outsider = world["conduct_officer"]
    assert client_for(outsider).get(_url(case, "note/")).status_code == 404
    at_decision = at_stage(
        new_case(world["ombudsman"], "LO-2"), "triage", "investigation", "decision"
    )
    # the ombudsman's decision stage is an officer's: a caseworker cannot move it on
    assert client_for(world["caseworker"]).get(_url(at_decision, "move/")).status_code == 403
    moves = client_for(world["decider"]).get(_url(at_decision, "move/")).content.decode()
    assert 'value="investigation"' in moves and 'value="concluded"' not in moves
    bad = _post(world["decider"], at_decision, "move/", to_stage="received")
    assert "Select the move the case to from the list" in bad.content.decode()


def test_a_concluded_case_changes_only_by_a_reopening_with_a_reason(world):
    case = concluded(new_case(world["ombudsman"]))
    for action in ("note/", "triage/", "request/", "accept/"):
        response = client_for(world["caseworker"]).get(_url(case, action), follow=True)
        assert "reopen it, with a reason" in response.content.decode(), action
    posted = _post(world["caseworker"], case, "note/", note="Sneaked in")
    assert posted.status_code == 302 and not case.events.filter(note="Sneaked in").exists()
    no_reason = _post(world["caseworker"], case, "reopen/", reason="")
    assert "Enter" in no_reason.content.decode() and _fresh(case).is_concluded
    done = _post(world["caseworker"], case, "reopen/", reason="New evidence")
    assert done.status_code == 302
    case = _fresh(case)
    assert not case.is_concluded and case.stage == "investigation"
    assert "New evidence" in client_for(world["caseworker"]).get(_url(case)).content.decode()


def test_a_request_for_information_reminds_both_sides_and_is_recorded_received(
    world, django_capture_on_commit_callbacks
):
    case = new_case(world["ombudsman"], complainant_email="alex@example.com")
    case.caseworker = world["caseworker"]
    case.save()
    party = case.parties.get()
    due = timezone.localdate() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            world["caseworker"],
            case,
            "request/",
            party=party.pk,
            asked="Your invoice",
            **date_boxes("due_on", due.day, due.month, due.year),
        )
    assert response.status_code == 302
    asked = InformationRequest.objects.get()
    assert [m.to for m in mail.outbox] == [["alex@example.com"]]
    assert "Your invoice" in mail.outbox[0].body and "LO-1" in mail.outbox[0].body
    deadline = Deadline.objects.get(kind="casework_information")
    assert list(deadline.responsible.all()) == [world["caseworker"]]
    assert deadlines_sweep(as_of=due - timedelta(days=5)).due_soon_sent == 1
    assert services.information_reminders_send(as_of=due - timedelta(days=5)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.information_reminders_send(as_of=due - timedelta(days=2)) == 1
    assert services.information_reminders_send(as_of=due - timedelta(days=1)) == 0  # once
    assert "Reminder" in mail.outbox[-1].subject
    today = timezone.localdate()
    case = _fresh(case)
    received = _post(
        world["caseworker"],
        case,
        f"requests/{asked.pk}/received/",
        note="The invoice",
        **date_boxes("received_on", today.day, today.month, today.year),
    )
    assert received.status_code == 302
    deadline.refresh_from_db()
    assert deadline.state == Deadline.State.MET
    again = _post(
        world["caseworker"],
        _fresh(case),
        f"requests/{asked.pk}/received/",
        **date_boxes("received_on", today.day, today.month, today.year),
    )
    assert "already recorded as received" in again.content.decode()


def test_a_request_is_refused_for_a_past_date_or_another_cases_party(world):
    case = new_case(world["ombudsman"])
    other = new_case(world["ombudsman"], "LO-2")
    today = timezone.localdate()
    with pytest.raises(Exception, match="must be in the future"):
        services.information_request(
            acting_user=world["caseworker"],
            case=case,
            party=case.parties.get(),
            asked="x",
            due_on=today,
        )
    with pytest.raises(Exception, match="Choose a party to this case"):
        services.information_request(
            acting_user=world["caseworker"],
            case=case,
            party=other.parties.get(),
            asked="x",
            due_on=today + timedelta(days=3),
        )
