"""The home page by role: each module's panels for the people it serves (core's registry,
touchstone.core.home), with what needs attention first."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from touchstone.core.models import Role
from touchstone.core.services import deadline_set
from touchstone.core.testing import client_for
from touchstone.register.services import cpd_activity_add, registrant_user_link


def home(user) -> str:
    response = client_for(user).get("/")
    assert response.status_code == 200
    return response.content.decode()


def panels(page: str) -> list[str]:
    return re.findall(r'data-testid="panel-([a-z-]+)"', page)


@pytest.mark.django_db
def test_an_officer_gets_the_register_and_plans_and_no_member_panel(register, officer):
    page = home(officer)
    # and the regulator's conduct cases and scorecard (casework)
    assert panels(page) == [
        "deadlines",
        "register-staff",
        "plans",
        "casework-cases",
        "casework-scorecard",
        "notifications",
    ]
    assert 'href="/register/staff/"' in page and 'href="/register/staff/cpd/"' in page
    assert 'data-testid="no-role"' not in page


@pytest.mark.django_db
def test_a_member_with_no_organisation_gets_their_cpd_record_not_a_dead_end(
    register, make_user, officer
):
    member = make_user("zoe")
    registrant_user_link(acting_user=officer, registrant=register["john"], user=member)
    year = timezone.localdate().year
    cpd_activity_add(
        acting_user=member,
        registrant=register["john"],
        done_on=date(year, 1, 15),
        hours=Decimal("2.5"),
        activity_type="Course or webinar",
        description="Ethics course",
    )
    page = home(member)
    # a member may also apply for a practice right (touchstone.rights.home)
    assert panels(page) == ["register-member", "deadlines", "rights-apply", "notifications"]
    assert 'href="/register/my-cpd/"' in page
    assert f"2.5 of 12 hours recorded; submit by 31 December {year}" in page
    assert "Needs attention" in page  # short of the hours and not submitted
    assert 'data-testid="no-role"' not in page
    assert "not a member of any organisation" not in page


@pytest.mark.django_db
def test_someone_with_no_role_is_told_so_and_offered_no_module(make_user):
    page = home(make_user("nobody"))
    assert panels(page) == ["deadlines", "notifications"]
    assert 'data-testid="no-role"' in page


@pytest.mark.django_db
def test_years_of_missed_deadlines_are_counted_not_listed(make_user, organisation):
    lead = make_user("lead", (organisation, Role.OFFICER))
    for year in range(2009, 2020):
        deadline_set(
            acting_user=None,
            subject=organisation,
            organisation=organisation,
            kind=f"test.{year}",
            label=f"Return for {year}",
            due_on=date(year, 3, 1),
            responsible=[lead],
        )
    page = home(lead)
    assert "11 missed deadlines, the oldest due 1 March 2009." in page
    assert "Return for 2019" in page and "Return for 2017" in page  # the latest misses
    assert "Return for 2009" not in page  # counted, not listed
    assert page.index('data-testid="panel-deadlines"') < page.index('data-testid="panel-plans"')
