"""Caseworkers see only their own organisation's cases under the scheme it runs; the case's
days to conclude always agree with its dates."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from touchstone.casework.models import Case
from touchstone.casework.selectors import case_for_staff, cases_for_user
from touchstone.casework.tests.build import concluded, new_case, ombudsman_world
from touchstone.core.models import Role

pytestmark = pytest.mark.django_db


def test_each_organisations_staff_see_its_cases_only(world, make_user):
    ours = new_case(world["ombudsman"])
    conduct = new_case(world["regulator"], "C-1", scheme="conduct")
    other = ombudsman_world("other-")
    theirs = new_case(other["ombudsman"], "LO-9")
    assert list(cases_for_user(world["caseworker"])) == [ours]
    assert list(cases_for_user(world["panel"])) == [conduct]
    assert list(cases_for_user(other["caseworker"])) == [theirs]
    assert not cases_for_user(world["board"]).exists()  # the board takes no part
    assert not cases_for_user(world["manager"]).exists()
    assert not cases_for_user(make_user("nobody")).exists()
    with pytest.raises(Case.DoesNotExist):
        case_for_staff(world["caseworker"], pk=theirs.pk)
    assert case_for_staff(world["decider"], pk=ours.pk) == ours


def test_a_case_under_a_scheme_its_organisation_does_not_run_is_seen_by_no_one(world):
    stray = Case.objects.create(  # written past the services, as a bad migration might
        organisation=world["ombudsman"],
        reference="X-1",
        scheme="conduct",
        jurisdiction="legal",
        stage="received",
        provider_name="A firm",
        received_on=date(2025, 1, 1),
    )
    assert stray not in cases_for_user(world["caseworker"])
    admin = world["caseworker"]
    assert not admin.has_perm("casework.view_case", stray)


def test_the_days_to_conclude_must_match_the_dates(world):
    case = concluded(new_case(world["ombudsman"]))
    case.days_to_conclude += 1
    with pytest.raises(ValidationError, match="do not match"):
        case.full_clean()


def test_a_caseworker_of_two_bodies_sees_both(world, make_user):
    other = ombudsman_world("second-")
    both = make_user(
        "both", (world["ombudsman"], Role.CASEWORKER), (other["ombudsman"], Role.CASEWORKER)
    )
    new_case(world["ombudsman"])
    new_case(other["ombudsman"], "LO-2")
    assert cases_for_user(both).count() == 2
