"""Consequential staff actions are checked on the shared confirmation page first: a status
change (which shows on the public register at once) and a sample of a year not yet ended.
The staff list says whose register it shows."""

import pytest
from django.test import Client
from django.utils import timezone

from touchstone.core.models import AuditEvent, Role
from touchstone.core.testing import hidden_value, sent
from touchstone.register.models import CpdSample, StatusChange
from touchstone.register.services import AuditAction
from touchstone.register.tests.test_acting_organisation import two_regulators  # noqa: F401

SUSPEND = {"status": "suspended", "effective_on": "2026-03-03", "reason": "Interim order"}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_status_form_shows_the_status_now_does_not_offer_it_and_says_the_reason_is_private(
    register, officer
):
    page = client_for(officer).get(f"/register/staff/{register['john'].pk}/status/")
    html = page.content.decode()
    assert "The status now is Active" in html
    assert '<option value="active"' not in html and '<option value="suspended"' in html
    assert "Not published: the reason is kept in the staff record" in html


@pytest.mark.django_db
def test_a_status_change_is_confirmed_before_it_is_made(register, officer):
    client = client_for(officer)
    john = register["john"]
    url = f"/register/staff/{john.pk}/status/"
    check = client.post(url, sent(SUSPEND))
    html = check.content.decode()
    assert check.status_code == 200 and "Check the status change" in html
    assert "This will show on the public register now" in html
    assert "not authorised to practise" in html and "The reason is not published" in html
    assert "Interim order" in html and "govuk-summary-list" in html
    assert not StatusChange.objects.filter(registrant=john, reason="Interim order").exists()
    assert not AuditEvent.objects.filter(action=AuditAction.CHANGE_STATUS, actor=officer).exists()
    # The answers go back to the form to change them, unchanged and unsaved.
    back = client.post(url, sent(SUSPEND, change_answers="yes")).content.decode()
    assert "Interim order</textarea>" in back and "Check the status change" not in back
    # Confirmed: the answers carried by the page, with its own token.
    token = hidden_value(html, "submission_token")
    confirmed = {**SUSPEND, "confirmed": "yes", "submission_token": token}
    done = client.post(url, confirmed)
    assert done.status_code == 302 and done["Location"] == f"/register/staff/{john.pk}/"
    john.refresh_from_db()
    assert john.status.code == "suspended"
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE_STATUS, actor=officer).count() == 1


@pytest.mark.django_db
def test_a_sample_of_a_year_not_ended_is_drawn_only_once_confirmed(register, officer):
    client = client_for(officer)
    year = timezone.localdate().year
    data = {"action": "sample", "year": str(year), "size": "1", "seed": "99"}
    check = client.post("/register/staff/cpd/", sent(data))
    html = check.content.decode()
    assert f"{year} has not ended yet" in html and f"until 31 December {year}" in html
    assert CpdSample.objects.count() == 0
    done = client.post("/register/staff/cpd/", sent(data, confirmed="yes"))
    assert done.status_code == 302
    assert CpdSample.objects.get().year == year


@pytest.mark.django_db
def test_a_sample_of_an_ended_year_needs_no_confirmation(register, officer):
    data = {"action": "sample", "year": "2025", "size": "1", "seed": "99"}
    assert client_for(officer).post("/register/staff/cpd/", sent(data)).status_code == 302
    assert CpdSample.objects.count() == 1


@pytest.mark.django_db
def test_a_sample_larger_than_the_population_is_refused_even_when_confirmed(register, officer):
    year = timezone.localdate().year
    data = {"action": "sample", "year": str(year), "size": "5", "confirmed": "yes"}
    page = client_for(officer).post("/register/staff/cpd/", sent(data)).content.decode()
    assert "The sample can be at most 1" in page and "govuk-error-summary" in page
    assert CpdSample.objects.count() == 0


@pytest.mark.django_db
def test_the_staff_list_says_whose_register_it_shows(register, officer, organisation):
    page = client_for(officer).get("/register/staff/").content.decode()
    assert f"for the register of {organisation.name}" in page


@pytest.mark.django_db
def test_an_officer_of_two_regulators_is_told_the_list_shows_both(
    two_regulators,  # noqa: F811
    organisation,
    other_organisation,
):
    page = two_regulators.get("/register/staff/").content.decode()
    assert "all the registers you keep" in page
    assert organisation.name in page and other_organisation.name in page


@pytest.mark.django_db
def test_a_caseworker_sees_no_confirmation_page(register, make_user, organisation):
    caseworker = make_user("casey", (organisation, Role.CASEWORKER))
    response = client_for(caseworker).post(
        f"/register/staff/{register['john'].pk}/status/", sent(SUSPEND)
    )
    assert response.status_code == 404
