"""Step 4 as the applicant and the officer meet it: the page says what is still needed (each
with a link to put it right), the form refuses bad answers with nothing saved, the confirmation
page before submitting, and the officer's decision (a second officer is told plainly)."""

import pytest
from django.utils import timezone

from touchstone.core.models import Role
from touchstone.core.testing import client_for, date_boxes, hidden_value, sent
from touchstone.rights.models import Application
from touchstone.rights.services import application_start
from touchstone.rights.tests.submission import ANSWERS, confirmed_steps, on_register, ready

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def application(make_user, organisation):
    applicant = make_user("asha")
    return application_start(acting_user=applicant, regulator=organisation, scheme="immigration")


def _page(application) -> str:
    return f"/rights/applications/{application.pk}/application/"


def test_the_page_lists_what_is_missing_with_a_link_to_each(application):
    page = client_for(application.applicant).get(_page(application)).content.decode()
    for words, href in [
        ("Complete the application form", "application/form/"),
        ("technical knowledge must be confirmed", "knowledge/"),
        ("qualifying experience meets", "experience/"),
        ("portfolio is not complete", "portfolio/"),
        ("reference from your supervisor is needed", "experience/reference/"),
    ]:
        assert words in page
        assert f'/rights/applications/{application.pk}/{href}"' in page
    assert "Submit your application</button>" not in page
    assert (
        "Apply"
        in client_for(application.applicant)
        .get(f"/rights/applications/{application.pk}/")
        .content.decode()
    )


def test_a_bad_answer_is_shown_on_the_form_and_nothing_is_saved(application):
    client = client_for(application.applicant)
    response = client.post(
        f"{_page(application)}form/",
        sent({**ANSWERS, "phone": "12", "version": application.version}),
    )
    assert response.status_code == 200
    assert "Enter a telephone number" in response.content.decode()
    assert Application.objects.get(pk=application.pk).form_answers == {}
    response = client.post(
        f"{_page(application)}form/", sent({**ANSWERS, "version": application.version})
    )
    assert response.status_code == 302
    assert (
        Application.objects.get(pk=application.pk).form_answers["employer"] == ANSWERS["employer"]
    )


def test_submitting_goes_through_the_confirmation_page(application, officer):
    ready(application, officer)
    client = client_for(application.applicant)
    page = client.get(_page(application)).content.decode()
    assert "Ready to submit" in page and "attached for you" in page
    confirm = client.post(f"{_page(application)}submit/", sent())
    assert confirm.status_code == 200
    body = confirm.content.decode()
    assert "Submit my application" in body and "Letter confirming" in body
    done = client.post(
        f"{_page(application)}submit/",
        sent(confirmed="yes", version=hidden_value(body, "version")),
        follow=True,
    )
    assert "Submitted." in done.content.decode()
    assert Application.objects.get(pk=application.pk).application_state == "fee_due"


def test_submitting_what_is_not_ready_is_refused_with_the_reasons(application, officer):
    confirmed_steps(application, officer)
    client = client_for(application.applicant)
    response = client.post(
        f"{_page(application)}submit/",
        sent(confirmed="yes", version=Application.objects.get(pk=application.pk).version),
        follow=True,
    )
    assert "portfolio is not complete" in response.content.decode()
    assert Application.objects.get(pk=application.pk).application_state == "draft"


def _assessed(application, officer):
    ready(application, officer)
    Application.objects.filter(pk=application.pk).update(
        application_state="under_assessment", application_submitted_on=TODAY
    )
    application.refresh_from_db()
    return application


def test_the_officer_approves_and_a_second_officer_is_told_it_changed(
    application, officer, make_user, organisation
):
    _assessed(application, officer)
    on_register(application)
    url = f"/rights/staff/{application.pk}/application/decide/"
    second = client_for(make_user("second", (organisation, Role.OFFICER)))
    opened = hidden_value(second.get(url).content.decode(), "version")
    page = client_for(officer).get(url).content.decode()
    assert "Approve the application" in page and "on entry 100001" in page
    done = client_for(officer).post(
        url, sent(action="approve", version=hidden_value(page, "version")), follow=True
    )
    assert "Decision recorded" in done.content.decode()
    due = TODAY.replace(year=TODAY.year + 1)
    late = second.post(
        url,
        sent(
            {
                "action": "request_information",
                "reasons": "More, please.",
                "version": opened,
                **date_boxes("information_due_on", due.day, due.month, due.year),
            }
        ),
    )
    assert late.status_code == 409
    assert "Another officer changed this application" in late.content.decode()
    assert Application.objects.get(pk=application.pk).application_state == "approved"
    case = client_for(officer).get(f"/rights/staff/{application.pk}/").content.decode()
    assert "Step 4: the application" in case and "Approved" in case


def test_asking_for_information_needs_reasons_and_a_date(application, officer):
    _assessed(application, officer)
    url = f"/rights/staff/{application.pk}/application/decide/"
    response = client_for(officer).post(
        url, sent(action="request_information", version=application.version)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Give the reasons" in body and "Enter the date the information is due" in body
    assert Application.objects.get(pk=application.pk).application_state == "under_assessment"


def test_the_officer_sends_a_lost_declaration_again_from_the_case(application, officer):
    from touchstone.rights.tests.declarations import sent as declarations_sent

    mine, theirs = declarations_sent(application)
    case = client_for(officer).get(f"/rights/staff/{application.pk}/").content.decode()
    assert "Send the declarations not yet signed again" in case
    url = f"/rights/staff/{application.pk}/declarations/send/"
    page = client_for(officer).get(url).content.decode()
    assert theirs.email in page and mine.email in page
    with_sent = client_for(officer).post(url, sent(confirmed="yes"), follow=True)
    assert "Declarations sent again" in with_sent.content.decode()
    assert application.declarations.filter(state="invited").count() == 2
    assert application.declarations.filter(state="withdrawn").count() == 2
