"""Coverage through the mappings: which IQS standards a held accreditation's clauses cover,
and each clause with the standards mapped to it, read from the shipped library."""

import pytest
from django.test import Client

from touchstone.core.testing import queries_run
from touchstone.standards.selectors import (
    UnknownFramework,
    clauses_mapped,
    coverage,
    framework_current,
)

pytestmark = pytest.mark.django_db

# From the IQS table (seed 001): the standards with a Lexcel code, and those with an LSC code.
ENGAGEMENT_LETTER = set(range(18, 26))  # 18 and its sub-items a) to g): F1 F2 / 7.2 7.3
LEXCEL_COVERED = {2, 5, 7, 8, 9, 11, 15, 16, 17, 37, 39, 40, 41, 56, 58, 59, 60, 61, 63}
LEXCEL_COVERED |= ENGAGEMENT_LETTER | {64, 65, 66, 68, 69, 70}
LSC_COVERED = {2, 7, 8, 9, 15, 16, 17, 37, 39, 40, 41, 56, 58, 59, 60, 63, 64, 65, 66, 67}
LSC_COVERED |= ENGAGEMENT_LETTER | {68, 70}
LEXCEL_REVERSE = {"6.9": [15, 16, 17, 59], "8.5": [9, 64, 65, 66], "1.4": [2], "5.7": [37]}


def iqs():
    return framework_current("iqs-2012")


@pytest.mark.parametrize(
    ("held", "covered"), [("lexcel", LEXCEL_COVERED), ("lsc-gqm", LSC_COVERED)]
)
def test_the_standards_a_held_accreditation_covers_are_those_mapped_to_it(held, covered):
    found = coverage(iqs(), held)
    assert [s.number for s in found.standards] == list(range(1, 72))
    assert {s.number for s in found.covered} == covered
    assert {s.number for s in found.not_covered} == set(range(1, 72)) - covered
    assert found.held.ref_id == held


def test_each_covered_standard_names_its_clauses_in_the_tables_order():
    by_number = {s.number: s for s in coverage(iqs(), "lexcel").standards}
    assert by_number[18].clauses == ["7.2", "7.3"]
    assert by_number[37].clauses == ["5.2", "5.7"]
    assert by_number[21].parent == 18
    assert by_number[55].clauses == []


def test_each_clause_lists_the_standards_mapped_to_it():
    lexcel = framework_current("lexcel")
    framework, clauses = clauses_mapped(lexcel, "iqs-2012")
    by_code = {clause.code: [number for number, _ in clause.standards] for clause in clauses}
    assert framework.ref_id == "iqs-2012"
    for code, numbers in LEXCEL_REVERSE.items():
        assert by_code[code] == numbers
    assert all(by_code.values())  # the shipped Lexcel list holds only codes the IQS maps to


@pytest.mark.parametrize("held", ["nothing", "iqs-2012"])
def test_a_framework_not_mapped_to_is_unknown(held):
    with pytest.raises(UnknownFramework):
        coverage(iqs(), held)


def test_the_coverage_reads_in_a_fixed_number_of_queries():
    framework = iqs()
    queries, found = queries_run(lambda: coverage(framework, "lexcel"))
    assert len(found.standards) == 71
    assert len(queries) == 3  # the mapping set, its mappings, the standards


def test_the_coverage_page_asks_which_accreditation_then_shows_both_lists():
    client = Client()
    page = client.get("/standards/frameworks/iqs-2012/coverage/").content.decode()
    assert "Which accreditation do you already hold?" in page
    assert 'value="lexcel"' in page and 'value="lsc-gqm"' in page
    assert "not covered by any" not in page
    page = client.get("/standards/frameworks/iqs-2012/coverage/?held=lexcel").content.decode()
    assert "<strong>33 of 71</strong>" in page
    assert "38 are not covered by any of its clauses" in page
    assert "/standards/frameworks/lexcel/mapped-to/iqs-2012/" in page


def test_a_choice_not_offered_is_a_message_not_an_error():
    response = Client().get("/standards/frameworks/iqs-2012/coverage/?held=iqs-2012")
    assert response.status_code == 200
    assert "Select the accreditation you hold" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/standards/frameworks/nothing/coverage/",
        "/standards/frameworks/lexcel/coverage/",  # Lexcel maps to nothing
        "/standards/frameworks/lexcel/mapped-to/nothing/",
        "/standards/frameworks/iqs-2012/mapped-to/lexcel/",  # the wrong way round
    ],
)
def test_coverage_of_what_is_not_mapped_is_not_found(url):
    assert Client().get(url).status_code == 404


def test_the_reverse_page_links_each_standard_to_the_framework_table():
    page = Client().get("/standards/frameworks/lexcel/mapped-to/iqs-2012/").content.decode()
    assert 'href="/standards/frameworks/iqs-2012/#standard-59"' in page
    assert "17 clauses." in page
