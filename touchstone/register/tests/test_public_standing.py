"""The public record cannot be misread: the headline is true and complete on its own, and the
status tag's colour follows what the status means."""

from datetime import date

import pytest
from django.test import Client

from touchstone.register.models import Registrant, Status
from touchstone.register.services import registrant_status_change, registrant_update, right_grant


def page(number: str) -> str:
    response = Client().get(f"/register/{number}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_right_with_conditions_is_in_the_headline_the_tag_and_the_search_result(register):
    john = page("100001")
    assert "Authorised: may carry out immigration work (with conditions)" in john
    assert '<strong class="govuk-tag govuk-tag--yellow">Active, with conditions</strong>' in john
    results = Client().get("/register/", {"q": "john smith"}).content.decode()
    assert "immigration work (with conditions)" in results
    assert "govuk-tag--yellow" in results


@pytest.mark.django_db
def test_an_authorised_member_with_a_published_finding_has_the_two_explained(register):
    john = page("100001")
    assert "A disciplinary finding has been published (see below)" in john
    zoe_before = page("100002")
    assert 'data-testid="status-note"' not in zoe_before  # suspended, no rights, no finding


@pytest.mark.django_db
def test_rights_held_while_suspended_are_said_not_to_be_usable(register):
    zoe = register["zoe"]
    right_grant(acting_user=None, registrant=zoe, code="probate", granted_on=date(2020, 1, 1))
    body = page("100002")
    assert '<strong class="govuk-tag govuk-tag--red">Suspended</strong>' in body
    assert "Suspended since 3 March 2025: not authorised to practise" in body
    assert "The practice rights below cannot be used while the status is Suspended." in body
    assert (
        "Held since 1 January 2020. <strong>Cannot be used while the status is Suspended." in body
    )
    assert '<p class="govuk-body-s govuk-!-margin-bottom-1">Since ' not in body


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["resigned", "lapsed"])
def test_someone_who_left_the_register_is_grey_and_said_to_have_left(register, code):
    registrant_status_change(
        acting_user=None,
        registrant=register["zoe"],
        status=Status.objects.get(code=code),
        effective_on=date(2025, 6, 1),
    )
    body = page("100002")
    name = Status.objects.get(code=code).name
    assert f'<strong class="govuk-tag govuk-tag--grey">{name}</strong>' in body
    assert f"{name} since 1 June 2025: no longer registered, so not authorised to practise" in body


@pytest.mark.django_db
def test_a_firm_is_called_a_firm_and_its_listed_activities_are_not_contradicted(register):
    firm = Registrant.objects.get(number="E5000")
    registrant_update(
        acting_user=None, registrant=firm, authorised_activities="Reserved probate activities"
    )
    body = page("E5000")
    assert "Firm · E5000" in body and "Entity" not in body
    assert "Authorised: a regulated firm, for the activities listed below" in body
    assert "with no specific practice rights" not in body
    assert "see the authorised activities above" in body
