"""Step 2: whether an applicant's periods of work and study add up to the qualifying
experience the scheme requires, and if not, by when they may.

Input (decoded JSON)::

    {"as_of": "2026-05-01",
     "periods": [{"kind": "work", "start": "2023-01-02", "end": null, "hours": 1500,
                  "tasks": ["advising", "drafting"], "employer": "…", "role": "…"},
                 {"kind": "lpc", "start": "2021-09-01", "end": "2022-06-30", "passed": true}]}

- `kind` is "work" or one of the scheme's courses; `start` an ISO date; `end` an ISO date or
  null (or left out): the period runs to `as_of`. An end before the start is malformed, and
  so is a period without an end that starts after `as_of`. A period is spread over its days
  from start to end as given, even when its end is after `as_of`.
- work: `hours` (required) the hours worked in the whole period, a number from 0 to 1,000,000;
  `tasks` (required) a list of the scheme's qualifying-task codes, possibly empty.
- a course: `passed` (required) true or false. `employer` and `role`: optional texts.

Hours are exact fractions inside; in the output `credited_hours` is rounded down and
`shortfall_hours` up, to the hundredth, so the two never hide a shortfall."""

import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from itertools import pairwise
from typing import Any

from .common import (
    MalformedInput,
    as_bool,
    as_list,
    as_object,
    optional_text,
    parse_date,
    parse_hours,
    path,
    required,
)
from .scheme import Scheme


def qe_date(data: Any) -> date:
    """The day the experience is counted to: `data["as_of"]`, checked."""
    return parse_date(required(as_object(data, ""), "as_of"), "as_of")


@dataclass(frozen=True)
class Period:
    index: int
    kind: str
    first: int  # the first and last days, as ordinals
    last: int
    hours: Fraction
    tasks: tuple[str, ...] = ()  # work only
    passed: bool = False  # courses only

    @property
    def rate(self) -> Fraction:
        """The hours of each day, spread evenly over the period."""
        return self.hours / (self.last - self.first + 1)


def read_period(value: Any, index: int, as_of: date, scheme: Scheme) -> Period:
    where = path("periods", index)
    data = as_object(value, where)
    kinds = ["work", *(course[0] for course in scheme.courses)]
    kind = required(data, "kind", where)
    if kind not in kinds:
        raise MalformedInput(path(where, "kind"), f"must be one of {', '.join(kinds)}")
    start = parse_date(required(data, "start", where), path(where, "start"))
    end = data.get("end")
    if end is None:
        if start > as_of:
            raise MalformedInput(path(where, "start"), "must not be after as_of without an end")
        end = as_of
    else:
        end = parse_date(end, path(where, "end"))
        if end < start:
            raise MalformedInput(path(where, "end"), "must not be before the start")
    optional_text(data, "employer", where)
    optional_text(data, "role", where)
    if kind == "work":
        hours = parse_hours(required(data, "hours", where), path(where, "hours"))
        known = [code for code, _ in scheme.qualifying_tasks]
        tasks = as_list(required(data, "tasks", where), path(where, "tasks"))
        for i, task in enumerate(tasks):
            if task not in known:
                field = path(path(where, "tasks"), i)
                raise MalformedInput(field, f"must be one of {', '.join(known)}")
        return Period(index, kind, start.toordinal(), end.toordinal(), hours, tasks=tuple(tasks))
    passed = as_bool(required(data, "passed", where), path(where, "passed"))
    credit = next(course[2] for course in scheme.courses if course[0] == kind)
    return Period(index, kind, start.toordinal(), end.toordinal(), Fraction(credit), passed=passed)


def course_saving(course: Period, work: list[Period]) -> tuple[Fraction, bool]:
    """The hours not credited twice (§20): over the course's days, the smaller of its daily
    hours and the work's; and whether any work falls on one of those days."""
    bounds = {course.first, course.last + 1}
    for p in work:
        bounds.update(b for b in (p.first, p.last + 1) if course.first < b <= course.last)
    saving = Fraction(0)
    worked = []
    for a, b in pairwise(sorted(bounds)):
        covering = [p for p in work if p.first <= a <= p.last]
        worked += covering
        saving += min(course.rate, sum(p.rate for p in covering)) * (b - a)
    return saving, bool(worked)


def floor2(x: Fraction) -> float:
    return math.floor(x * 100) / 100


def ceil2(x: Fraction) -> float:
    return math.ceil(x * 100) / 100


def qe_check(data: Any, scheme: Scheme) -> dict:
    """The qualifying experience credited and, short of the scheme's hours, the shortfall and
    the day it may be made up by (§27): `as_of` plus the days the ongoing credited work
    periods (no end, or an end on or after `as_of`) take at their daily rates together."""
    as_of = qe_date(data)
    values = as_list(required(data, "periods"), "periods")
    periods = [read_period(v, i, as_of, scheme) for i, v in enumerate(values)]
    issues = []
    names = {course[0]: course[1] for course in scheme.courses}

    def issue(code: str, period: int | None, **values: Any) -> None:
        issues.append({"code": code, "period": period, "message": scheme.rule(code, **values)})

    work: list[Period] = []
    course: Period | None = None
    for p in periods:
        if p.kind == "work":
            if p.tasks:
                work.append(p)
            else:
                issue("NON_QUALIFYING_WORK", p.index)
        elif not p.passed:
            issue("COURSE_NOT_PASSED", p.index, course=names[p.kind])
        elif course is not None:
            issue("COURSE_ALREADY_CREDITED", p.index, course=names[p.kind])
        else:
            course = p
    credited = sum(p.hours for p in work)
    if course is not None:
        saving, overlap = course_saving(course, work)
        credited += course.hours - saving
        if overlap:
            issue("OVERLAP_COURSE_WORK", None, course=names[course.kind])
    shortfall = max(scheme.required_hours - credited, 0)
    rate = sum(p.rate for p in work if p.last >= as_of.toordinal())
    anticipated = None
    if shortfall and rate:
        day = as_of.toordinal() + math.ceil(shortfall / rate)
        if day <= date.max.toordinal():
            anticipated = date.fromordinal(day).isoformat()
    return {
        "meets_requirement": not shortfall,
        "required_hours": scheme.required_hours,
        "credited_hours": floor2(credited),
        "shortfall_hours": ceil2(shortfall),
        "anticipated_date": anticipated,
        "scheme_version": scheme.version,
        "issues": issues,
    }


def hours_text(hours: float | int) -> str:
    """Hours as people write them: 1400 → "1,400", 2299.99 → "2,299.99", 0.5 → "0.5"."""
    return f"{hours:,.2f}".rstrip("0").rstrip(".")
