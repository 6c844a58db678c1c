"""Tests for the pure plan rules: no Django, no database. RAG, status, leads, the flags of an
action (overdue, due soon, stale), RAG counts and purity; due dates are in
test_rules_due_dates.py.

Expected dates are written out by hand (or built with `date` arithmetic that does not use the
code under test), so each test fails if the rule it names is broken.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.plans.rules import (
    RAG_VALUES,
    STATUS_LABELS,
    STATUS_VALUES,
    RuleError,
    is_due_within,
    is_overdue,
    is_stale,
    parse_rag,
    parse_status,
    rag_counts,
    split_leads,
)

# --- RAG ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("G", "green"),
        ("g", "green"),
        ("A", "amber"),
        ("R", "red"),
        (" r ", "red"),
        ("green", "green"),
        ("Amber", "amber"),
        ("RED", "red"),
        ("  Green\t", "green"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_parse_rag(value: str | None, expected: str | None) -> None:
    assert parse_rag(value) == expected


@pytest.mark.parametrize("value", ["purple", "GR", "amb", "0", "green-ish", "Y"])
def test_parse_rag_rejects_unknown(value: str) -> None:
    with pytest.raises(RuleError) as raised:
        parse_rag(value)
    assert str(raised.value) == (
        f'unknown RAG "{value}": use G, A, R, green, amber, red or leave blank'
    )


def test_rule_error_is_a_value_error() -> None:
    assert issubclass(RuleError, ValueError)
    assert RAG_VALUES == ("green", "amber", "red")


# --- Status -------------------------------------------------------------------------------------


def test_status_vocabulary() -> None:
    assert STATUS_VALUES == ("not_started", "in_progress", "complete", "ongoing", "deferred")
    assert STATUS_LABELS == {
        "not_started": "Not started",
        "in_progress": "In progress",
        "complete": "Complete",
        "ongoing": "Ongoing",
        "deferred": "Deferred",
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("not_started", "not_started"),
        ("Not started", "not_started"),
        ("not-started", "not_started"),
        ("NOT STARTED", "not_started"),
        ("in_progress", "in_progress"),
        ("IN PROGRESS", "in_progress"),
        ("In-Progress", "in_progress"),
        (" in progress ", "in_progress"),
        ("complete", "complete"),
        ("Complete", "complete"),
        ("ongoing", "ongoing"),
        ("ONGOING", "ongoing"),
        ("deferred", "deferred"),
        ("Deferred", "deferred"),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_parse_status(value: str | None, expected: str | None) -> None:
    assert parse_status(value) == expected


@pytest.mark.parametrize("value", ["completed", "done", "started", "in", "progress", "n/a"])
def test_parse_status_rejects_unknown(value: str) -> None:
    with pytest.raises(RuleError) as raised:
        parse_status(value)
    assert str(raised.value) == (
        f'unknown status "{value}": use one of '
        "Not started, In progress, Complete, Ongoing, Deferred or leave blank"
    )


# --- Leads --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BB IW", ["BB", "IW"]),
        ("AH AM", ["AH", "AM"]),
        ("IW / BB", ["IW", "BB"]),
        ("BB EP/GB/LN/ SF", ["BB", "EP", "GB", "LN", "SF"]),
        ("TB, AK Staff, ILEX reps", ["TB", "AK", "Staff", "ILEX reps"]),
        ("TB IW Awards dept", ["TB", "IW", "Awards dept"]),
        ("AK HD Board members", ["AK", "HD", "Board members"]),
        ("BB FTP WP", ["BB", "FTP", "WP"]),
        ("All", ["All"]),
        ("", []),
        ("   ", []),
        (None, []),
        # More from the seed document's LEAD column.
        ("AH, IW AM", ["AH", "IW", "AM"]),
        ("BB IW/EP/LN", ["BB", "IW", "EP", "LN"]),
        ("TB AK IPS staff ILEX", ["TB", "AK", "IPS staff", "ILEX"]),
        ("TB Awards dept", ["TB", "Awards dept"]),
        ("IW / BB All", ["IW", "BB", "All"]),
        ("FE IW / BB", ["FE", "IW", "BB"]),
        ("IW/DB/TC", ["IW", "DB", "TC"]),
        ("NS IW/BB/LN DMD/NS", ["NS", "IW", "BB", "LN", "DMD"]),
        # Semicolons, duplicates, a lower-case word with nothing before it, "and"/"&".
        ("BB; IW", ["BB", "IW"]),
        ("IW / IW, BB", ["IW", "BB"]),
        ("staff BB", ["staff", "BB"]),
        ("BB and IW & GB", ["BB", "IW", "GB"]),
        ("HR2 team", ["HR2 team"]),
    ],
)
def test_split_leads(text: str | None, expected: list[str]) -> None:
    assert split_leads(text) == expected


# --- Overdue, due soon, stale -----------------------------------------------------------------

AS_OF = date(2024, 3, 1)  # the day after 29 February in a leap year


@pytest.mark.parametrize(
    ("due_date", "status", "expected"),
    [
        (date(2024, 2, 29), "in_progress", True),  # the day before
        (date(2024, 3, 1), "in_progress", False),  # the day itself
        (date(2024, 3, 2), "in_progress", False),  # the day after
        (date(2020, 1, 1), "not_started", True),
        (date(2020, 1, 1), "ongoing", True),
        (date(2020, 1, 1), "deferred", True),
        (date(2020, 1, 1), None, True),
        (date(2020, 1, 1), "complete", False),
        (None, "in_progress", False),
    ],
)
def test_is_overdue(due_date: date | None, status: str | None, expected: bool) -> None:
    assert is_overdue(due_date=due_date, status=status, as_of=AS_OF) is expected


@pytest.mark.parametrize(
    ("due_date", "status", "days", "expected"),
    [
        (date(2024, 2, 29), "in_progress", 30, False),  # the day before: overdue, not due
        (date(2024, 3, 1), "in_progress", 30, True),  # the day itself
        (date(2024, 3, 2), "in_progress", 30, True),  # the day after
        (date(2024, 3, 31), "in_progress", 30, True),  # as_of + 30
        (date(2024, 4, 1), "in_progress", 30, False),  # as_of + 31
        (date(2024, 3, 8), None, 7, True),
        (date(2024, 3, 9), None, 7, False),
        (date(2024, 3, 1), None, 0, True),
        (date(2024, 3, 10), "complete", 30, False),
        (None, "in_progress", 30, False),
    ],
)
def test_is_due_within(
    due_date: date | None, status: str | None, days: int, expected: bool
) -> None:
    result = is_due_within(due_date=due_date, status=status, as_of=AS_OF, days=days)
    assert result is expected


def test_is_due_within_defaults_to_30_days() -> None:
    assert is_due_within(due_date=date(2024, 3, 31), status=None, as_of=AS_OF) is True
    assert is_due_within(due_date=date(2024, 4, 1), status=None, as_of=AS_OF) is False


@pytest.mark.parametrize(
    ("last_progress_on", "created_on", "status", "days", "expected"),
    [
        (None, AS_OF - timedelta(days=89), "in_progress", 90, False),
        (None, AS_OF - timedelta(days=90), "in_progress", 90, False),  # exactly 90: not stale
        (None, AS_OF - timedelta(days=91), "in_progress", 90, True),
        (AS_OF - timedelta(days=90), date(2020, 1, 1), "in_progress", 90, False),
        (AS_OF - timedelta(days=91), date(2020, 1, 1), "in_progress", 90, True),
        (AS_OF - timedelta(days=10), date(2020, 1, 1), "not_started", 90, False),
        # Progress before creation (imported history): creation counts.
        (date(2020, 1, 1), AS_OF - timedelta(days=5), "in_progress", 90, False),
        (date(2020, 1, 1), date(2020, 1, 1), "ongoing", 90, True),
        (date(2020, 1, 1), date(2020, 1, 1), None, 90, True),
        (date(2020, 1, 1), date(2020, 1, 1), "complete", 90, False),
        (date(2020, 1, 1), date(2020, 1, 1), "deferred", 90, False),
        (None, AS_OF - timedelta(days=14), "in_progress", 14, False),
        (None, AS_OF - timedelta(days=15), "in_progress", 14, True),
        (None, AS_OF + timedelta(days=3), "in_progress", 0, False),  # created "tomorrow"
    ],
)
def test_is_stale(
    last_progress_on: date | None, created_on: date, status: str | None, days: int, expected: bool
) -> None:
    result = is_stale(
        last_progress_on=last_progress_on,
        created_on=created_on,
        status=status,
        as_of=AS_OF,
        stale_after_days=days,
    )
    assert result is expected


def test_is_stale_defaults_to_90_days() -> None:
    created = AS_OF - timedelta(days=90)
    assert is_stale(last_progress_on=None, created_on=created, status=None, as_of=AS_OF) is False
    created = AS_OF - timedelta(days=91)
    assert is_stale(last_progress_on=None, created_on=created, status=None, as_of=AS_OF) is True


@given(
    st.one_of(st.none(), st.dates()),
    st.sampled_from([*STATUS_VALUES, None]),
    st.dates(),
)
def test_overdue_and_complete_are_mutually_exclusive(
    due_date: date | None, status: str | None, as_of: date
) -> None:
    overdue = is_overdue(due_date=due_date, status=status, as_of=as_of)
    assert not (overdue and status == "complete")
    if status != "complete" and due_date is not None and due_date < as_of:
        assert overdue


# --- RAG counts ---------------------------------------------------------------------------------


def test_rag_counts() -> None:
    rags = ["green", "green", "amber", None, "", "red", "G", " Red ", "purple"]
    assert rag_counts(rags) == {"green": 3, "amber": 1, "red": 2, "none": 3}
    assert rag_counts([]) == {"green": 0, "amber": 0, "red": 0, "none": 0}
    assert rag_counts(r for r in ["amber"]) == {"green": 0, "amber": 1, "red": 0, "none": 0}


@given(st.lists(st.sampled_from(["green", "amber", "red", "A", "g", None, ""]) | st.text()))
def test_rag_counts_sum_to_the_number_of_rags(rags: list[str | None]) -> None:
    counts = rag_counts(rags)
    assert set(counts) == {"green", "amber", "red", "none"}
    assert sum(counts.values()) == len(rags)
    assert counts["green"] >= rags.count("green")
