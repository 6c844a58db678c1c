"""The web complaint form as the public meets it: one question per page, errors that keep
what was typed, check your answers with a Change link to each page, sending it, the
confirmation with the reference and the receipt by email."""

import pytest
from django.core import mail

from touchstone.casework.models import Case, ComplaintDraft, Party
from touchstone.casework.tests.public_build import (
    ANSWERS,
    answer,
    fill_form,
    last_mail_to,
    link_in,
    page,
)
from touchstone.core.models import OrganisationKind
from touchstone.core.testing import date_boxes, new_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def ombudsman(db):
    return new_organisation("public-ombudsman", OrganisationKind.OMBUDSMAN)


def test_the_start_page_names_the_ombudsman_and_what_it_will_ask(client, ombudsman):
    response = client.get("/casework/complain/")
    assert response.status_code == 200
    assert ombudsman.name in response.content.decode()
    assert "Start now" in response.content.decode()


def test_without_an_ombudsman_there_is_no_form(client, db):
    assert client.get("/casework/complain/").status_code == 404


def test_a_question_page_before_the_first_sends_you_to_the_start(client, ombudsman):
    response = client.get(page("what-happened"))
    assert response.status_code == 302
    assert response["Location"] == "/casework/complain/"


@pytest.mark.parametrize(
    ("name", "changes", "message", "kept"),
    [
        ("you", {"email": "not an email"}, "in the correct format", "Sam Patel"),
        ("you", {"phone": "12"}, "Enter a telephone number", "sam@example.org"),
        ("you", {"name": ""}, "Enter your full name", "01632 960 001"),
    ],
)
def test_an_error_keeps_what_was_typed(client, ombudsman, name, changes, message, kept):
    response = answer(client, name, **changes)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert kept in body
    assert "There is a problem" in body
    assert not ComplaintDraft.objects.exists()


def test_a_representative_must_name_the_person_they_represent(client, ombudsman):
    answer(client, "you")
    response = client.post(page("for-whom"), {"acting": "representative"})
    assert response.status_code == 400
    assert "Enter the full name of the person you represent" in response.content.decode()


def test_the_date_of_what_happened_cannot_be_in_the_future(client, ombudsman):
    fill_form(client, stop_before="what-happened")
    response = answer(client, "what-happened", **date_boxes("happened_on", 1, 1, 2999))
    assert response.status_code == 400
    assert "must be today or in the past" in response.content.decode()
    assert "They lost my deeds" in response.content.decode()


def test_saying_you_have_not_complained_first_explains_the_rules(client, ombudsman):
    fill_form(client, stop_before="complained-first")
    response = client.post(page("complained-first"), {"complained_first": "no"})
    assert response["Location"] == "/casework/complain/complaining-first/"
    body = client.get(response["Location"]).content.decode()
    assert "8 weeks" in body
    assert "Scheme Rules" in body
    assert "time limits" in body


def test_complained_first_needs_the_date_when_yes(client, ombudsman):
    fill_form(client, stop_before="complained-first")
    response = client.post(page("complained-first"), {"complained_first": "yes"})
    assert response.status_code == 400
    assert "Enter the date you complained to them" in response.content.decode()


def test_the_remedies_are_the_schemes(client, ombudsman):
    fill_form(client, stop_before="outcome")
    body = client.get(page("outcome")).content.decode()
    for name in ("Apology", "Refund or reduction of fees", "Compensation for loss"):
        assert name in body


def test_check_your_answers_shows_each_answer_with_its_change_link(client, ombudsman):
    fill_form(client)
    body = client.get("/casework/complain/check/").content.decode()
    for text in ("Sam Patel", "Quick Wills Ltd (not on the register)", "3 February 2025"):
        assert text in body
    assert "Yes, on 1 March 2025" in body
    assert "Apology, Refund or reduction of fees" in body
    for name in ("you", "for-whom", "what-happened", "complained-first", "outcome"):
        assert f'href="/casework/complain/{name}/?change=1"' in body
    assert 'href="/casework/complain/provider/?change=1"' in body


def test_a_change_link_returns_to_check_your_answers(client, ombudsman):
    fill_form(client)
    form = client.get(page("you") + "?change=1").content.decode()
    assert 'value="Sam Patel"' in form
    response = client.post(page("you") + "?change=1", {**ANSWERS["you"], "name": "Sam R Patel"})
    assert response["Location"] == "/casework/complain/check/"
    assert "Sam R Patel" in client.get("/casework/complain/check/").content.decode()


def test_check_sends_an_unanswered_page_first(client, ombudsman):
    fill_form(client, stop_before="outcome")
    response = client.get("/casework/complain/check/")
    assert response["Location"] == page("outcome")


def test_sending_makes_the_case_shows_the_reference_and_emails_the_receipt(
    client, ombudsman, django_capture_on_commit_callbacks
):
    fill_form(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/casework/complain/check/")
    assert response["Location"] == "/casework/complain/sent/"
    case = Case.objects.get()
    assert case.organisation == ombudsman
    assert case.stage == "received"
    assert case.provider_name == "Quick Wills Ltd"
    assert case.provider_unregulated
    assert case.area_of_law == "Buying a house"
    complainant = case.parties.get(role="complainant")
    assert (complainant.name, complainant.email) == ("Sam Patel", "sam@example.org")
    assert case.correspondence.get().text.startswith("What happened (from 2025-02-03)")
    confirmation = client.get("/casework/complain/sent/").content.decode()
    assert case.reference in confirmation
    receipt = last_mail_to("sam@example.org")
    assert case.reference in receipt.subject
    assert "/casework/case/" in link_in(receipt, "/casework/case/")


def test_a_representatives_complaint_names_both(
    client, ombudsman, django_capture_on_commit_callbacks
):
    answer(client, "you")
    client.post(page("for-whom"), {"acting": "representative", "on_behalf_of": "Ada Patel"})
    client.post("/casework/complain/provider/", {"unregulated_name": "Quick Wills Ltd"})
    for name in ("what-happened", "complained-first", "outcome"):
        answer(client, name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/casework/complain/check/")
    case = Case.objects.get()
    assert case.parties.get(role="complainant").name == "Ada Patel"
    representative = case.parties.get(role="representative")
    assert (representative.email, representative.represents) == ("sam@example.org", "complainant")
    assert last_mail_to("sam@example.org")


def test_sending_twice_makes_one_case(client, ombudsman, django_capture_on_commit_callbacks):
    fill_form(client)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/casework/complain/check/")
        second = client.post("/casework/complain/check/")
    assert first["Location"] == second["Location"] == "/casework/complain/sent/"
    assert Case.objects.count() == 1
    assert Party.objects.filter(role="complainant").count() == 1
    assert len([m for m in mail.outbox if "received your complaint" in m.subject]) == 1


def test_after_sending_the_question_pages_start_a_new_complaint(client, ombudsman):
    fill_form(client)
    client.post("/casework/complain/check/")
    response = client.get(page("for-whom"))
    assert response["Location"] == "/casework/complain/"


def test_the_form_for_a_named_ombudsman(client, ombudsman):
    other = new_organisation("second-ombudsman", OrganisationKind.OMBUDSMAN)
    assert other.name in client.get("/casework/second-ombudsman/complain/").content.decode()
    fill_form(client)
    client.post("/casework/complain/check/")
    assert Case.objects.get().organisation == other
    assert client.get("/casework/nobody/complain/").status_code == 404
