"""A provider's self-assessment against a framework's standards, and the fee for accreditation:
pure rules, plain data in and the verdict out.

Input (decoded JSON)::

    {"submitted_on": "2026-01-31", "corporate_member": true,
     "answers": {"1": "complied", "2": "partial", "26": "n/a", …}}

- Every assessable standard needs an answer (`MISSING_ANSWER`); a key that is not a standard's
  number, or a value other than complied / partial / not_complied / n/a, is `INVALID_ANSWER`.
  Either makes the assessment `incomplete`: no deadline, and no list of what is not complied.
- "n/a" is allowed (a standard that does not apply to the business) except where the framework
  says a standard is mandatory (IQS 55, indemnity insurance): `NA_NOT_ALLOWED`, and that
  standard then counts as not complied. That error alone leaves the assessment complete.
- A standard's effective answer is the worst of its own and its sub-items' (not_complied <
  partial < complied; n/a counts for nothing, so only when every one is n/a is the effective
  answer n/a).
- `compliant` when no effective answer is partial or not complied; otherwise
  `partially_compliant`, with a remediation deadline 7 calendar months after submission,
  clamped to the month's last day (31 January → 31 August; 31 July → 28 or 29 February).
- The fee is the one in force on the day of submission, for a corporate member or not, and is
  always given, whatever the verdict.

Malformed input (not an object, no answers, a date that is not a date, a membership that is not
true or false, a day before any fee was in force) raises `MalformedInput` naming the place.
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from touchstone.core.rules.checked_json import (
    MalformedInput,
    as_bool,
    as_object,
    parse_date,
    required,
)

COMPLIED = "complied"
PARTIAL = "partial"
NOT_COMPLIED = "not_complied"
NOT_APPLICABLE = "n/a"
ANSWERS = (COMPLIED, PARTIAL, NOT_COMPLIED, NOT_APPLICABLE)
WORST_FIRST = (NOT_COMPLIED, PARTIAL, COMPLIED)  # n/a has no rank
RANK = {answer: rank for rank, answer in enumerate(WORST_FIRST)}

COMPLIANT = "compliant"
PARTIALLY_COMPLIANT = "partially_compliant"
INCOMPLETE = "incomplete"
STATUSES = (COMPLIANT, PARTIALLY_COMPLIANT, INCOMPLETE)

MISSING_ANSWER = "MISSING_ANSWER"
INVALID_ANSWER = "INVALID_ANSWER"
NA_NOT_ALLOWED = "NA_NOT_ALLOWED"
ERROR_CODES = (MISSING_ANSWER, INVALID_ANSWER, NA_NOT_ALLOWED)

REMEDIATION_MONTHS = 7
NUMBER = re.compile(r"^-?[0-9]+$")  # ASCII digits only: "²" is not a number here


@dataclass(frozen=True)
class FrameworkShape:
    """What the rules need of a framework: its assessable standards' numbers in order, each
    sub-item's parent, and the standards that may not be answered n/a."""

    numbers: tuple[int, ...]
    parents: dict[int, int] = field(default_factory=dict)
    mandatory: frozenset[int] = frozenset()

    def children(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for child, parent in self.parents.items():
            found.setdefault(parent, []).append(child)
        return found


@dataclass(frozen=True)
class FeeSchedule:
    """The accreditation fees in force from a day (amounts in pounds, for `period_months`)."""

    effective_from: date
    corporate_member: Decimal
    other: Decimal
    corporate_membership: Decimal
    period_months: int = 12


def fee_in_force(schedules: list[FeeSchedule], on: date) -> FeeSchedule | None:
    """The schedule in force on a day: the latest one effective on or before it."""
    in_force = [s for s in schedules if s.effective_from <= on]
    return max(in_force, key=lambda s: s.effective_from) if in_force else None


def accreditation_fee(schedule: FeeSchedule, *, corporate_member: bool) -> Decimal:
    return schedule.corporate_member if corporate_member else schedule.other


def months_after(day: date, months: int) -> date:
    """The same day `months` calendar months later, or that month's last day when it is
    shorter (31 January + 7 → 31 August; 31 July + 7 → 28 or 29 February)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def remediation_deadline(submitted_on: date) -> date:
    return months_after(submitted_on, REMEDIATION_MONTHS)


def effective_answers(answers: dict[int, str], shape: FrameworkShape) -> dict[int, str]:
    """Each standard's effective answer: the worst of its own and its sub-items' (n/a ignored;
    n/a only when all are n/a). A mandatory standard answered n/a counts as not complied."""
    own = {
        number: NOT_COMPLIED if answer == NOT_APPLICABLE and number in shape.mandatory else answer
        for number, answer in answers.items()
    }
    children = shape.children()
    result = {}
    for number in shape.numbers:
        ranked = [
            RANK[answer]
            for answer in [own.get(number)] + [own.get(c) for c in children.get(number, [])]
            if answer in RANK
        ]
        result[number] = WORST_FIRST[min(ranked)] if ranked else NOT_APPLICABLE
    return result


def _error(code: str, standard: int | str, message: str) -> dict:
    return {"code": code, "standard": standard, "message": message}


def _read_answers(raw: dict, shape: FrameworkShape) -> tuple[dict[int, str], list[dict]]:
    """The answers by standard number, and an error for every key or value that is not one."""
    known = set(shape.numbers)
    answers: dict[int, str] = {}
    errors = []
    for key, value in raw.items():
        if not NUMBER.match(key):
            errors.append(_error(INVALID_ANSWER, key, f'"{key}" is not a standard number.'))
            continue
        number = int(key)
        if str(number) != key or number not in known:
            errors.append(_error(INVALID_ANSWER, number, f'There is no standard numbered "{key}".'))
            continue
        if not isinstance(value, str) or value not in ANSWERS:
            errors.append(
                _error(
                    INVALID_ANSWER,
                    number,
                    f"The answer to standard {number} must be complied, partial, not_complied "
                    f'or n/a, not "{value}".',
                )
            )
            continue
        answers[number] = value
    for number in shape.numbers:
        if str(number) not in raw:
            errors.append(_error(MISSING_ANSWER, number, f"Standard {number} has no answer."))
    for number in sorted(shape.mandatory & {n for n, a in answers.items() if a == NOT_APPLICABLE}):
        errors.append(
            _error(
                NA_NOT_ALLOWED,
                number,
                f"Standard {number} is mandatory and cannot be answered n/a; it counts as not "
                "complied.",
            )
        )
    return answers, errors


def _standard(error: dict) -> int:
    return error["standard"]


def assessment_check(
    data: Any, *, shape: FrameworkShape, fees: list[FeeSchedule]
) -> dict[str, Any]:
    """The verdict on a self-assessment (see the module's docstring); raises MalformedInput."""
    document = as_object(data, "")
    submitted_on = parse_date(required(document, "submitted_on"), "submitted_on")
    corporate_member = as_bool(required(document, "corporate_member"), "corporate_member")
    raw = as_object(required(document, "answers"), "answers")
    schedule = fee_in_force(fees, submitted_on)
    if schedule is None:
        first = min((s.effective_from for s in fees), default=None)
        since = f" (the first is from {first.isoformat()})" if first else ""
        raise MalformedInput("submitted_on", f"is before any fee was in force{since}")

    answers, found = _read_answers(raw, shape)
    # by standard number; keys that are not numbers after them, as given
    numbered = sorted((e for e in found if isinstance(e["standard"], int)), key=_standard)
    errors = numbered + [e for e in found if not isinstance(e["standard"], int)]
    fee = accreditation_fee(schedule, corporate_member=corporate_member)
    result: dict[str, Any] = {
        "status": INCOMPLETE,
        "remediation_deadline": None,
        "fee": int(fee) if fee == fee.to_integral_value() else float(fee),
        "non_compliant": None,
        "errors": errors,
    }
    if any(e["code"] in (MISSING_ANSWER, INVALID_ANSWER) for e in errors):
        return result

    effective = effective_answers(answers, shape)
    failing = sorted(n for n, answer in effective.items() if answer in (PARTIAL, NOT_COMPLIED))
    result["non_compliant"] = failing
    if failing:
        result["status"] = PARTIALLY_COMPLIANT
        result["remediation_deadline"] = remediation_deadline(submitted_on).isoformat()
    else:
        result["status"] = COMPLIANT
    return result


def registration_end(start: date, months: int) -> date:
    """The last day of a registration of `months` months from `start` (12 months from
    1 March 2026 runs to 28 February 2027; from 31 January to 30 January)."""
    return date.fromordinal(months_after(start, months).toordinal() - 1)


def warning_days(due_on: date, *, months: tuple[int, ...] = (), days: tuple[int, ...] = ()):
    """A deadline's warnings as days before `due_on`: whole calendar months before (3 months
    before 31 May is 28 or 29 February, not 90 days) and plain days, the furthest first."""
    before = {(due_on - months_after(due_on, -count)).days for count in months} | set(days)
    return sorted(before, reverse=True)
