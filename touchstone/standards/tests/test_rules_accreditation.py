"""The accreditation's date rules: how long a registration runs, and the warnings before a
deadline in calendar months and days."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.standards.rules import months_after, registration_end, warning_days


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 1, 31), date(2027, 1, 30)),
        (date(2026, 3, 1), date(2027, 2, 28)),
        (date(2027, 3, 1), date(2028, 2, 29)),  # a leap year's February
        (date(2024, 2, 29), date(2025, 2, 27)),  # 12 months on is 28 February, the day before
        (date(2026, 12, 31), date(2027, 12, 30)),
    ],
)
def test_a_registration_runs_to_the_day_before_the_same_day_a_year_on(start, end):
    assert registration_end(start, 12) == end


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2026, 8, 31), [92, 31, 7]),  # 31 May, 31 July, 24 August
        (date(2026, 5, 31), [92, 31, 7]),  # 28 February (2026 is not a leap year), 30 April
        (date(2028, 5, 31), [92, 31, 7]),  # 29 February 2028
        (date(2026, 3, 31), [90, 31, 7]),  # 31 December, 28 February
        (date(2026, 6, 15), [92, 31, 7]),  # 15 March, 15 May
        (date(2026, 3, 15), [90, 28, 7]),  # 15 December, 15 February
    ],
)
def test_warnings_three_months_one_month_and_a_week_before(due, expected):
    assert warning_days(due, months=(3, 1), days=(7,)) == expected


@given(
    due=st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)),
    months=st.lists(st.integers(min_value=1, max_value=12), max_size=3),
    days=st.lists(st.integers(min_value=0, max_value=60), max_size=3),
)
def test_each_warning_falls_on_the_calendar_day_it_names(due, months, days):
    found = warning_days(due, months=tuple(months), days=tuple(days))
    assert found == sorted(set(found), reverse=True)
    on = {due - timedelta(days=d) for d in found}
    assert on == {months_after(due, -m) for m in months} | {due - timedelta(days=d) for d in days}
