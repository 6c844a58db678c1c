"""The supervisor reference's pure rules: what a scheme asks, names compared with the
register's, and §62's six months."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.rights.rules import (
    months_before,
    name_key,
    names_match,
    reference_reusable,
    reference_terms,
)
from touchstone.rights.tests.build import immigration, probate


def test_the_immigration_scheme_asks_for_the_five_points_of_paragraph_25():
    terms = reference_terms(immigration())
    assert terms.paragraph == "25"
    assert [p.code for p in terms.points] == [
        "supervision",
        "knowledge",
        "independence",
        "competence",
        "suitability",
    ]
    assert terms.points[3].text == "your ability to work competently in the Immigration area"
    assert "Solicitor" in terms.qualifications and len(terms.qualifications) == 5
    assert terms.reuse_months == 6
    assert (terms.link_valid_days, terms.remind_after_days) == (28, 7)


def test_a_scheme_that_says_nothing_of_references_gets_the_defaults():
    terms = reference_terms(probate())
    assert terms.points == () and terms.qualifications == ()
    assert (terms.link_valid_days, terms.remind_after_days) == (28, 7)
    assert terms.reuse_months is None


@pytest.mark.parametrize(
    ("given_name", "held", "matches"),
    [
        ("Ann Lee", "Ann Lee", True),
        ("ann  lee", "ANN LEE", True),
        ("Mrs Ann Lee", "Ann Lee", True),
        ("Ann Marie Lee", "Ann Lee", True),
        ("Zoë O'Brien", "Zoe OBrien", False),  # the apostrophe splits the word
        ("Zoë O'Brien", "Zoe O Brien", True),
        ("Ann Lee", "Anne Lee", False),
        ("Ann Lee", "Ann Leigh", False),
        ("Lee", "Ann Lee", False),
        ("", "Ann Lee", False),
        ("Dr", "Dr", False),
    ],
)
def test_names_are_compared_without_case_accents_titles_or_middle_names(given_name, held, matches):
    assert names_match(given_name, held) is matches


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2026, 2, 28)),
        (date(2028, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 7, 31), 1, date(2026, 6, 30)),
        (date(2026, 3, 15), 6, date(2025, 9, 15)),
        (date(2026, 1, 10), 1, date(2025, 12, 10)),
        (date(2026, 1, 10), 0, date(2026, 1, 10)),
    ],
)
def test_months_before_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert months_before(day, months) == expected


@pytest.mark.parametrize(
    ("given_on", "reusable"),
    [
        (date(2026, 5, 10), True),  # the application date itself
        (date(2025, 11, 11), True),  # a day under six months
        (date(2025, 11, 10), False),  # exactly six months: not "less than"
        (date(2025, 6, 1), False),
        (date(2026, 5, 11), False),  # after the application
    ],
)
def test_a_reference_under_six_months_old_goes_with_the_application(given_on, reusable):
    assert (
        reference_reusable(given_on=given_on, application_date=date(2026, 5, 10), months=6)
        is reusable
    )


@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2999, 12, 31)),
    st.integers(min_value=0, max_value=240),
)
def test_months_before_is_that_many_months_earlier_and_never_past_the_day(day, months):
    earlier = months_before(day, months)
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day <= day.day
    if earlier.day < day.day:  # only when that month is shorter
        assert (earlier + timedelta(days=1)).month != earlier.month


def test_the_terms_are_read_as_the_scheme_gives_them_or_the_defaults():
    shipped = reference_terms(immigration())
    assert (shipped.paragraph, shipped.link_valid_days, shipped.remind_after_days) == ("25", 28, 7)
    assert shipped.points[0].ask == "Your supervision of the applicant's work"
    assert shipped.points[0].text == "their supervision of your work"
    none = reference_terms(probate())
    assert (none.paragraph, none.link_valid_days, none.remind_after_days, none.points) == (
        "",
        28,
        7,
        (),
    )
    facts = {
        "supervisor_reference": {
            "link_valid_days": 3,
            "remind_after_days": 1,
            "points": [{"code": "c", "text": "T"}],
        }
    }
    own = reference_terms(
        immigration().__class__(**{**immigration().__dict__, "facts": tuple(facts.items())})
    )
    assert (own.link_valid_days, own.remind_after_days) == (3, 1)
    assert own.points[0].ask == "T"  # asked as written when the scheme gives no question


def test_names_are_keyed_by_their_words_and_a_middle_name_may_be_left_out():
    assert name_key("Dr  Ann-Marie  LEE") == "ann marie lee"
    assert names_match("Ann Lee", "Ann Marie Lee")
    assert not names_match("Ann Marie", "Ann Marie Lee")
