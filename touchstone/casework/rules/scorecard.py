"""The KPI scorecard, defined once as a pure function: plain case rows in, the scorecard's
JSON dict out. `selectors.scorecard` counts the same things in the database and finishes with
`scorecard_from_counts`, so the two share every rounding and every empty-group rule; a property
test proves they agree.

Definitions (each a contract):
- concluded in period: concluded_on within from..to inclusive; days = concluded_on − accepted_on
  (a case concluded without being accepted has no days and counts in `concluded` only);
- within N: days ≤ N; percentages rounded half up to 1 dp, None when the denominator is 0;
- median days: the middle value, or the mean of the two middle values, 1 dp; None when none;
- a satisfaction response counts when both its outcome and its service answers are yes/no;
- decided service complaints: upheld or not upheld, on cases concluded in the period;
- accepted in period: accepted_on within from..to; open at end: accepted on or before `to` and
  not concluded by `to`; no jurisdiction: all of them.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction

GROUPS = ("high", "medium", "low", "all")
WITHIN = (90, 180, 365)
PARTIES = ("complainant", "provider")
DECIDED = ("upheld", "not_upheld")


def percentage(part: int, whole: int) -> float | None:
    """100 × part / whole, rounded half up to 1 dp (exactly, without binary fractions)."""
    if not whole:
        return None
    return math.floor(Fraction(1000 * part, whole) + Fraction(1, 2)) / 10


def median_of(middle: Sequence[int]) -> float | None:
    """The median from the one or two middle values of the ordered days (none: None)."""
    if not middle:
        return None
    return percentage(sum(middle), len(middle) * 100)  # the mean, rounded the same way


def middle_positions(count: int) -> tuple[int, int]:
    """The offset and the number of the middle values among `count` ordered values."""
    if not count:
        return 0, 0
    return (count - 1) // 2, 2 - count % 2


def median_days(days: Iterable[int]) -> float | None:
    ordered = sorted(days)
    offset, number = middle_positions(len(ordered))
    return median_of(ordered[offset : offset + number])


def empty_counts() -> dict:
    return {
        "accepted_in_period": 0,
        "open_at_end": 0,
        "concluded": 0,
        "timeliness": {
            group: {"concluded": 0, **{f"within_{n}": 0 for n in WITHIN}, "median_days": None}
            for group in GROUPS
        },
        "satisfaction": {
            party: {
                "satisfied_with_outcome": {"responses": 0, "service_satisfied": 0},
                "dissatisfied_with_outcome": {"responses": 0, "service_satisfied": 0},
            }
            for party in PARTIES
        },
        "service_complaints": {"decided": 0, "upheld": 0},
    }


def scorecard_from_counts(
    counts: Mapping, *, date_from: date, date_to: date, jurisdiction: str | None
) -> dict:
    """The scorecard's JSON dict from its counts (see `empty_counts` for their shape)."""
    timeliness = {}
    for group in GROUPS:
        found = counts["timeliness"][group]
        timeliness[group] = {
            "concluded": found["concluded"],
            **{
                f"within_{n}_pct": percentage(found[f"within_{n}"], found["concluded"])
                for n in WITHIN
            },
            "median_days": found["median_days"],
        }
    satisfaction = {
        party: {
            side: {
                "responses": found["responses"],
                "service_satisfied_pct": percentage(found["service_satisfied"], found["responses"]),
            }
            for side, found in counts["satisfaction"][party].items()
        }
        for party in PARTIES
    }
    complaints = counts["service_complaints"]
    return {
        "from": date_from.isoformat(),
        "to": date_to.isoformat(),
        "jurisdiction": jurisdiction,
        "accepted_in_period": counts["accepted_in_period"],
        "open_at_end": counts["open_at_end"],
        "concluded": counts["concluded"],
        "timeliness": timeliness,
        "satisfaction": satisfaction,
        "service_complaints": {
            "decided": complaints["decided"],
            "upheld_pct": percentage(complaints["upheld"], complaints["decided"]),
        },
    }


def _count_case(counts: dict, row: Mapping, date_from: date, date_to: date, days: dict) -> None:
    accepted, concluded = row.get("accepted_on"), row.get("concluded_on")
    if accepted is not None and date_from <= accepted <= date_to:
        counts["accepted_in_period"] += 1
    if accepted is not None and accepted <= date_to and (concluded is None or concluded > date_to):
        counts["open_at_end"] += 1
    if concluded is None or not date_from <= concluded <= date_to:
        return
    counts["concluded"] += 1
    if accepted is not None:
        taken = (concluded - accepted).days
        for group in {"all", row.get("complexity") or "all"}:
            found = counts["timeliness"][group]
            found["concluded"] += 1
            for n in WITHIN:
                found[f"within_{n}"] += taken <= n
            days[group].append(taken)
    for party in PARTIES:
        outcome, service = (row.get("satisfaction") or {}).get(party, (None, None))
        if outcome is None or service is None:
            continue
        side = "satisfied_with_outcome" if outcome else "dissatisfied_with_outcome"
        counts["satisfaction"][party][side]["responses"] += 1
        counts["satisfaction"][party][side]["service_satisfied"] += bool(service)
    for complaint in row.get("service_complaints") or ():
        if complaint in DECIDED:
            counts["service_complaints"]["decided"] += 1
            counts["service_complaints"]["upheld"] += complaint == "upheld"


def scorecard(
    rows: Iterable[Mapping], *, date_from: date, date_to: date, jurisdiction: str | None = None
) -> dict:
    """The scorecard of `rows`: mappings with `jurisdiction`, `complexity` (or None),
    `accepted_on`, `concluded_on` (dates or None), `satisfaction` ({party: (outcome satisfied,
    service satisfied)}, each True, False or None) and `service_complaints` (a list of
    upheld / not_upheld / pending)."""
    counts = empty_counts()
    days: dict[str, list[int]] = {group: [] for group in GROUPS}
    for row in rows:
        if jurisdiction is None or row.get("jurisdiction") == jurisdiction:
            _count_case(counts, row, date_from, date_to, days)
    for group in GROUPS:
        counts["timeliness"][group]["median_days"] = median_days(days[group])
    return scorecard_from_counts(
        counts, date_from=date_from, date_to=date_to, jurisdiction=jurisdiction
    )
