"""What every rights rule shares: the error for input that cannot be checked, and the readers
that turn decoded JSON into checked values (or raise that error, naming the field)."""

import math
import re
from datetime import date
from fractions import Fraction
from typing import Any

MAX_HOURS = 1_000_000  # more than anyone works in a hundred years: larger is a typing slip
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class MalformedInput(Exception):
    """Input the rules cannot check: not an object, a key missing, a value of the wrong type or
    not among those allowed. `field` is the path to the value ("periods[2].start", or "" for
    the whole document); `message` one sentence saying what was expected."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


def path(parent: str, key: str | int) -> str:
    """The path of a key in an object or an index in a list: ("", "a") → "a",
    ("a", "b") → "a.b", ("a", 2) → "a[2]"."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def as_object(value: Any, field: str) -> dict:
    if not isinstance(value, dict):
        raise MalformedInput(field, "must be an object")
    return value


def as_list(value: Any, field: str) -> list:
    if not isinstance(value, list):
        raise MalformedInput(field, "must be a list")
    return value


def required(data: dict, key: str, parent: str = "") -> Any:
    if key not in data:
        raise MalformedInput(path(parent, key), "is required")
    return data[key]


def as_bool(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise MalformedInput(field, "must be true or false")
    return value


def optional_text(data: dict, key: str, parent: str) -> str:
    """A text that may be missing or null (then ""); stripped of surrounding space."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MalformedInput(path(parent, key), "must be a text")
    return value.strip()


def parse_date(value: Any, field: str) -> date:
    """An ISO date, "YYYY-MM-DD", as a date."""
    if not isinstance(value, str) or not ISO_DATE.match(value):
        raise MalformedInput(field, "must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise MalformedInput(field, "is not a date in the calendar") from None


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
