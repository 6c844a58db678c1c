"""The scorecard's definitions, each on the rows that decide it: boundaries at 90, 180 and
365 days, empty groups, blanks, even medians, rounding, which satisfaction answers count, open
at the end, accepted in the period, and no jurisdiction as all of them."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.casework.rules import median_days, percentage, scorecard
from touchstone.casework.tests.scorecard_rows import case_rows, periods

FROM, TO = date(2025, 4, 1), date(2026, 3, 31)
ACCEPTED = date(2025, 1, 1)


def row(days: int | None = None, complexity: str = "low", **extra) -> dict:
    """A case accepted on 1 January 2025, concluded `days` later (None: still open)."""
    concluded = None if days is None else ACCEPTED + timedelta(days=days)
    return {
        "jurisdiction": "legal",
        "complexity": complexity,
        "accepted_on": ACCEPTED,
        "concluded_on": concluded,
        **extra,
    }


def card(*rows, jurisdiction=None, date_from=date(2025, 1, 1), date_to=date(2027, 12, 31)):
    return scorecard(rows, date_from=date_from, date_to=date_to, jurisdiction=jurisdiction)


@pytest.mark.parametrize(
    ("days", "within"),
    [
        (0, (100.0, 100.0, 100.0)),
        (90, (100.0, 100.0, 100.0)),
        (91, (0.0, 100.0, 100.0)),
        (180, (0.0, 100.0, 100.0)),
        (181, (0.0, 0.0, 100.0)),
        (365, (0.0, 0.0, 100.0)),
        (366, (0.0, 0.0, 0.0)),
    ],
)
def test_within_n_days_means_at_most_n_days(days, within):
    figures = card(row(days))["timeliness"]["low"]
    assert (
        figures["within_90_pct"],
        figures["within_180_pct"],
        figures["within_365_pct"],
    ) == within
    assert figures["median_days"] == float(days)


def test_an_empty_group_has_no_percentages_and_no_median():
    found = card(row(30, "high"))["timeliness"]
    assert found["medium"] == {
        "concluded": 0,
        "within_90_pct": None,
        "within_180_pct": None,
        "within_365_pct": None,
        "median_days": None,
    }
    assert found["high"]["concluded"] == found["all"]["concluded"] == 1


def test_nothing_at_all_gives_nulls_and_zeros():
    found = card()
    assert found["concluded"] == found["accepted_in_period"] == found["open_at_end"] == 0
    assert found["service_complaints"] == {"decided": 0, "upheld_pct": None}
    assert found["satisfaction"]["provider"]["dissatisfied_with_outcome"] == {
        "responses": 0,
        "service_satisfied_pct": None,
    }


def test_a_case_without_complexity_counts_in_all_only():
    found = card(row(30, ""), row(200, "high"))["timeliness"]
    assert [found[g]["concluded"] for g in ("high", "medium", "low", "all")] == [1, 0, 0, 2]
    assert found["all"]["within_90_pct"] == 50.0


def test_a_case_concluded_without_acceptance_counts_as_concluded_but_has_no_days():
    found = card(
        {
            "jurisdiction": "legal",
            "complexity": "low",
            "accepted_on": None,
            "concluded_on": date(2025, 6, 1),
        }
    )
    assert found["concluded"] == 1
    assert found["timeliness"]["all"]["concluded"] == 0


@pytest.mark.parametrize(
    ("days", "median"),
    [
        ([10], 10.0),
        ([10, 20], 15.0),
        ([10, 21], 15.5),
        ([100, 1, 2], 2.0),
        ([4, 1, 3, 2], 2.5),
        ([], None),
    ],
)
def test_the_median_is_the_middle_or_the_mean_of_the_two_middles(days, median):
    assert median_days(days) == median
    assert card(*(row(d) for d in days))["timeliness"]["all"]["median_days"] == median


@pytest.mark.parametrize(
    ("part", "whole", "pct"),
    [
        (1, 3, 33.3),
        (2, 3, 66.7),
        (1, 8, 12.5),
        (1, 16, 6.3),
        (1, 6, 16.7),
        (0, 5, 0.0),
        (5, 5, 100.0),
        (1, 0, None),
        (1, 40, 2.5),
        (1, 400, 0.3),
        (1, 2000, 0.1),
        (1, 2001, 0.0),
    ],
)
def test_percentages_round_half_up_to_one_place(part, whole, pct):
    assert percentage(part, whole) == pct


@pytest.mark.parametrize(
    ("answers", "satisfied", "dissatisfied"),
    [
        ([(True, True)], (1, 100.0), (0, None)),
        ([(True, False), (True, True), (True, True)], (3, 66.7), (0, None)),
        ([(False, True), (False, False)], (0, None), (2, 50.0)),
        ([(True, None), (None, True), (None, None)], (0, None), (0, None)),  # blanks
        ([(False, None), (False, False)], (0, None), (1, 0.0)),
    ],
)
def test_a_satisfaction_response_counts_only_with_both_answers(answers, satisfied, dissatisfied):
    rows = [row(30, satisfaction={"complainant": a, "provider": (None, None)}) for a in answers]
    found = card(*rows)["satisfaction"]["complainant"]
    assert tuple(found["satisfied_with_outcome"].values()) == satisfied
    assert tuple(found["dissatisfied_with_outcome"].values()) == dissatisfied
    assert card(*rows)["satisfaction"]["provider"]["satisfied_with_outcome"]["responses"] == 0


def test_decided_service_complaints_are_upheld_or_not_on_cases_concluded_in_the_period():
    rows = [
        row(30, service_complaints=["upheld"]),
        row(30, service_complaints=["not_upheld"]),
        row(30, service_complaints=["not_upheld"]),
        row(30, service_complaints=["pending"]),
        row(None, service_complaints=["upheld"]),  # still open
        row(700, service_complaints=["upheld"]),  # concluded after the period
    ]
    found = card(*rows, date_to=date(2026, 6, 30))
    assert found["service_complaints"] == {"decided": 3, "upheld_pct": 33.3}


@pytest.mark.parametrize(
    ("accepted", "concluded", "open_at_end"),
    [
        (TO, None, 1),
        (TO + timedelta(days=1), None, 0),  # accepted after the end
        (FROM - timedelta(days=400), TO, 0),  # concluded on the last day
        (FROM - timedelta(days=400), TO + timedelta(days=1), 1),  # concluded the day after
        (FROM - timedelta(days=400), FROM - timedelta(days=1), 0),
        (None, None, 0),  # not accepted
    ],
)
def test_open_at_the_end_is_accepted_by_then_and_not_concluded_by_then(
    accepted, concluded, open_at_end
):
    case = {
        "jurisdiction": "legal",
        "complexity": "",
        "accepted_on": accepted,
        "concluded_on": concluded,
    }
    assert card(case, date_from=FROM, date_to=TO)["open_at_end"] == open_at_end


@pytest.mark.parametrize(
    ("accepted", "counted"),
    [(FROM, 1), (TO, 1), (FROM - timedelta(days=1), 0), (TO + timedelta(days=1), 0)],
)
def test_accepted_in_the_period_includes_both_ends(accepted, counted):
    case = {
        "jurisdiction": "legal",
        "complexity": "",
        "accepted_on": accepted,
        "concluded_on": None,
    }
    assert card(case, date_from=FROM, date_to=TO)["accepted_in_period"] == counted


@pytest.mark.parametrize(
    ("concluded", "counted"),
    [(FROM, 1), (TO, 1), (FROM - timedelta(days=1), 0), (TO + timedelta(days=1), 0)],
)
def test_concluded_in_the_period_includes_both_ends(concluded, counted):
    case = {
        "jurisdiction": "legal",
        "complexity": "",
        "accepted_on": date(2024, 1, 1),
        "concluded_on": concluded,
    }
    assert card(case, date_from=FROM, date_to=TO)["concluded"] == counted


def test_the_contract_keys_and_no_jurisdiction_is_every_jurisdiction():
    rows = [row(30), {**row(100, "high"), "jurisdiction": "cmc"}]
    everything = card(*rows)
    assert list(everything)[:9] == [
        "from",
        "to",
        "jurisdiction",
        "accepted_in_period",
        "open_at_end",
        "concluded",
        "timeliness",
        "satisfaction",
        "service_complaints",
    ]
    assert everything["jurisdiction"] is None and everything["concluded"] == 2
    assert card(*rows, jurisdiction="cmc")["timeliness"]["high"]["concluded"] == 1
    assert card(*rows, jurisdiction="legal")["timeliness"]["high"]["concluded"] == 0
    assert card(*rows, jurisdiction="legal")["jurisdiction"] == "legal"


COUNTS = ("accepted_in_period", "open_at_end", "concluded")


@given(rows=st.lists(case_rows(), max_size=30), period=periods)
def test_the_figures_hold_together_on_any_history(rows, period):
    date_from, date_to = period
    everything = scorecard(rows, date_from=date_from, date_to=date_to)
    legal = scorecard(rows, date_from=date_from, date_to=date_to, jurisdiction="legal")
    cmc = scorecard(rows, date_from=date_from, date_to=date_to, jurisdiction="cmc")
    for key in COUNTS:
        assert everything[key] == legal[key] + cmc[key]
    groups = everything["timeliness"]
    assert (
        sum(groups[g]["concluded"] for g in ("high", "medium", "low"))
        <= groups["all"]["concluded"]
        <= everything["concluded"]
    )
    for figures in groups.values():
        within = [figures[f"within_{n}_pct"] for n in (90, 180, 365)]
        if figures["concluded"]:
            assert 0 <= within[0] <= within[1] <= within[2] <= 100
            assert figures["median_days"] is not None
        else:
            assert within == [None, None, None] and figures["median_days"] is None
