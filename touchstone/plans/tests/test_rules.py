"""The plans rules, table-driven over every form the issue names and property-based."""

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.plans.rules import (
    RAG_VALUES,
    STATUS_LABELS,
    RuleError,
    is_due_within,
    is_overdue,
    is_stale,
    parse_due,
    parse_rag,
    parse_status,
    rag_counts,
    split_leads,
)

D = date
DUE_TEXTS = [
    # text, due date, recurring
    ("Ongoing", None, True),
    ("ongoing", None, True),
    ("Each year", None, True),
    ("TBA", None, False),
    ("TBC", None, False),
    ("", None, False),
    ("   ", None, False),
    (None, None, False),
    ("July 2009", D(2009, 7, 31), False),
    ("Dec 2009", D(2009, 12, 31), False),
    ("Sept 2010", D(2010, 9, 30), False),
    ("Jan 2010", D(2010, 1, 31), False),
    ("Feb 2010", D(2010, 2, 28), False),
    ("February 2012", D(2012, 2, 29), False),
    ("November 2009", D(2009, 11, 30), False),
    ("2012", D(2012, 12, 31), False),
    ("01-09-17", D(2017, 9, 1), False),
    ("03-07-17", D(2017, 7, 3), False),
    ("23.8.17", D(2017, 8, 23), False),
    ("01/09/2017", D(2017, 9, 1), False),
    ("2018-19", D(2019, 3, 31), False),
    ("2018/19", D(2019, 3, 31), False),
    ("2018-2019", D(2019, 3, 31), False),
    ("Q1 2018-19", D(2018, 6, 30), False),
    ("Q2 2018-19", D(2018, 9, 30), False),
    ("Q3 2018-19", D(2018, 12, 31), False),
    ("Q4 2018-19", D(2019, 3, 31), False),
    ("2018-19 to 2019-20", D(2020, 3, 31), False),
    ("August 2009 Ongoing", D(2009, 8, 31), True),
    ("Ongoing August 2009", D(2009, 8, 31), True),
    ("Ongoing Q1-4 2018-19", D(2019, 3, 31), True),
    ("Target October 2018", D(2018, 10, 31), False),
]


@pytest.mark.parametrize(("text", "due", "recurring"), DUE_TEXTS)
def test_due_text_forms(text, due, recurring):
    parsed = parse_due(text)
    assert (parsed.due_date, parsed.recurring, parsed.warning) == (due, recurring, None)


@pytest.mark.parametrize(
    "text",
    [
        "soon",
        "next spring",
        "Autumn 2019",
        "31-02-17",
        "00-01-17",
        "13/13/2017",
        "2018-20",
        "Q5 2018-19",
        "Q1",
        "July",
        "2009-10-99",
        "Ongoing AK",
    ],
)
def test_unreadable_due_text_gives_no_date_and_a_warning(text):
    parsed = parse_due(text)
    assert parsed.due_date is None
    assert parsed.warning and parsed.warning.startswith(f'could not read a date from "{text}"')


def test_unreadable_text_mentioning_ongoing_is_still_recurring():
    assert parse_due("Ongoing AK").recurring


@given(st.text(max_size=40))
def test_parse_due_never_raises(text):
    parsed = parse_due(text)
    assert parsed.due_date is None or isinstance(parsed.due_date, date)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)))
def test_numeric_dates_are_day_first_and_round_trip(day):
    for text in (
        day.strftime("%d-%m-%y"),
        f"{day.day}.{day.month}.{day:%y}",
        day.strftime("%d/%m/%Y"),
    ):
        assert parse_due(text).due_date == day, text


@given(st.integers(1900, 2100), st.integers(1, 12), st.booleans())
def test_month_and_year_is_the_last_day_of_that_month(year, month, abbreviated):
    name = (calendar.month_abbr if abbreviated else calendar.month_name)[month]
    due = parse_due(f"{name} {year}").due_date
    assert due.month == month and due.year == year
    assert (due + timedelta(days=1)).day == 1


@given(st.integers(1950, 2098))
def test_financial_year_ends_on_31_march_of_the_next_year(start):
    assert parse_due(f"{start}-{(start + 1) % 100:02d}").due_date == D(start + 1, 3, 31)
    assert parse_due(f"Q1 {start}-{(start + 1) % 100:02d}").due_date == D(start, 6, 30)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("G", "green"),
        ("a", "amber"),
        (" R ", "red"),
        ("Green", "green"),
        ("AMBER", "amber"),
        ("red", "red"),
        ("", None),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_rag(value, expected):
    assert parse_rag(value) == expected


@pytest.mark.parametrize("value", ["purple", "GR", "x", "0"])
def test_unknown_rag_is_an_error(value):
    with pytest.raises(RuleError, match="unknown RAG"):
        parse_rag(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("not started", "not_started"),
        ("Not Started", "not_started"),
        ("not-started", "not_started"),
        ("IN PROGRESS", "in_progress"),
        ("in_progress", "in_progress"),
        ("Complete", "complete"),
        ("ongoing", "ongoing"),
        ("Deferred", "deferred"),
        ("", None),
        (None, None),
    ],
)
def test_parse_status(value, expected):
    assert parse_status(value) == expected


@pytest.mark.parametrize("value", ["finished", "completed", "done", "started"])
def test_unknown_status_is_an_error_listing_the_choices(value):
    with pytest.raises(RuleError) as error:
        parse_status(value)
    assert all(label in str(error.value) for label in STATUS_LABELS.values())


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        ("BB IW", ["BB", "IW"]),
        ("AH AM", ["AH", "AM"]),
        ("IW / BB", ["IW", "BB"]),
        ("BB FTP WP", ["BB", "FTP", "WP"]),
        ("BB EP/GB/LN/ SF", ["BB", "EP", "GB", "LN", "SF"]),
        ("TB, AK Staff, ILEX reps", ["TB", "AK", "Staff", "ILEX reps"]),
        ("TB IW Awards dept", ["TB", "IW", "Awards dept"]),
        ("AK HD Board members", ["AK", "HD", "Board members"]),
        ("All", ["All"]),
        ("BB BB", ["BB"]),
        ("", []),
        (None, []),
    ],
)
def test_split_leads(text, leads):
    assert split_leads(text) == leads


AS_OF = D(2026, 3, 31)


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (D(2026, 3, 30), "in_progress", True),
        (D(2026, 3, 31), "in_progress", False),
        (D(2026, 4, 1), "in_progress", False),
        (D(2026, 3, 30), "complete", False),
        (D(2026, 3, 30), "deferred", True),
        (None, "not_started", False),
    ],
)
def test_overdue(due, status, overdue):
    assert is_overdue(due_date=due, status=status, as_of=AS_OF) is overdue


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        (D(2026, 3, 30), None, False),
        (D(2026, 3, 31), None, True),
        (D(2026, 4, 30), None, True),
        (D(2026, 5, 1), None, False),
        (D(2026, 4, 10), "complete", False),
        (None, None, False),
    ],
)
def test_due_within_30_days(due, status, expected):
    assert is_due_within(due_date=due, status=status, as_of=AS_OF) is expected


@pytest.mark.parametrize(
    ("last", "created", "status", "stale"),
    [
        (AS_OF - timedelta(90), D(2020, 1, 1), "in_progress", False),
        (AS_OF - timedelta(91), D(2020, 1, 1), "in_progress", True),
        (None, AS_OF - timedelta(91), "not_started", True),
        (None, AS_OF - timedelta(10), "not_started", False),
        (AS_OF - timedelta(200), D(2020, 1, 1), "complete", False),
        (AS_OF - timedelta(200), D(2020, 1, 1), "deferred", False),
    ],
)
def test_stale(last, created, status, stale):
    assert is_stale(last_progress_on=last, created_on=created, status=status, as_of=AS_OF) is stale


@given(st.dates(), st.dates(), st.sampled_from([*STATUS_LABELS, None]))
def test_overdue_and_complete_exclude_each_other(due, as_of, status):
    if is_overdue(due_date=due, status=status, as_of=as_of):
        assert status != "complete" and due < as_of


@given(st.lists(st.sampled_from([*RAG_VALUES, None, ""])))
def test_rag_counts_cover_every_action(rags):
    counts = rag_counts(rags)
    assert sum(counts.values()) == len(rags)
    assert counts["green"] == rags.count("green")
    assert counts["none"] == rags.count(None) + rags.count("")
