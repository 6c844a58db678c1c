"""Following a case by its emailed link: the status in plain words and the next step, the
messages both ways (a caseworker's only once shared), evidence, a new link by reference and
email address, a complaint about the service, and the closing survey answered once."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from touchstone.casework import services
from touchstone.casework.models import Correspondence, SatisfactionResponse, ServiceComplaint
from touchstone.casework.tests.build import at_stage, new_case
from touchstone.casework.tests.public_build import last_mail_to, link_in
from touchstone.core.models import AccessLink, OrganisationKind
from touchstone.core.testing import new_organisation, sample_pdf, uploaded

pytestmark = pytest.mark.django_db


@pytest.fixture
def ombudsman(db):
    return new_organisation("follow-ombudsman", OrganisationKind.OMBUDSMAN)


def _case(ombudsman, reference="LO-7", email="sam@example.org"):
    return services.case_create(
        acting_user=None,
        organisation=ombudsman,
        scheme="ombudsman",
        reference=reference,
        jurisdiction="legal",
        received_on=date(2025, 1, 6),
        provider_name="Quick Wills Ltd",
        complainant_name="Sam Patel",
        complainant_email=email,
    )


def _follow_path(case, capture) -> str:
    with capture(execute=True):
        services.follow_link_send(case=case, party=case.parties.get(role="complainant"))
    return link_in(last_mail_to(case.parties.get(role="complainant").email), "/casework/case/")


@pytest.fixture
def followed(ombudsman, django_capture_on_commit_callbacks):
    case = _case(ombudsman)
    return case, _follow_path(case, django_capture_on_commit_callbacks)


def test_the_page_says_where_the_case_is_in_plain_words(client, followed):
    case, path = followed
    body = client.get(path).content.decode()
    assert "We have received your complaint" in body
    assert "the provider has had the chance to put things right" in body
    case = at_stage(case, "triage", "investigation")
    body = client.get(path).content.decode()
    assert "We are looking into your complaint" in body
    assert "may ask you for more information" in body


def test_every_stage_of_the_ombudsman_scheme_has_public_words(db):
    from touchstone.casework.selectors import scheme_data

    for stage in scheme_data("ombudsman")["stages"]:
        assert stage["public_name"] and stage["public_next_step"], stage["code"]


def test_a_message_from_the_complainant_is_kept_on_the_case(client, followed):
    case, path = followed
    response = client.post(path, {"text": "I have found the letter."})
    assert response.status_code == 302
    message = case.correspondence.get()
    assert message.from_complainant and message.author == "Sam Patel"
    assert "I have found the letter." in client.get(path).content.decode()


def test_an_empty_message_is_refused(client, followed):
    case, path = followed
    response = client.post(path, {"text": ""})
    assert response.status_code == 400
    assert "Enter your message" in response.content.decode()
    assert not case.correspondence.exists()


def test_a_caseworkers_reply_shows_only_once_shared(client, followed):
    case, path = followed
    reply = Correspondence.objects.create(
        case=case, from_complainant=False, author="Caseworker", text="Internal: call the firm"
    )
    assert "Internal: call the firm" not in client.get(path).content.decode()
    reply.shared = True
    reply.save()
    assert "Internal: call the firm" in client.get(path).content.decode()


def test_evidence_sent_later_is_on_the_case_and_downloads(client, followed):
    case, path = followed
    response = client.post(path, {"upload": "1", "document": uploaded(sample_pdf("Letter"))})
    assert response.status_code == 302
    item = case.evidence.get()
    download = client.get(f"{path}evidence/{item.upload_id}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_a_refused_file_on_the_case_page_says_why(client, followed):
    case, path = followed
    response = client.post(path, {"upload": "1", "document": uploaded(b"<html></html>")})
    assert response.status_code == 400
    assert "not a PDF, Word document, PNG or JPEG" in response.content.decode()
    assert not case.evidence.exists()


def test_a_link_shows_only_its_own_case(
    client, ombudsman, followed, django_capture_on_commit_callbacks
):
    case, path = followed
    other = _case(ombudsman, reference="LO-8", email="jo@example.org")
    other_path = _follow_path(other, django_capture_on_commit_callbacks)
    client.post(other_path, {"upload": "1", "document": uploaded(sample_pdf("Theirs"))})
    item = other.evidence.get()
    body = client.get(path).content.decode()
    assert "LO-7" in body and "LO-8" not in body
    assert client.get(f"{path}evidence/{item.upload_id}/").status_code == 404


def test_a_wrong_or_expired_link_does_not_open(client, followed):
    case, path = followed
    assert client.get("/casework/case/not-a-token/").status_code == 404
    AccessLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(path)
    assert response.status_code == 410
    assert "ask for a new link" in response.content.decode()


def test_a_follow_link_is_not_a_survey_link(client, followed):
    case, path = followed
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/casework/survey/{token}/").status_code == 404


def test_a_new_link_goes_only_to_the_address_on_the_case(
    client, followed, django_capture_on_commit_callbacks
):
    case, path = followed
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        wrong = client.post(
            "/casework/case/new-link/", {"reference": "LO-7", "email": "someone@example.org"}
        )
        right = client.post(
            "/casework/case/new-link/", {"reference": "lo-7", "email": "SAM@example.org"}
        )
    for response in (wrong, right):  # the page does not say who has a case
        assert "If that reference and email address belong to a complaint" in (
            response.content.decode()
        )
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
    new_path = link_in(mail.outbox[0], "/casework/case/")
    assert new_path != path and client.get(new_path).status_code == 200


def test_a_service_complaint_is_pending_for_the_adjudicator(client, followed):
    case, path = followed
    response = client.post(f"{path}service-complaint/", {"text": "Nobody answered for months."})
    assert response.status_code == 302
    complaint = ServiceComplaint.objects.get()
    assert (complaint.case, complaint.party_role, complaint.outcome) == (
        case,
        "complainant",
        "pending",
    )
    assert case.correspondence.get(about_service=True).text == "Nobody answered for months."
    again = client.post(f"{path}service-complaint/", {"text": "Again."})
    assert "already complained" in again.content.decode()
    assert ServiceComplaint.objects.count() == 1


def _concluded(case, capture):
    case = at_stage(case, "triage", "investigation")
    with capture(execute=True):
        return services.case_conclude(
            acting_user=None, case=case, outcome="remedy", concluded_on=date(2025, 5, 1)
        )


def test_concluding_sends_each_party_with_an_email_the_survey(
    ombudsman, django_capture_on_commit_callbacks
):
    case = _case(ombudsman)
    case.parties.create(role="provider", name="Quick Wills Ltd", email="firm@example.org")
    case.parties.create(role="provider", name="No email")
    mail.outbox.clear()
    _concluded(case, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["firm@example.org", "sam@example.org"]
    assert all("/casework/survey/" in m.body for m in mail.outbox)


def test_the_survey_answers_once(client, ombudsman, django_capture_on_commit_callbacks):
    case = _concluded(_case(ombudsman), django_capture_on_commit_callbacks)
    path = link_in(last_mail_to("sam@example.org"), "/casework/survey/")
    assert "Are you satisfied with the outcome" in client.get(path).content.decode()
    response = client.post(path, {"outcome_satisfied": "no", "service_satisfied": "yes"})
    assert "Your answers are recorded" in response.content.decode()
    answer = SatisfactionResponse.objects.get()
    assert (answer.case, answer.party_role) == (case, "complainant")
    assert (answer.outcome_satisfied, answer.service_satisfied) == (False, True)
    again = client.post(path, {"outcome_satisfied": "yes", "service_satisfied": "yes"})
    assert again.status_code == 410
    answer.refresh_from_db()
    assert answer.outcome_satisfied is False


def test_the_survey_needs_both_answers(client, ombudsman, django_capture_on_commit_callbacks):
    _concluded(_case(ombudsman), django_capture_on_commit_callbacks)
    path = link_in(last_mail_to("sam@example.org"), "/casework/survey/")
    response = client.post(path, {"outcome_satisfied": "yes"})
    assert "whether you are satisfied with our service" in response.content.decode()
    assert not SatisfactionResponse.objects.exists()
    assert client.get(path).status_code == 200  # the link is still unused


def test_a_case_without_party_emails_sends_no_survey(ombudsman, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    _concluded(new_case(ombudsman), django_capture_on_commit_callbacks)
    assert not mail.outbox
