"""Decision letters (§12-16, §26-28): each decision an officer records on step 1 or step 2 is
written as a PDF letter in the regulator's name, kept with the application, emailed to the
applicant with the notification, and downloaded only by the applicant and the regulator's
officers. A letter that cannot be written leaves no decision."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.models import AuditEvent, Notification, Role, Upload
from touchstone.core.testing import client_for, pdf_pages, sample_pdf, uploaded
from touchstone.rights.models import Application, DecisionLetter
from touchstone.rights.selectors import experience_check
from touchstone.rights.services import (
    application_start,
    experience_decide,
    experience_period_add,
    experience_submit,
    knowledge_decide,
    knowledge_evidence_set,
    knowledge_submit,
)
from touchstone.rights.tests import references

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
WORK = {
    "kind": "work",
    "start": TODAY - timedelta(days=700),
    "end": None,
    "hours": 1400,
    "tasks": ["advising", "drafting"],
    "employer": "Bedford Law",
    "role": "Paralegal",
}


@pytest.fixture
def applicant(make_user):
    user = make_user("applicant")
    user.first_name, user.last_name = "Ada", "Lovelace"
    user.save()
    return user


@pytest.fixture
def officer(make_user, organisation):
    user = make_user("officer", (organisation, Role.OFFICER))
    user.first_name, user.last_name = "Olive", "Officer"
    user.save()
    return user


@pytest.fixture
def submitted(applicant, organisation):
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    experience_period_add(acting_user=applicant, application=application, **WORK)
    references.given(application)
    experience_submit(acting_user=applicant, application=application)
    knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="accredited",
        qualification="cilex-professional-qualification-cpq",
        file=uploaded(sample_pdf("CPQ certificate"), name="cpq.pdf"),
    )
    knowledge_submit(acting_user=applicant, application=application)
    application.refresh_from_db()
    return application


def text_of(letter: DecisionLetter) -> str:
    with letter.upload.file.open("rb") as stored:
        data = stored.read()
    assert data.startswith(b"%PDF-")
    pages = pdf_pages(data)
    assert len(pages) == 1
    return " ".join(pages[0].split())


def decide(officer, application, capture, **call):
    mail.outbox.clear()
    with capture(execute=True):
        experience_decide(acting_user=officer, application=application, **call)
    return application.letters.get(decision=call["action"], step="experience")


def the_email(letter: DecisionLetter):
    (message,) = mail.outbox
    with letter.upload.file.open("rb") as stored:
        assert message.attachments == [
            (letter.upload.original_name, stored.read(), "application/pdf")
        ]
    return message


def test_not_met_yet_the_letter_gives_the_hours_so_far_and_the_date_expected(
    officer, submitted, applicant, organisation, django_capture_on_commit_callbacks
):
    letter = decide(
        officer,
        submitted,
        django_capture_on_commit_callbacks,
        action="does_not_meet",
        reasons="Short of the 2,300 hours.",
    )
    check = experience_check(submitted, as_of=submitted.experience_submitted_on)
    expected = date_in_words(date.fromisoformat(check["anticipated_date"]))
    text = text_of(letter)
    for part in (
        organisation.name,
        "Dear Ada Lovelace",
        "Your qualifying experience does not meet the requirement yet",
        "Short of the 2,300 hours.",
        "Hours credited so far: 1,400 of 2,300.",
        f"Expected to be met by: {expected}.",
        "Yours sincerely",
        "Olive Officer",
        f"Our reference: PR-{submitted.pk}/",
    ):
        assert part in text, part
    message = the_email(letter)
    assert message.to == [applicant.email]
    assert "Hours credited so far: 1,400 of 2,300" in message.body
    assert Notification.objects.filter(recipient=applicant).latest("pk").attachment == letter.upload
    assert letter.upload.original_name == f"qualifying-experience-decision-{TODAY}.pdf"
    event = AuditEvent.objects.filter(action="decide_experience").latest("pk")
    assert event.after["letter"] == str(letter.upload_id)
    history = client_for(applicant).get(f"/history/rights/application/{submitted.pk}/")
    assert letter.upload.original_name in history.content.decode()


def test_a_referral_letter_gives_the_hearing_date_and_the_next_is_the_committees(
    officer, submitted, django_capture_on_commit_callbacks
):
    hearing = TODAY + timedelta(days=30)
    referral = decide(
        officer,
        submitted,
        django_capture_on_commit_callbacks,
        action="refer",
        reasons="Unclear roles.",
        hearing_on=hearing,
    )
    text = text_of(referral)
    assert "has been referred to the committee" in text
    assert f"will consider it on {date_in_words(hearing)}." in text
    the_email(referral)
    submitted.refresh_from_db()
    decision = decide(officer, submitted, django_capture_on_commit_callbacks, action="meets")
    text = text_of(decision)
    assert "The committee's decision: your qualifying experience meets the requirement" in text
    assert f"which considered it on {date_in_words(hearing)}" in text
    assert "This is the committee's decision." in text
    assert "committee's decision" in the_email(decision).subject
    assert submitted.letters.count() == 2


def test_each_knowledge_decision_has_its_letter(
    officer, submitted, applicant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        knowledge_decide(
            acting_user=officer,
            application=submitted,
            action="does_not_meet",
            reasons="The certificate is not legible.",
        )
    letter = submitted.letters.get(step="knowledge")
    text = text_of(letter)
    assert "Your technical knowledge does not meet the requirement" in text
    assert "The certificate is not legible." in text
    assert "You can change your evidence and submit it again." in text
    assert letter.upload.original_name == f"technical-knowledge-decision-{TODAY}.pdf"
    the_email(letter)


@pytest.mark.parametrize("step", ["experience", "knowledge"])
def test_a_letter_that_cannot_be_written_leaves_no_decision(
    officer, submitted, monkeypatch, step, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise RuntimeError("no fonts")

    monkeypatch.setattr("touchstone.core.letters.render_pdf", broken)
    before = (Upload.objects.count(), AuditEvent.objects.count(), Notification.objects.count())
    version = submitted.version
    decide_on = experience_decide if step == "experience" else knowledge_decide
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        decide_on(acting_user=officer, application=submitted, action="meets")
    found = Application.objects.get(pk=submitted.pk)
    assert (found.experience_state, found.knowledge_state) == ("submitted", "submitted")
    assert found.version == version
    assert not DecisionLetter.objects.exists()
    after = (Upload.objects.count(), AuditEvent.objects.count(), Notification.objects.count())
    assert after == before and not mail.outbox


def test_the_letters_are_listed_and_downloaded_by_the_applicant_and_the_officer(
    officer, submitted, applicant, outsider, make_user, organisation
):
    experience_decide(
        acting_user=officer, application=submitted, action="does_not_meet", reasons="Short."
    )
    knowledge_decide(acting_user=officer, application=submitted, action="meets")
    experience = submitted.letters.get(step="experience")
    knowledge = submitted.letters.get(step="knowledge")
    address = f"/rights/applications/{submitted.pk}/letters/{experience.upload_id}/"
    pages = {
        f"/rights/applications/{submitted.pk}/experience/": [address],
        f"/rights/applications/{submitted.pk}/knowledge/": [
            f"/rights/applications/{submitted.pk}/letters/{knowledge.upload_id}/"
        ],
    }
    for page, links in pages.items():
        html = client_for(applicant).get(page).content.decode()
        assert "Decision letters" in html and all(link in html for link in links)
    case = client_for(officer).get(f"/rights/staff/{submitted.pk}/").content.decode()
    assert "Letters sent on the qualifying experience" in case and address in case
    assert str(knowledge.upload_id) in case
    for user in (applicant, officer):
        response = client_for(user).get(address)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    clerk = make_user("clerk", (organisation, Role.CASEWORKER))
    for user in (make_user("another-applicant"), outsider, clerk):
        assert client_for(user).get(address).status_code == 404
    own = client_for(applicant)
    assert own.get(f"/rights/applications/{submitted.pk}/letters/{Upload().pk}/").status_code == 404
    certificate = submitted.knowledge_document_id  # an upload, but not a letter
    assert own.get(f"/rights/applications/{submitted.pk}/letters/{certificate}/").status_code == 404


def test_a_letter_is_not_reached_through_another_application(
    officer, submitted, make_user, organisation
):
    experience_decide(acting_user=officer, application=submitted, action="meets")
    letter = submitted.letters.get()
    other = make_user("other-applicant")
    theirs = application_start(acting_user=other, regulator=organisation, scheme="immigration")
    response = client_for(other).get(
        f"/rights/applications/{theirs.pk}/letters/{letter.upload_id}/"
    )
    assert response.status_code == 404
