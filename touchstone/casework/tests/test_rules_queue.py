"""The queue's pure rules: a case's age in days, and where each sortable heading leads."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.casework.rules import queue


@pytest.mark.parametrize(
    ("column", "current", "goes_to", "aria"),
    [
        ("received", "", "newest", "descending"),
        ("received", "oldest", "newest", "descending"),
        ("received", "newest", "oldest", "ascending"),
        ("received", "reference", "oldest", "none"),
        ("accepted", "accepted", "accepted", "descending"),
        ("accepted", "oldest", "accepted", "none"),
        ("reference", "reference", "reference", "ascending"),
        ("reference", "", "reference", "none"),
    ],
)
def test_each_heading(column, current, goes_to, aria):
    assert queue.next_sort(column, current) == goes_to
    assert queue.aria_sort(column, current) == aria


@given(st.dates(), st.dates())
def test_an_age_is_whole_days_and_never_below_zero(since, as_of):
    age = queue.age_days(since, as_of)
    assert age == max((as_of - since).days, 0)
    assert queue.age_days(None, as_of) is None


def test_every_sort_a_heading_leads_to_is_one_the_queue_knows():
    for column in ("received", "accepted", "reference"):
        for current in ("", *queue.SORTS):
            assert queue.next_sort(column, current) in queue.SORTS
    assert queue.age_days(date(2025, 1, 1), date(2025, 1, 31)) == 30
