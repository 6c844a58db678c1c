"""Tests for the pure plan rules that read due dates (`parse_due`): the texts of the seed
documents, what cannot be read and why, and properties over any text.

Expected dates are written out by hand (or built with `date` arithmetic that does not use the
code under test), so each test fails if the rule it names is broken.
"""

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.plans.rules import (
    DueParse,
    parse_due,
)

# --- parse_due: readable texts ---------------------------------------------------------------

READABLE = [
    # Recurring, no date.
    ("Ongoing", None, True),
    ("ongoing", None, True),
    ("  ONGOING  ", None, True),
    ("Each year", None, True),
    (" each YEAR ", None, True),
    # Month and year: full names, abbreviations, "Sept", any case, optional full stop.
    ("July 2009", date(2009, 7, 31), False),
    ("Dec 2009", date(2009, 12, 31), False),
    ("Dec. 2009", date(2009, 12, 31), False),
    ("Sept 2010", date(2010, 9, 30), False),
    ("Sept. 2010", date(2010, 9, 30), False),
    ("sep 2010", date(2010, 9, 30), False),
    ("Jan 2010", date(2010, 1, 31), False),
    ("February 2010", date(2010, 2, 28), False),
    ("APRIL 2009", date(2009, 4, 30), False),
    ("nov 2009", date(2009, 11, 30), False),
    ("May 2010", date(2010, 5, 31), False),
    ("May. 2010", date(2010, 5, 31), False),
    # A bare year.
    ("2012", date(2012, 12, 31), False),
    # Numeric dates are day-month-year; two-digit years are 20xx.
    ("01-09-17", date(2017, 9, 1), False),
    ("23.8.17", date(2017, 8, 23), False),
    ("01/09/2017", date(2017, 9, 1), False),
    ("1/9/17", date(2017, 9, 1), False),
    ("12/01/2018", date(2018, 1, 12), False),
    ("31.12.99", date(2099, 12, 31), False),
    # Financial years run 1 April to 31 March.
    ("2018-19", date(2019, 3, 31), False),
    ("2018/19", date(2019, 3, 31), False),
    ("2018-2019", date(2019, 3, 31), False),
    ("2018/2019", date(2019, 3, 31), False),
    ("1999-00", date(2000, 3, 31), False),
    ("Q1 2018-19", date(2018, 6, 30), False),
    ("Q2 2018-19", date(2018, 9, 30), False),
    ("Q3 2018-19", date(2018, 12, 31), False),
    ("Q4 2018-19", date(2019, 3, 31), False),
    ("q3 2018/19", date(2018, 12, 31), False),
    ("Q1-4 2018-19", date(2019, 3, 31), False),
    ("Q1-2 2018-19", date(2018, 9, 30), False),
    ("Q1 - Q3 2018-19", date(2018, 12, 31), False),
    ("2018-19 to 2019-20", date(2020, 3, 31), False),
    ("2019-20 to 2018-19", date(2020, 3, 31), False),
    # A date with "Ongoing" before or after it: the date, recurring.
    ("August 2009 Ongoing", date(2009, 8, 31), True),
    ("Ongoing August 2009", date(2009, 8, 31), True),
    ("Ongoing Q1-4 2018-19", date(2019, 3, 31), True),
    ("2012, ongoing", date(2012, 12, 31), True),
    ("Each year, March 2010", date(2010, 3, 31), True),
    # Leading "Target", "By", "Due" are ignored; several dates → the latest.
    ("Target October 2018", date(2018, 10, 31), False),
    ("By March 2010", date(2010, 3, 31), False),
    ("due 01/09/2017", date(2017, 9, 1), False),
    ("July 2009 and June 2010", date(2010, 6, 30), False),
    ("June 2010 and July 2009", date(2010, 6, 30), False),
    ("2009 to 2012", date(2012, 12, 31), False),
    # Quarters of two financial years: each quarter belongs to the year that follows it.
    ("Q1 2018-19 to Q3 2019-20", date(2019, 12, 31), False),
    ("Q4 2018-19 and Q1 2019-20", date(2019, 6, 30), False),
    # ISO dates, as spreadsheets export them: year, month, day.
    ("2017-09-01", date(2017, 9, 1), False),
    ("2018-01-12", date(2018, 1, 12), False),
    ("due 2019-12-31", date(2019, 12, 31), False),
    # A full stop after an ignored word or "Ongoing", as typed in a cell.
    ("Ongoing.", None, True),
    ("By. March 2010", date(2010, 3, 31), False),
]

# Every date text in the seed documents' DATE columns.
SEED_000 = [
    ("Ongoing", None, True),
    ("November 2009", date(2009, 11, 30), False),
    ("December 2009", date(2009, 12, 31), False),
    ("December 2010", date(2010, 12, 31), False),
    ("2012", date(2012, 12, 31), False),
    ("2009", date(2009, 12, 31), False),
    ("August 2009 Ongoing", date(2009, 8, 31), True),
    ("July 2009", date(2009, 7, 31), False),
    ("July 2010", date(2010, 7, 31), False),
    ("June 2009", date(2009, 6, 30), False),
    ("June 2010", date(2010, 6, 30), False),
    ("Jan 2010", date(2010, 1, 31), False),
    ("January 2010", date(2010, 1, 31), False),
    ("Dec 2009", date(2009, 12, 31), False),
    ("March 2010", date(2010, 3, 31), False),
    ("Feb 2010", date(2010, 2, 28), False),
    ("February 2009", date(2009, 2, 28), False),
    ("February 2010", date(2010, 2, 28), False),
    ("April 2009", date(2009, 4, 30), False),
    ("April 2010", date(2010, 4, 30), False),
    ("October 2009", date(2009, 10, 31), False),
    ("October 2010", date(2010, 10, 31), False),
]
SEED_004 = [
    ("01-09-17", date(2017, 9, 1), False),
    ("03-07-17", date(2017, 7, 3), False),
    ("01-08-17", date(2017, 8, 1), False),
    ("ongoing", None, True),
]

LEAP_YEARS = [
    ("Feb 2012", date(2012, 2, 29), False),
    ("February 2000", date(2000, 2, 29), False),
    ("February 2100", date(2100, 2, 28), False),
    ("Feb 2019", date(2019, 2, 28), False),
    ("29-02-16", date(2016, 2, 29), False),
    ("29/02/2000", date(2000, 2, 29), False),
    ("Q4 2019-20", date(2020, 3, 31), False),
]


@pytest.mark.parametrize(
    ("text", "due_date", "recurring"), READABLE + SEED_000 + SEED_004 + LEAP_YEARS
)
def test_parse_due_reads_the_date(text: str, due_date: date | None, recurring: bool) -> None:
    assert parse_due(text) == DueParse(due_date=due_date, recurring=recurring, warning=None)


@pytest.mark.parametrize("text", ["TBA", "TBC", "tba", " tbc ", "TBA.", "", "   ", "\t\n", None])
def test_parse_due_nothing_yet_is_not_a_warning(text: str | None) -> None:
    assert parse_due(text) == DueParse(due_date=None, recurring=False, warning=None)


# --- parse_due: unreadable texts -------------------------------------------------------------

UNREADABLE = [
    # Numeric dates that do not exist.
    ("31-02-17", False),
    ("00-01-17", False),
    ("13/13/2017", False),
    ("29-02-17", False),
    ("29/02/2100", False),
    ("32.1.17", False),
    ("1-9/17", False),  # mixed separators
    # Not a financial year: years must be consecutive.
    ("2018-20", False),
    ("2018/2020", False),
    ("2019-18", False),
    ("Q1 2018-20", False),
    # Quarters need a financial year; there are four of them.
    ("Q1 2018", False),
    ("Q1", False),
    ("Q5 2018-19", False),
    ("Q4-1 2018-19", False),
    # Words that are not dates, alone or beside a date.
    ("soon", False),
    ("next spring", False),
    ("Autumn 2019", False),
    ("end of March 2010", False),
    ("2009-10-99", False),
    ("Target", False),
    ("-", False),
    ("July. 2009", False),  # the full stop is only for abbreviations
    ("Dec 09", False),
    ("2018 - 19", False),
    ("1.5", False),
    ("Decembre 2009", False),
    ("0000", False),
    ("9999-00", False),
    # From the seeds: a month that lost its year, and leads in the date column.
    ("December", False),
    ("Ongoing AK / IW", True),
    # "ongoing" still marks the action as recurring when the rest cannot be read.
    ("Ongoing soon", True),
    ("ongoing until next spring", True),
]


@pytest.mark.parametrize(("text", "recurring"), UNREADABLE)
def test_parse_due_warns_and_gives_no_date(text: str, recurring: bool) -> None:
    result = parse_due(text)
    assert result.due_date is None
    assert result.recurring is recurring
    assert result.warning is not None
    assert result.warning.startswith(f'could not read a date from "{text}"')


# The warning an importer shows names what could not be read, so the author can fix the cell.
WARNINGS = [
    ("soon", ""),
    ("Autumn 2019", '"Autumn" is not part of a date'),
    ("end of March 2010", '"end" is not part of a date'),
    ("31-02-17", "that is not a real date"),
    ("2009-10-99", "that is not a real date"),
    ("0000", "that is not a real date"),
    ("1.5", '"1.5" is not a date'),
    ("2018 - 19", '"19" is not a date'),
    ("2018-20", '"2018-20" is not a financial year (use consecutive years: 2018-19)'),
    ("Q1 2018-20", '"2018-20" is not a financial year (use consecutive years: 2018-19)'),
    ("2019/2018", '"2019/2018" is not a financial year (use consecutive years: 2018-19)'),
    ("Q5 2018-19", '"Q5" is not a quarter (use Q1 to Q4)'),
    ("Q1", "a quarter needs a financial year after it, e.g. Q1 2018-19"),
    ("Q1 2018", "a quarter needs a financial year after it, e.g. Q1 2018-19"),
    ("Q2 01/09/2017", "a quarter needs a financial year after it, e.g. Q1 2018-19"),
    ("December", '"December" needs a four-digit year after it'),
    ("Dec 09", '"Dec" needs a four-digit year after it'),
    ("March and 2010", '"March" needs a four-digit year after it'),
    ("July. 2009", '"July." is not a month'),
]


@pytest.mark.parametrize(("text", "reason"), WARNINGS)
def test_parse_due_warning_says_why(text: str, reason: str) -> None:
    suffix = f": {reason}" if reason else ""
    assert parse_due(text) == DueParse(None, False, f'could not read a date from "{text}"{suffix}')


def test_parse_due_warning_wording() -> None:
    assert parse_due("soon").warning == 'could not read a date from "soon"'
    assert parse_due("  soon ").warning == 'could not read a date from "soon"'


def test_parse_due_warning_names_the_problem() -> None:
    assert "not a real date" in (parse_due("31-02-17").warning or "")
    assert "financial year" in (parse_due("2018-20").warning or "")
    assert '"Autumn"' in (parse_due("Autumn 2019").warning or "")


def test_due_parse_is_frozen() -> None:
    result = parse_due("July 2009")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.due_date = None  # type: ignore[misc]


# --- parse_due: properties -------------------------------------------------------------------

MONTH_NAMES = [
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May", "May"),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
]
DATEISH = st.sampled_from(
    [
        "Ongoing",
        "each year",
        "Q1",
        "Q1-4",
        "2018-19",
        "2018/2020",
        "July",
        "Sept.",
        "2012",
        "31-02-17",
        "01/09/2017",
        "to",
        "and",
        "Target",
        ",",
        "-",
        ".",
        "/",
        "Q",
        "0000",
        "9999-00",
    ]
)


@given(st.text())
def test_parse_due_never_raises(text: str) -> None:
    result = parse_due(text)
    assert isinstance(result, DueParse)
    assert result.due_date is None or result.warning is None


@given(st.lists(DATEISH | st.text(max_size=3), max_size=8))
def test_parse_due_never_raises_on_date_like_fragments(parts: list[str]) -> None:
    result = parse_due(" ".join(parts))
    assert result.due_date is None or result.warning is None


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_numeric_dates_round_trip(day: date) -> None:
    yy = f"{day.year % 100:02d}"
    for text in (
        f"{day.day:02d}-{day.month:02d}-{yy}",
        f"{day.day}.{day.month}.{yy}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
    ):
        assert parse_due(text) == DueParse(day, False, None), text


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_iso_dates_round_trip(day: date) -> None:
    assert parse_due(day.isoformat()) == DueParse(day, False, None)
    assert parse_due(f"Target {day.isoformat()}").due_date == day


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_iso_and_day_month_year_name_the_same_day(day: date) -> None:
    assert parse_due(day.isoformat()) == parse_due(f"{day:%d/%m/%Y}")


@given(
    st.integers(min_value=1900, max_value=2199),
    st.integers(min_value=1, max_value=12),
    st.sampled_from(["full", "abbr", "abbr.", "upper", "lower"]),
)
def test_month_year_is_the_last_day_of_the_month(year: int, month: int, form: str) -> None:
    full, abbr = MONTH_NAMES[month - 1]
    name = {"full": full, "abbr": abbr, "abbr.": f"{abbr}.", "upper": full.upper()}.get(
        form, full.lower()
    )
    due = parse_due(f"{name} {year}").due_date
    assert due is not None
    assert (due.year, due.month) == (year, month)
    assert (due + timedelta(days=1)).day == 1


@given(st.integers(min_value=1900, max_value=2198))
def test_financial_year_ends_31_march_of_the_following_year(start: int) -> None:
    expected = date(start + 1, 3, 31)
    assert parse_due(f"{start}-{(start + 1) % 100:02d}").due_date == expected
    assert parse_due(f"{start}/{start + 1}").due_date == expected
    assert parse_due(f"Q4 {start}-{(start + 1) % 100:02d}").due_date == expected
    assert parse_due(f"Q1 {start}-{(start + 1) % 100:02d}").due_date == date(start, 6, 30)


@given(st.integers(min_value=1900, max_value=2198), st.integers(min_value=2, max_value=9))
def test_financial_year_needs_consecutive_years(start: int, gap: int) -> None:
    result = parse_due(f"{start}-{(start + gap) % 100:02d}")
    assert result.due_date is None
    assert result.warning is not None
