"""Reading decoded JSON into checked values, for every pure check that takes a JSON document
(the command line and the API give the same document): the error for input that cannot be
checked, naming the place, and the readers that raise it. Standard library only, like every
rules module."""

import re
from datetime import date
from typing import Any

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


def parse_date(value: Any, field: str) -> date:
    """An ISO date, "YYYY-MM-DD", as a date."""
    if not isinstance(value, str) or not ISO_DATE.match(value):
        raise MalformedInput(field, "must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise MalformedInput(field, "is not a date in the calendar") from None
