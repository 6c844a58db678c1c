"""Step 2 as the applicant and the officer meet it: the period form with the check beside it
(updated as they type), messages on bad input with nothing written, a change made elsewhere,
submitting, the queue and the decision."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from touchstone.core.models import Role
from touchstone.core.testing import client_for, hidden_value, row_counts, sent
from touchstone.rights.models import Application
from touchstone.rights.services import (
    application_start,
    experience_period_add,
    experience_period_update,
    experience_submit,
)
from touchstone.rights.tests import references

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
WORK = {
    "kind": "work",
    "start": TODAY - timedelta(days=365),
    "hours": 1000,
    "tasks": ["advising"],
    "employer": "Bedford Law",
}


@pytest.fixture
def applicant(make_user):
    return make_user("applicant")


@pytest.fixture
def application(applicant, organisation):
    found = application_start(acting_user=applicant, regulator=organisation, scheme="immigration")
    experience_period_add(acting_user=applicant, application=found, **WORK)
    found.refresh_from_db()
    return found


def credited(html: str) -> str:
    return re.search(r'data-testid="credited">([^<]*)<', html).group(1)


def period_form(**fields) -> dict:
    start = fields.pop("start", TODAY - timedelta(days=100))
    return {
        "kind": "work",
        "start-day": str(start.day),
        "start-month": str(start.month),
        "start-year": str(start.year),
        "hours": "300",
        "tasks": ["drafting"],
        **fields,
    }


def test_the_form_shows_the_check_and_the_preview_adds_the_period(applicant, application):
    client = client_for(applicant)
    page = client.get(f"/rights/applications/{application.pk}/experience/add/").content.decode()
    assert credited(page) == "1,000 of 2,300 hours"
    assert f'hx-post="/rights/applications/{application.pk}/experience/preview/"' in page
    before = row_counts("rights", "core")
    preview = client.post(
        f"/rights/applications/{application.pk}/experience/preview/", period_form()
    ).content.decode()
    assert credited(preview) == "1,300 of 2,300 hours" and "with this period" in preview
    unfinished = client.post(
        f"/rights/applications/{application.pk}/experience/preview/", period_form(hours="")
    ).content.decode()
    assert credited(unfinished) == "1,000 of 2,300 hours"
    assert 'data-testid="incomplete"' in unfinished
    assert row_counts("rights", "core") == before


def test_the_change_preview_counts_the_changed_period_once(applicant, application):
    period = application.periods.get()
    url = f"/rights/applications/{application.pk}/experience/{period.pk}/preview/"
    preview = client_for(applicant).post(url, period_form(hours="2500")).content.decode()
    assert credited(preview) == "2,500 of 2,300 hours"


def test_a_work_period_without_hours_is_refused_by_name(applicant, application):
    client = client_for(applicant)
    url = f"/rights/applications/{application.pk}/experience/add/"
    before = row_counts("rights")
    response = client.post(url, sent(period_form(hours="")))
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html and "Enter the hours worked in the period" in html
    response = client.post(url, sent(period_form(kind="lpc", hours="", tasks=[])))
    assert "Select yes if you passed the course" in response.content.decode()
    assert row_counts("rights") == before


def test_an_end_before_the_start_is_the_end_dates_error(applicant, application):
    start = TODAY - timedelta(days=10)
    end = start - timedelta(days=1)
    data = period_form(
        start=start, **{"end-day": end.day, "end-month": end.month, "end-year": end.year}
    )
    response = client_for(applicant).post(
        f"/rights/applications/{application.pk}/experience/add/", sent(data)
    )
    assert 'id="id_end-error"' in response.content.decode() or "on or after the start" in (
        response.content.decode()
    )
    assert application.periods.count() == 1


def test_a_change_made_elsewhere_is_not_overwritten(applicant, application):
    client = client_for(applicant)
    period = application.periods.get()
    url = f"/rights/applications/{application.pk}/experience/{period.pk}/change/"
    page = client.get(url).content.decode()
    version = hidden_value(page, "version")
    experience_period_update(acting_user=applicant, period=period, hours=1200)  # another tab
    response = client.post(url, sent(period_form(hours="50"), version=version), follow=True)
    assert "changed in another window" in response.content.decode()
    period.refresh_from_db()
    assert period.hours == 1200


def test_submitting_confirms_the_hours_then_freezes_the_page(applicant, application):
    references.given(application)
    client = client_for(applicant)
    url = f"/rights/applications/{application.pk}/experience/submit/"
    confirm = client.post(url).content.decode()
    assert "1,000 of 2,300" in confirm and "1,300 hours" in confirm  # short by
    done = client.post(
        url, sent(confirmed="yes", version=hidden_value(confirm, "version")), follow=True
    ).content.decode()
    assert "Submitted for assessment" in done and "Add a period" not in done
    assert Application.objects.get(pk=application.pk).experience_state == "submitted"


@pytest.fixture
def submitted(applicant, application):
    references.given(application)
    experience_submit(acting_user=applicant, application=application)
    application.refresh_from_db()
    return application


def test_the_queue_counts_each_state_and_filters(officer, submitted, make_user, organisation):
    other = make_user("drafter")
    application_start(acting_user=other, regulator=organisation, scheme="immigration")
    client = client_for(officer)
    every = client.get("/rights/staff/").content.decode()
    assert "Submitted for assessment (1)" in every and "Not submitted (1)" in every
    waiting = client.get("/rights/staff/?state=submitted").content.decode()
    assert f'href="/rights/staff/{submitted.pk}/"' in waiting and "drafter" not in waiting


def test_a_decision_needs_reasons_unless_met(officer, submitted):
    client = client_for(officer)
    url = f"/rights/staff/{submitted.pk}/decide/"
    form = client.get(url).content.decode()
    data = sent(action="does_not_meet", version=hidden_value(form, "version"))
    response = client.post(url, data)
    assert "Give the reasons" in response.content.decode()
    assert Application.objects.get(pk=submitted.pk).experience_state == "submitted"


def test_the_second_officer_to_decide_is_told_and_nothing_is_overwritten(
    officer, submitted, make_user, organisation
):
    second = client_for(make_user("second", (organisation, Role.OFFICER)))
    first = client_for(officer)
    url = f"/rights/staff/{submitted.pk}/decide/"
    forms = [c.get(url).content.decode() for c in (first, second)]
    first.post(url, sent(action="meets", version=hidden_value(forms[0], "version")))
    response = second.post(
        url,
        sent(action="does_not_meet", reasons="No", version=hidden_value(forms[1], "version")),
    )
    assert response.status_code == 409
    assert "Another officer changed this application" in response.content.decode()
    assert Application.objects.get(pk=submitted.pk).experience_state == "met"


def test_home_panels_for_applicant_member_and_officer(applicant, submitted, officer):
    mine = client_for(applicant).get("/").content.decode()
    assert "Your practice-rights application" in mine
    assert f'href="/rights/applications/{submitted.pk}/"' in mine
    assert "application: not submitted" in mine
    theirs = client_for(officer).get("/").content.decode()
    assert "Practice-rights applications" in theirs and "1 waiting for you" in theirs


@pytest.mark.parametrize("version", ["abc", "²", "-1", ""])
def test_a_mangled_version_on_the_confirmation_is_not_an_error(applicant, application, version):
    references.given(application)
    client = client_for(applicant)
    url = f"/rights/applications/{application.pk}/experience/submit/"
    response = client.post(url, sent(confirmed="yes", version=version))
    assert response.status_code == 302
    assert Application.objects.get(pk=application.pk).experience_state == "submitted"


def test_a_confirmation_from_an_old_version_is_refused(applicant, application):
    references.given(application)
    client = client_for(applicant)
    url = f"/rights/applications/{application.pk}/experience/submit/"
    stale = str(application.version - 1 or 1)
    experience_period_update(
        acting_user=applicant, period=application.periods.get(), hours=1100
    )  # changed in another window after the confirmation page was shown
    response = client.post(url, sent(confirmed="yes", version=stale), follow=True)
    assert "changed in another window" in response.content.decode()
    assert Application.objects.get(pk=application.pk).experience_state == "draft"


def test_a_period_that_cannot_be_counted_yet_is_refused_and_the_preview_stays_up(
    applicant, application
):
    client = client_for(applicant)
    later = TODAY + timedelta(days=30)
    preview_url = f"/rights/applications/{application.pk}/experience/preview/"
    future = period_form(start=later)
    assert credited(client.post(preview_url, future).content.decode()) == "1,000 of 2,300 hours"
    start = TODAY - timedelta(days=10)
    backwards = period_form(
        start=start,
        **{"end-day": start.day - 0, "end-month": start.month, "end-year": start.year - 1},
    )
    shown = client.post(preview_url, backwards)
    assert shown.status_code == 200 and 'data-testid="incomplete"' in shown.content.decode()
    response = client.post(f"/rights/applications/{application.pk}/experience/add/", sent(future))
    assert "must be today or in the past" in response.content.decode()
    assert application.periods.count() == 1
