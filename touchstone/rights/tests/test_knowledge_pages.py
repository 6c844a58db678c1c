"""Step 1 as the applicant and the officer meet it: the evidence form with its upload, a
refused file shown by the field with nothing written, confirming and submitting, the document
downloaded by those who may have it only, and the officer's decision."""

import pytest
from django.urls import reverse
from django.utils import timezone

from touchstone.core.models import Role, Upload
from touchstone.core.testing import (
    client_for,
    hidden_value,
    row_counts,
    sample_executable,
    sample_jpeg,
    sample_pdf,
    sent,
    uploaded,
)
from touchstone.rights.models import Application
from touchstone.rights.services import (
    application_start,
    knowledge_evidence_set,
    knowledge_submit,
)

pytestmark = pytest.mark.django_db
CPQ = "cilex-professional-qualification-cpq"


@pytest.fixture
def applicant(make_user):
    return make_user("applicant")


@pytest.fixture
def application(applicant, organisation):
    return application_start(acting_user=applicant, regulator=organisation, scheme="immigration")


@pytest.fixture
def submitted(applicant, application):
    knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="accredited",
        qualification=CPQ,
        file=uploaded(sample_pdf("CPQ"), name="cpq certificate.pdf"),
    )
    knowledge_submit(acting_user=applicant, application=application)
    application.refresh_from_db()
    return application


def url(application, rest: str = "") -> str:
    return f"/rights/applications/{application.pk}/knowledge/{rest}"


def evidence(page: str, **fields) -> dict:
    return sent(
        {"route": "accredited", "qualification": CPQ, "description": "", **fields},
        version=hidden_value(page, "version"),
    )


def test_the_overview_shows_step_1(applicant, application):
    page = client_for(applicant).get(f"/rights/applications/{application.pk}/").content.decode()
    assert f'href="{url(application)}"' in page and "Technical knowledge" in page
    assert 'id="knowledge-status"' in page


def test_the_form_takes_the_qualification_and_its_certificate(applicant, application):
    client = client_for(applicant)
    page = client.get(url(application)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "CILEX Professional Qualification (CPQ)" in page and 'type="file"' in page
    assert "Choose whether you have an accredited qualification" in page  # what is missing
    response = client.post(
        url(application),
        evidence(page, document=uploaded(sample_jpeg(), name="scan.jpg")),
        follow=True,
    )
    html = response.content.decode()
    assert "Saved." in html and "scan.jpg" in html and "Submit for assessment" in html
    found = Application.objects.get(pk=application.pk)
    assert found.knowledge_qualification == CPQ and found.knowledge_document.kind == "jpeg"


def test_a_refused_file_is_the_fields_error_and_nothing_is_written(applicant, application):
    client = client_for(applicant)
    page = client.get(url(application)).content.decode()
    before = row_counts("rights", "core")
    response = client.post(
        url(application),
        evidence(page, document=uploaded(sample_executable(), name="certificate.pdf")),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and 'href="#id_document"' in html
    assert "not a PDF, Word document, PNG or JPEG" in html
    assert "Not chosen yet" in html and "None uploaded yet" in html  # shown as it is stored
    assert row_counts("rights", "core") == before
    assert Upload.objects.count() == 0
    assert Application.objects.get(pk=application.pk).knowledge_route == ""


def test_recognition_needs_a_description(applicant, application):
    client = client_for(applicant)
    page = client.get(url(application)).content.decode()
    response = client.post(url(application), evidence(page, route="recognition"))
    assert "Describe the legal qualifications" in response.content.decode()
    assert Application.objects.get(pk=application.pk).knowledge_route == ""


def test_submitting_is_confirmed_then_freezes_the_page(applicant, application):
    client = client_for(applicant)
    knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="recognition",
        description="LLB (Hons), 2009",
        file=uploaded(sample_pdf(), name="transcript.pdf"),
    )
    confirm = client.post(url(application, "submit/")).content.decode()
    assert "LLB (Hons), 2009" in confirm and "transcript.pdf" in confirm
    done = client.post(
        url(application, "submit/"),
        sent(confirmed="yes", version=hidden_value(confirm, "version")),
        follow=True,
    ).content.decode()
    assert "Submitted for assessment" in done and "Save your evidence" not in done
    found = Application.objects.get(pk=application.pk)
    assert found.knowledge_state == "submitted"
    assert found.knowledge_submitted_on == timezone.localdate()


def test_incomplete_evidence_cannot_reach_the_confirmation(applicant, application):
    response = client_for(applicant).post(url(application, "submit/"), follow=True)
    assert "Choose whether you have an accredited qualification" in response.content.decode()
    assert Application.objects.get(pk=application.pk).knowledge_state == "draft"


def test_the_document_is_a_download_for_the_applicant_and_the_officer(
    applicant, submitted, officer, outsider, make_user, organisation
):
    address = url(submitted, f"documents/{submitted.knowledge_document_id}/")
    for user in (applicant, officer):
        response = client_for(user).get(address)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"].startswith("sandbox")
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    clerk = make_user("clerk", (organisation, Role.CASEWORKER))
    for user in (make_user("another-applicant"), outsider, clerk):
        assert client_for(user).get(address).status_code == 404
    assert client_for(applicant).get(url(submitted, f"documents/{Upload().pk}/")).status_code == 404
    assert client_for(applicant).get(url(submitted, "documents/not-a-uuid/")).status_code == 404


def test_another_applicant_and_another_regulators_officer_see_nothing(
    submitted, make_user, outsider
):
    for user in (make_user("another-applicant"), outsider):
        client = client_for(user)
        assert client.get(url(submitted)).status_code == 404
        assert client.post(url(submitted, "submit/")).status_code == 404
        assert client.get(f"/rights/staff/{submitted.pk}/knowledge/decide/").status_code == 404


def test_the_officer_sees_step_1_and_decides(officer, submitted, applicant):
    client = client_for(officer)
    queue = client.get("/rights/staff/").content.decode()
    assert "Technical knowledge" in queue and "Submitted for assessment" in queue
    case = client.get(f"/rights/staff/{submitted.pk}/").content.decode()
    assert "cpq certificate.pdf" in case and "Decide on the technical knowledge" in case
    decide = f"/rights/staff/{submitted.pk}/knowledge/decide/"
    form = client.get(decide).content.decode()
    refused = client.post(
        decide, sent(action="does_not_meet", version=hidden_value(form, "version"))
    )
    assert "Give the reasons" in refused.content.decode()
    done = client.post(
        decide,
        sent(
            action="does_not_meet",
            reasons="The certificate is not legible.",
            version=hidden_value(form, "version"),
        ),
        follow=True,
    ).content.decode()
    assert "Decision recorded" in done
    assert Application.objects.get(pk=submitted.pk).knowledge_state == "not_met"
    mine = client_for(applicant).get(url(submitted)).content.decode()
    assert "not legible" in mine and "Change your evidence" in mine


def test_the_second_officer_to_decide_is_told(officer, submitted, make_user, organisation):
    second = client_for(make_user("second", (organisation, Role.OFFICER)))
    first = client_for(officer)
    decide = f"/rights/staff/{submitted.pk}/knowledge/decide/"
    forms = [c.get(decide).content.decode() for c in (first, second)]
    first.post(decide, sent(action="meets", version=hidden_value(forms[0], "version")))
    response = second.post(
        decide,
        sent(action="does_not_meet", reasons="No", version=hidden_value(forms[1], "version")),
    )
    assert response.status_code == 409
    assert "Another officer changed this application" in response.content.decode()
    assert Application.objects.get(pk=submitted.pk).knowledge_state == "met"


def test_the_history_names_the_document(applicant, submitted):
    page = client_for(applicant).get(
        reverse("core:history", args=["rights", "application", submitted.pk])
    )
    assert page.status_code == 200
    assert "cpq certificate.pdf" in page.content.decode()


def test_home_panels_name_step_1(applicant, submitted, officer):
    mine = client_for(applicant).get("/").content.decode()
    assert "Technical knowledge: Submitted for assessment" in mine
    theirs = client_for(officer).get("/").content.decode()
    assert "1 waiting for you" in theirs  # step 1 waits, step 2 is not submitted
