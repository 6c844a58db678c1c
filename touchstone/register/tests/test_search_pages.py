"""The register's search pages when there is nothing to show: what that means and what to try."""

import pytest
from django.test import Client

from touchstone.core.testing import client_for


def body(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_search_that_matches_no_one_says_so_and_what_it_means(register):
    page = body(Client().get("/register/", {"q": "Zebedee Quux"}))
    assert ">0 results</h2>" in page
    assert "No one on the register matches your search." in page
    assert "not authorised by the regulator that keeps it" in page
    assert "search by membership number" in page


@pytest.mark.django_db
def test_an_empty_search_asks_for_something_to_search_for(register):
    page = body(Client().get("/register/", {"q": "", "town": ""}))
    assert 'data-testid="search-guidance"' in page
    assert "results</h2>" not in page and 'data-testid="no-results"' not in page
    first_visit = body(Client().get("/register/"))
    assert 'data-testid="search-guidance"' not in first_visit


@pytest.mark.django_db
def test_a_search_with_results_counts_them_and_shows_no_guidance(register):
    page = body(Client().get("/register/", {"q": "john smith"}))
    assert ">1 result</h2>" in page
    assert 'data-testid="no-results"' not in page


@pytest.mark.django_db
def test_a_staff_search_that_matches_no_one_shows_a_message_not_an_empty_table(register, officer):
    page = body(client_for(officer).get("/register/staff/", {"q": "Zebedee Quux"}))
    assert "No registrant matches “Zebedee Quux”" in page
    assert "<table" not in page
    listed = body(client_for(officer).get("/register/staff/"))
    assert "<table" in listed and "in order of name</caption>" in listed
    assert "moj-sortable-table" not in listed  # sorting only the rows shown would mislead
