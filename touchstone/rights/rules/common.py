"""What every rights rule shares: the error for input that cannot be checked, and the readers
that turn decoded JSON into checked values (or raise that error, naming the field)."""

import math
from datetime import date
from fractions import Fraction
from typing import Any

from touchstone.core.rules.checked_json import (  # noqa: F401  (the rights checks read with these)
    MalformedInput,
    as_bool,
    as_list,
    as_object,
    parse_date,
    path,
    required,
)

MAX_HOURS = 1_000_000  # more than anyone works in a hundred years: larger is a typing slip


def optional_text(data: dict, key: str, parent: str) -> str:
    """A text that may be missing or null (then ""); stripped of surrounding space."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MalformedInput(path(parent, key), "must be a text")
    return value.strip()


def parse_hours(value: Any, field: str) -> Fraction:
    """A number of hours from 0 to MAX_HOURS, exactly: 2299.99 is 229999/100, not the float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise MalformedInput(field, "must be a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise MalformedInput(field, "must be a number")
    hours = Fraction(value) if isinstance(value, int) else Fraction(repr(value))
    if hours < 0:
        raise MalformedInput(field, "must not be negative")
    if hours > MAX_HOURS:
        raise MalformedInput(field, f"must be at most {MAX_HOURS:,}")
    return hours


def normalise_name(text: str) -> str:
    """A name as compared: case folded and single-spaced ("  Jane  SMITH " → "jane smith")."""
    return " ".join(text.casefold().split())


def years_before(day: date, years: int) -> date | None:
    """The same calendar day `years` earlier; 29 February counts back from 28 February. None
    when that is before the calendar's first year."""
    if day.year - years < 1:
        return None
    if day.month == 2 and day.day == 29:
        day = day.replace(day=28)
    return day.replace(year=day.year - years)
