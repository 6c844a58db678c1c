"""A member corrects their CPD until the year is submitted: change and remove an activity
(their own only, of a year not submitted), and check the year before submitting it."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from touchstone.core.models import AuditEvent
from touchstone.core.testing import hidden_value, sent
from touchstone.register.models import CpdActivity
from touchstone.register.services import (
    AuditAction,
    cpd_activity_add,
    cpd_activity_remove,
    cpd_activity_update,
    cpd_submit,
    registrant_user_link,
)

TYPE = "Course or webinar"


@pytest.fixture
def member(register, make_user):
    user = make_user("john")
    registrant_user_link(acting_user=None, registrant=register["john"], user=user)
    return user


@pytest.fixture
def client(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


def _activity(registrant, hours="2", on=None) -> CpdActivity:
    return cpd_activity_add(
        acting_user=None,
        registrant=registrant,
        done_on=on or timezone.localdate(),
        hours=Decimal(hours),
        activity_type=TYPE,
        description="Ethics update",
    )


def _changed(activity, **changes) -> dict:
    data = {
        "done_on": activity.done_on.isoformat(),
        "hours": "4.5",
        "activity_type": TYPE,
        "description": "Ethics update, in full",
        "version": activity.version,
    }
    return sent({**data, **changes})


@pytest.mark.django_db
def test_a_member_changes_an_activity_of_an_open_year(register, client, member):
    activity = _activity(register["john"])
    url = f"/register/my-cpd/activities/{activity.pk}/change/"
    page = client.get(url).content.decode()
    assert 'value="Ethics update"' in page or "Ethics update</textarea>" in page
    assert client.post(url, _changed(activity)).status_code == 302
    activity.refresh_from_db()
    assert (activity.hours, activity.version) == (Decimal("4.5"), 2)
    event = AuditEvent.objects.get(action=AuditAction.CHANGE_CPD_ACTIVITY)
    assert event.actor == member and event.before["hours"] != event.after["hours"]


@pytest.mark.django_db
def test_a_change_from_an_old_copy_gets_the_changed_record_page(register, client):
    activity = _activity(register["john"])
    url = f"/register/my-cpd/activities/{activity.pk}/change/"
    opened = hidden_value(client.get(url).content.decode(), "version")
    cpd_activity_update(
        acting_user=None,
        activity=activity,
        done_on=activity.done_on,
        hours=Decimal(7),
        activity_type=TYPE,
        description="Someone else's change",
    )
    response = client.post(url, _changed(activity, version=opened))
    assert response.status_code == 409
    activity.refresh_from_db()
    assert activity.hours == Decimal(7)


@pytest.mark.django_db
def test_a_change_names_the_field_in_its_message(register, client):
    activity = _activity(register["john"])
    url = f"/register/my-cpd/activities/{activity.pk}/change/"
    page = client.post(url, _changed(activity, hours="")).content.decode()
    assert "govuk-error-summary" in page
    assert 'href="#id_hours">Enter the number of hours, for example 1.5' in page


@pytest.mark.django_db
def test_a_member_removes_an_activity_after_confirming(register, client, member):
    activity = _activity(register["john"])
    url = f"/register/my-cpd/activities/{activity.pk}/remove/"
    page = client.get(url).content.decode()
    assert "Remove this activity?" in page and "2 hours" in page
    assert CpdActivity.objects.filter(pk=activity.pk).exists()  # looking removes nothing
    version = hidden_value(page, "version")
    data = sent(version=version, confirmed="yes")
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)  # a second click goes where the first went
    assert again.status_code == 302 and again["Location"] == "/register/my-cpd/"
    assert not CpdActivity.objects.filter(pk=activity.pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.REMOVE_CPD_ACTIVITY)
    assert event.actor == member and event.before["description"] == "Ethics update"


@pytest.mark.django_db
def test_another_members_activity_is_not_found(register, client):
    theirs = _activity(register["zoe"])
    before = AuditEvent.objects.count()
    for path in ("change/", "remove/"):
        url = f"/register/my-cpd/activities/{theirs.pk}/{path}"
        assert client.get(url).status_code == 404
        data = _changed(theirs, confirmed="yes")
        assert client.post(url, data).status_code == 404
    theirs.refresh_from_db()
    assert theirs.description == "Ethics update" and AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_an_activity_of_a_submitted_year_cannot_change(register, client, member):
    activity = _activity(register["john"])
    cpd_submit(acting_user=member, registrant=register["john"], year=activity.done_on.year)
    before = AuditEvent.objects.count()
    for path in ("change/", "remove/"):
        url = f"/register/my-cpd/activities/{activity.pk}/{path}"
        assert client.get(url).status_code == 403
        assert client.post(url, _changed(activity, confirmed="yes")).status_code == 403
    assert CpdActivity.objects.get(pk=activity.pk).hours == Decimal(2)
    assert AuditEvent.objects.count() == before
    # The services refuse it too, whoever calls them for the member.
    with pytest.raises(ValidationError, match="it cannot change now"):
        cpd_activity_remove(acting_user=member, activity=activity)
    with pytest.raises(ValidationError, match="it cannot change now"):
        cpd_activity_update(**_service_change(member, activity))


def _service_change(user, activity, **changes) -> dict:
    return {
        "acting_user": user,
        "activity": activity,
        "done_on": activity.done_on,
        "hours": Decimal(3),
        "activity_type": TYPE,
        "description": "Changed",
        **changes,
    }


@pytest.mark.django_db
def test_an_activity_cannot_be_moved_into_a_submitted_year(register, member):
    last_year = timezone.localdate().year - 1
    _activity(register["john"], on=date(last_year, 5, 1))
    cpd_submit(acting_user=member, registrant=register["john"], year=last_year)
    activity = _activity(register["john"])
    with pytest.raises(ValidationError, match="it cannot change now"):
        cpd_activity_update(**_service_change(member, activity, done_on=date(last_year, 6, 1)))


@pytest.mark.django_db
def test_only_its_member_or_an_officer_changes_an_activity(register, member, officer, make_user):
    activity = _activity(register["zoe"])
    with pytest.raises(PermissionDenied):
        cpd_activity_update(**_service_change(member, activity))
    with pytest.raises(PermissionDenied):
        cpd_activity_remove(acting_user=member, activity=activity)
    # The regulator may still correct a submitted year.
    cpd_submit(acting_user=None, registrant=register["zoe"], year=activity.done_on.year)
    cpd_activity_update(**_service_change(officer, activity))
    assert CpdActivity.objects.get(pk=activity.pk).hours == Decimal(3)


@pytest.mark.django_db
def test_the_add_form_has_its_own_page_with_the_error_summary_at_the_top(client):
    page = client.get("/register/my-cpd/").content.decode()
    assert 'href="/register/my-cpd/add/">Add an activity</a>' in page
    assert "<form" not in page.split("</main>")[0].split("<main")[1]  # no form on the list
    bad = client.post("/register/my-cpd/add/", sent(hours="")).content.decode()
    summary, _, rest = bad.partition("govuk-error-summary__list")
    assert "<h1" not in summary.split("<main")[1] and "Add an activity" in rest
    assert 'href="#id_hours">Enter the number of hours, for example 1.5' in rest


@pytest.mark.django_db
def test_check_your_answers_before_submitting_says_the_deadline_and_that_it_cannot_change(
    register, client
):
    year = timezone.localdate().year
    activity = _activity(register["john"], hours="12")
    page = client.get(f"/register/my-cpd/{year}/submit/").content.decode()
    assert f"Check your {year} CPD record before you submit it" in page
    assert "govuk-summary-list" in page and f"/my-cpd/activities/{activity.pk}/change/" in page
    assert f"Submit by 31 December {year}." in page
    assert "A submitted record cannot change" in page  # said even when nothing is short
    assert "recorded as a shortfall" not in page
    list_page = client.get("/register/my-cpd/").content.decode()
    assert f"Submit by 31 December {year}." in list_page
    assert f'href="/register/my-cpd/{year}/submit/"' in list_page


@pytest.mark.django_db
def test_a_failed_submit_shows_the_check_page_with_the_error_summary(register, client, member):
    year = timezone.localdate().year
    _activity(register["john"])
    url = f"/register/my-cpd/{year}/submit/"
    assert client.post(url, sent()).status_code == 302
    again = client.post(url, sent())  # another page's token: the year is already submitted
    page = again.content.decode()
    assert again.status_code == 200 and "There is a problem" in page
    assert f"The {year} record was already submitted." in page
    assert client.get(url)["Location"] == "/register/my-cpd/"
