"""The reference pages: the applicant asks and withdraws from the experience page; the
supervisor's page, opened from the email, shows only what they must confirm, is never cached
or sent to another site as a referrer, and stops working once used or expired."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from touchstone.core.models import AccessLink
from touchstone.core.testing import client_for, row_counts, sent
from touchstone.rights.models import SupervisorReference
from touchstone.rights.services import application_start, experience_period_add
from touchstone.rights.tests import references

pytestmark = pytest.mark.django_db
EMPLOYER = "Confidential Chambers LLP"


@pytest.fixture
def applicant(make_user):
    user = make_user("sam")
    user.first_name, user.last_name = "Sam", "Jones"
    user.save()
    return user


@pytest.fixture
def application(applicant, organisation):
    found = application_start(acting_user=applicant, regulator=organisation, scheme="immigration")
    experience_period_add(
        acting_user=applicant,
        application=found,
        kind="work",
        start=timezone.localdate() - timedelta(days=400),
        hours=900,
        tasks=["advising"],
        employer=EMPLOYER,
    )
    found.refresh_from_db()
    return found


def _give_form(application, **changes) -> dict:
    given = references.answers(application)
    data = {
        "qualification": given["qualification"],
        "membership_number": given["membership_number"],
        "employer": given["employer"],
        "job_title": given["job_title"],
        "confirms_authorised": "on",
        **{f"comment_{code}": text for code, text in given["comments"].items()},
    }
    return {**data, **changes}


def test_the_applicant_asks_from_the_experience_page(
    applicant, application, django_capture_on_commit_callbacks
):
    client = client_for(applicant)
    page = client.get(f"/rights/applications/{application.pk}/experience/").content.decode()
    assert "Ask your supervisor for a reference" in page
    assert 'data-testid="submit-waits"' in page and "Submit for assessment" not in page
    url = f"/rights/applications/{application.pk}/experience/reference/"
    form = client.get(url).content.decode()
    assert "their supervision of your work" in form and "28 days" in form
    refused = client.post(url, sent(name="", email="nope"))
    assert refused.status_code == 200 and SupervisorReference.objects.count() == 0
    assert "Enter your supervisor" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, sent(name="Ann Lee", email="ann@example.org"), follow=True)
    body = done.content.decode()
    assert "We have emailed your supervisor" in body and "Asked for, not yet given" in body
    assert len(mail.outbox) == 1 and "/rights/reference/" in mail.outbox[0].body


def test_the_applicant_withdraws_a_request(applicant, application):
    reference = references.requested(application)
    client = client_for(applicant)
    url = f"/rights/applications/{application.pk}/experience/reference/{reference.pk}/withdraw/"
    assert "Withdraw the request" in client.get(url).content.decode()
    client.post(url, sent(confirmed="yes"))
    reference.refresh_from_db()
    assert reference.state == "withdrawn"
    assert client.get(url).status_code == 404  # nothing left to withdraw


def test_the_supervisors_page_shows_what_they_confirm_and_nothing_private(application):
    reference = references.requested(application)
    response = Client().get(f"/rights/reference/{reference.link_token}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    assert "Reference for Sam Jones" in body and "Ann Lee" in body
    assert "The applicant&#x27;s ability to work independently" in body
    assert EMPLOYER not in body  # the applicant's periods are not shown to the supervisor


def test_an_incomplete_reference_is_shown_again_with_nothing_written(application):
    reference = references.requested(application)
    url = f"/rights/reference/{reference.link_token}/"
    before = row_counts("rights", "core")
    response = Client().post(
        url, _give_form(application, comment_competence="", confirms_authorised="")
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Comment on the applicant" in body and "Confirm that you are an authorised" in body
    assert row_counts("rights", "core") == before
    assert AccessLink.objects.get(pk=reference.link_id).used_at is None


def test_a_reference_given_through_the_page_works_once(application, officer):
    reference = references.requested(application)
    url = f"/rights/reference/{reference.link_token}/"
    client = Client()
    done = client.post(url, _give_form(application))
    assert done.status_code == 302 and done["Location"] == "/rights/reference/given/"
    assert done["Referrer-Policy"] == "same-origin"
    assert "Reference given" in client.get(done["Location"]).content.decode()
    reference.refresh_from_db()
    assert reference.state == "given" and reference.given_from == "127.0.0.1"
    again = client.get(url)
    assert again.status_code == 410 and "already been used" in again.content.decode()
    assert client.post(url, _give_form(application)).status_code == 410
    case = client_for(officer).get(f"/rights/staff/{application.pk}/").content.decode()
    assert "Good: competence." in case and "Not on this register" in case


@pytest.mark.parametrize(
    ("spoil", "status", "words"),
    [
        ({"expires_at": timezone.now() - timedelta(seconds=1)}, 410, "expired"),
        ({"revoked_at": timezone.now()}, 410, "withdrawn"),
    ],
)
def test_an_expired_or_withdrawn_link_says_so(application, spoil, status, words):
    reference = references.requested(application)
    AccessLink.objects.filter(pk=reference.link_id).update(**spoil)
    response = Client().get(f"/rights/reference/{reference.link_token}/")
    assert response.status_code == status and words in response.content.decode()


def test_an_unknown_link_is_not_found():
    response = Client().get("/rights/reference/made-up-token/")
    assert response.status_code == 404 and "not one we sent" in response.content.decode()


def test_the_applicant_sees_the_reference_given_but_not_the_comments(applicant, application):
    references.given(application)
    page = client_for(applicant).get(f"/rights/applications/{application.pk}/experience/")
    body = page.content.decode()
    assert "Given" in body and "Submit for assessment" in body
    assert "Good: competence." not in body and "Our register" not in body


def test_the_history_names_the_supervisor_who_gave_it(applicant, application):
    references.given(application)
    page = client_for(applicant).get(f"/history/rights/application/{application.pk}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Request reference" in body and "Give reference" in body
    assert "ann.lee@example.org" in body
