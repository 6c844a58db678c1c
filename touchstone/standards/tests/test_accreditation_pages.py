"""The accreditation pages as a provider and a standards body's officer use them: apply
through the check-your-answers page to the invoice, the officer records the payment, the
provider answers a heading at a time and submits through a confirmation page to the result;
the list filtered by state; a stale save; refusals shown on the page."""

from datetime import date

import pytest
from django.utils import timezone

from touchstone.core.testing import client_for, date_boxes, hidden_value, sent
from touchstone.standards import services
from touchstone.standards.models import Accreditation
from touchstone.standards.tests.accreditation import (
    answered,
    applied,
    open_assessment,
    paid,
    scheme_world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return scheme_world()


def test_a_provider_applies_pays_answers_and_is_provisionally_registered(w):
    provider = client_for(w.admin)
    page = provider.get("/standards/accreditations/apply/")
    assert page.status_code == 200 and w.body.name in page.content.decode()
    answers = {"standards_body": w.body.pk, "corporate_member": "no"}
    check = provider.post("/standards/accreditations/apply/", sent(answers))
    text = check.content.decode()
    assert "Check your answers before applying" in text and w.body.name in text
    assert not Accreditation.objects.exists()
    done = provider.post("/standards/accreditations/apply/", sent(answers, confirmed="yes"))
    accreditation = Accreditation.objects.get()
    assert done["Location"] == f"/standards/accreditations/{accreditation.pk}/"
    shown = provider.get(done["Location"]).content.decode()
    assessment = open_assessment(accreditation)
    assert assessment.invoice.number in shown and "£350" in shown and "not paid" in shown
    assert "Record the payment" not in shown

    officer = client_for(w.officer)
    payment = officer.get(f"/standards/accreditations/{accreditation.pk}/payment/")
    today = timezone.localdate()
    recorded = officer.post(
        f"/standards/accreditations/{accreditation.pk}/payment/",
        sent(
            {
                "version": hidden_value(payment.content.decode(), "version"),
                **date_boxes("paid_on", today.day, today.month, today.year),
                "reference": "BACS 99",
            }
        ),
    )
    assert recorded.status_code == 302
    assessment.invoice.refresh_from_db()
    assert assessment.invoice.paid_on == today

    sheet = provider.get(f"/standards/assessments/{assessment.pk}/").content.decode()
    assert "Client Confidentiality" in sheet and "Lexcel" in sheet and "ISO 9000" in sheet
    saved = provider.post(
        f"/standards/assessments/{assessment.pk}/",
        sent(
            {
                "version": hidden_value(sheet, "version"),
                "answer-1": "complied",
                "note-1": "Our confidentiality policy",
                "continue": "yes",
            }
        ),
    )
    assert saved["Location"].endswith("?part=2")
    first = assessment.answers.get(number=1)
    assert (first.answer, first.note) == ("complied", "Our confidentiality policy")

    answered(w, assessment, s45="partial")
    confirm = provider.get(f"/standards/assessments/{assessment.pk}/submit/").content.decode()
    assert "71 of 71" in confirm
    result = provider.post(
        f"/standards/assessments/{assessment.pk}/submit/",
        sent({"version": hidden_value(confirm, "version"), "confirmed": "yes"}),
        follow=True,
    ).content.decode()
    accreditation.refresh_from_db()
    assert accreditation.state == "provisional"
    assert "Provisionally registered" in result
    assert f"{accreditation.remediation_deadline:%-d %B %Y}" in result
    assert "Standard 45" in result and "Standard 52" not in result


def test_submitting_before_the_fee_is_paid_says_so_on_the_page(w):
    assessment = open_assessment(applied(w))
    answered(w, assessment)
    provider = client_for(w.admin)
    confirm = provider.get(f"/standards/assessments/{assessment.pk}/submit/").content.decode()
    refused = provider.post(
        f"/standards/assessments/{assessment.pk}/submit/",
        sent({"version": hidden_value(confirm, "version"), "confirmed": "yes"}),
    )
    assert refused.status_code == 400
    assert "has not been paid yet" in refused.content.decode()


def test_a_save_from_an_old_version_is_shown_as_changed_and_not_saved(w):
    assessment = open_assessment(applied(w))
    provider = client_for(w.admin)
    sheet = provider.get(f"/standards/assessments/{assessment.pk}/").content.decode()
    services.assessment_answers_save(
        acting_user=w.admin, assessment=assessment, answers={2: {"answer": "partial"}}
    )
    stale = provider.post(
        f"/standards/assessments/{assessment.pk}/",
        sent({"version": hidden_value(sheet, "version"), "answer-1": "complied"}),
    )
    assert stale.status_code == 409
    assert not assessment.answers.filter(number=1).exclude(answer="").exists()


def test_the_list_filters_by_state_and_shows_only_the_users_own(w):
    applied(w)
    other = scheme_world("o-")
    registered = applied(other)
    Accreditation.objects.filter(pk=registered.pk).update(
        state="registered", registered_from=date(2026, 1, 1), registered_until=date(2026, 12, 31)
    )
    mine = client_for(w.admin).get("/standards/accreditations/").content.decode()
    assert w.provider.name in mine and other.provider.name not in mine
    officer = client_for(w.officer)
    everything = officer.get("/standards/accreditations/").content.decode()
    assert w.provider.name in everything and other.provider.name not in everything
    body = client_for(other.officer)
    assert (
        other.provider.name
        in body.get("/standards/accreditations/?state=registered").content.decode()
    )
    assert (
        other.provider.name
        not in body.get("/standards/accreditations/?state=applied").content.decode()
    )


def test_a_provider_member_who_does_not_run_it_reads_the_assessment_without_a_form(w):
    assessment = paid(w, open_assessment(applied(w)))
    page = client_for(w.staff).get(f"/standards/assessments/{assessment.pk}/")
    assert page.status_code == 200
    assert b'name="answer-1"' not in page.content and b"Not answered" in page.content


def test_the_home_page_shows_the_accreditations_to_each_side_and_no_one_else(w, outsider):
    accreditation = applied(w)
    link = f"/standards/accreditations/{accreditation.pk}/".encode()
    assert link in client_for(w.admin).get("/").content
    assert link in client_for(w.officer).get("/").content
    assert link not in client_for(w.other_officer).get("/").content
    assert link not in client_for(outsider).get("/").content
