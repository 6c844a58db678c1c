"""An officer of two regulators works for the one chosen with the organisation switcher."""

import pytest
from django.test import Client

from touchstone.core.models import Deadline, Role
from touchstone.core.testing import sent
from touchstone.register.models import CpdSample, Status
from touchstone.register.services import registrant_create


@pytest.fixture
def two_regulators(register, make_user, organisation, other_organisation):
    """An officer of both regulators (the register fixture's comes first by name), and one
    member of the second regulator who can sign in."""
    registrant_create(
        acting_user=None,
        regulator=other_organisation,
        status=Status.objects.get(code="active"),
        number="900001",
        kind="individual",
        given_names="Second",
        family_name="Member",
        user=make_user("second-member"),
    )
    officer = make_user("both", (organisation, Role.OFFICER), (other_organisation, Role.OFFICER))
    client = Client()
    client.force_login(officer)
    return client


def switch(client, organisation):
    return client.post("/organisation/", {"organisation": organisation.pk})


def exported_numbers(client) -> set[str]:
    response = client.get("/register/staff/export.csv")
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()[1:]
    return {line.split(",")[0] for line in lines}


@pytest.mark.django_db
def test_the_export_is_of_the_regulator_switched_to(two_regulators, other_organisation):
    client = two_regulators
    assert "100001" in exported_numbers(client)  # the first regulator until a switch
    response = switch(client, other_organisation)
    assert response["Location"] == "/"
    assert exported_numbers(client) == {"900001"}


@pytest.mark.django_db
def test_the_sample_and_the_reminders_are_for_the_regulator_switched_to(
    two_regulators, organisation, other_organisation
):
    client = two_regulators
    switch(client, other_organisation)
    page = client.get("/register/staff/cpd/")
    assert page.context["regulator"] == other_organisation
    response = client.post(
        "/register/staff/cpd/", sent(action="sample", year="2025", size="1", seed="7")
    )
    assert response.status_code == 302
    sample = CpdSample.objects.get()
    assert (sample.regulator, sample.numbers) == (other_organisation, ["900001"])
    response = client.post("/register/staff/cpd/", sent(action="reminders"))
    assert response.status_code == 302
    assert Deadline.objects.filter(organisation=other_organisation).count() == 1
    assert not Deadline.objects.filter(organisation=organisation).exists()


@pytest.mark.django_db
def test_switching_to_an_organisation_one_does_not_belong_to_changes_nothing(
    register, officer, other_organisation
):
    client = Client()
    client.force_login(officer)
    assert switch(client, other_organisation).status_code == 403
    assert "100001" in exported_numbers(client)
    assert "900001" not in exported_numbers(client)


@pytest.mark.django_db
def test_an_active_organisation_whose_register_one_does_not_keep_is_passed_over(
    register, make_user, organisation, other_organisation
):
    """A caseworker of the second body who is an officer of the first acts for the first."""
    user = make_user("mixed", (organisation, Role.OFFICER), (other_organisation, Role.CASEWORKER))
    client = Client()
    client.force_login(user)
    switch(client, other_organisation)
    assert client.get("/register/staff/cpd/").context["regulator"] == organisation
    assert "100001" in exported_numbers(client)
