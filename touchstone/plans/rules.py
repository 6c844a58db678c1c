"""Pure rules for plans: reading due dates as written, RAG and status vocabularies, leads,
and the overdue / due-soon / stale tests. The standard library and core's pure rules only: no
Django, no database and no clock (callers pass `as_of`), so everything here can be tested on
its own."""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from touchstone.core.rules import MONTHS


class RuleError(ValueError):
    """A value that the rules cannot accept (an unknown RAG or status)."""


# --- Due dates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueParse:
    due_date: date | None
    recurring: bool
    warning: str | None = None


_ABBREVIATIONS = {calendar.month_abbr[n].lower() for n in range(1, 13)} | {"sept"}

_NOTHING_YET = {"tba", "tbc"}
_ALLOWED_WORDS = {"ongoing", "target", "by", "due", "to", "and"}
_RECURRING = re.compile(r"\b(?:ongoing|each\s+year)\b", re.IGNORECASE)

# One alternative per token kind; `other` catches any character nothing else explains, so the
# tokens always cover the whole text and nothing can slip through unread.
_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<quarter>Q[0-9](?:\s*[-–]\s*Q?[0-9])?)(?![A-Za-z0-9])
    | (?P<number>[0-9]+(?:[-–./][0-9]+)*)
    | (?P<each_year>each\s+year)\b
    | (?P<word>[A-Za-z]+\.?)
    | (?P<punct>[,;:&()/.–—-])
    | (?P<other>.)
    """,
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_YEAR = re.compile(r"[0-9]{4}")
_FINANCIAL_YEAR = re.compile(r"([0-9]{4})[-–/]([0-9]{2}|[0-9]{4})")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})([-–./])([0-9]{1,2})\2([0-9]{2}|[0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Quarter → (years after the financial year starts, month, day) of its last day.
_QUARTER_END = {1: (0, 6, 30), 2: (0, 9, 30), 3: (0, 12, 31), 4: (1, 3, 31)}
_QUARTER_NEEDS_FY = "a quarter needs a financial year after it, e.g. Q1 2018-19"


class _Unreadable(Exception):
    """Raised inside the parser with the reason a due text cannot be read."""


def _bare(word: str) -> str:
    """A word as looked up: lower case, without the one full stop an abbreviation may have."""
    return word.lower().removesuffix(".")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _fy_start(match: re.Match[str]) -> int:
    """The first year of a financial year written "2018-19", "2018/19" or "2018-2019"."""
    start, second = int(match[1]), match[2]
    following = start + 1 if len(second) == 4 else (start + 1) % 100
    if int(second) != following:
        raise _Unreadable(f'"{match[0]}" is not a financial year (use consecutive years: 2018-19)')
    return start


def _number_date(text: str) -> date:
    """A date from a run of digits and separators that is not a financial year."""
    if _YEAR.fullmatch(text):
        return date(int(text), 12, 31)
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        year = int(match[4]) + (2000 if len(match[4]) == 2 else 0)
        return date(year, int(match[3]), int(match[1]))
    if match := _ISO.fullmatch(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    raise _Unreadable(f'"{text}" is not a date')


def _quarters(text: str) -> list[int]:
    """The quarters in "Q1", "Q1-4" or "Q1 - Q4"."""
    numbers = [int(n) for n in re.findall(r"[0-9]", text)]
    if not all(1 <= n <= 4 for n in numbers) or numbers != sorted(numbers):
        raise _Unreadable(f'"{text}" is not a quarter (use Q1 to Q4)')
    return numbers


def _dates_in(raw: str) -> list[date]:
    """Every date the text names, or `_Unreadable` if any of it is not understood.

    A month name must be followed by a four-digit year; quarters by a financial year.
    """
    found: list[date] = []
    month: str | None = None  # a month name waiting for its year
    quarters: list[int] = []  # quarters waiting for their financial year
    for token in _TOKEN.finditer(raw):
        kind, text = token.lastgroup, token.group()
        if kind == "space":
            continue
        if month is not None:
            if kind != "number" or not _YEAR.fullmatch(text):
                raise _Unreadable(f'"{month}" needs a four-digit year after it')
            found.append(_month_end(int(text), MONTHS[_bare(month)]))
            month = None
        elif kind == "number" and (financial_year := _FINANCIAL_YEAR.fullmatch(text)):
            start = _fy_start(financial_year)
            if quarters:
                extra, month_number, day = _QUARTER_END[max(quarters)]
                found.append(date(start + extra, month_number, day))
                quarters = []
            else:
                found.append(date(start + 1, 3, 31))
        elif kind == "number" and not quarters:
            found.append(_number_date(text))
        elif kind == "number":
            raise _Unreadable(_QUARTER_NEEDS_FY)
        elif kind == "quarter":
            quarters.extend(_quarters(text))
        elif kind == "word" and _bare(text) in MONTHS:
            if text.endswith(".") and text[:-1].lower() not in _ABBREVIATIONS:
                raise _Unreadable(f'"{text}" is not a month')
            month = text
        elif kind == "word" and _bare(text) in _ALLOWED_WORDS:
            continue
        elif kind not in {"each_year", "punct"}:
            raise _Unreadable(f'"{text}" is not part of a date')
    if month is not None:
        raise _Unreadable(f'"{month}" needs a four-digit year after it')
    if quarters:
        raise _Unreadable(_QUARTER_NEEDS_FY)
    return found


def parse_due(text: str | None) -> DueParse:
    """Read a due date as written in a plan, with UK conventions. Never raises.

    "Ongoing"/"Each year" → recurring, no date. "TBA"/"TBC"/blank → nothing, no warning.
    "July 2009", "Sept 2010" → last day of the month; "2012" → 31 December. Numbers are
    day-month-year ("01-09-17", "23.8.17", "01/09/2017"; two-digit years are 20xx), or ISO
    "2017-09-01" as spreadsheets export it.
    Financial years end 31 March: "2018-19" → 31/3/2019, "Q1 2018-19" → 30/6/2018.
    When several dates are named ("2018-19 to 2019-20", "Q1-4 2018-19") the latest wins;
    "Ongoing" beside a date makes it recurring. The words target/by/due/to/and are ignored.
    Anything else gives no date and a warning.
    """
    raw = (text or "").strip()
    if not raw or _bare(raw) in _NOTHING_YET:
        return DueParse(None, False)
    recurring = bool(_RECURRING.search(raw))
    try:
        found = _dates_in(raw)
    except (_Unreadable, ValueError, OverflowError) as error:
        # ValueError/OverflowError: a well-formed but impossible date such as 31-02-17.
        reason = str(error) if isinstance(error, _Unreadable) else "that is not a real date"
        # A text that is one unknown word needs no reason beyond itself.
        suffix = "" if reason == f'"{raw}" is not part of a date' else f": {reason}"
        return DueParse(None, recurring, f'could not read a date from "{raw}"{suffix}')
    if not found and not recurring:
        return DueParse(None, False, f'could not read a date from "{raw}"')
    return DueParse(max(found, default=None), recurring)


# --- RAG and status ------------------------------------------------------------------------

RAG_VALUES = ("green", "amber", "red")
_RAG_ALIASES = {**{rag[0]: rag for rag in RAG_VALUES}, **{rag: rag for rag in RAG_VALUES}}


def parse_rag(value: str | None) -> str | None:
    """ "G", "amber", " Red " → the stored value; blank → None; anything else → RuleError."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        return _RAG_ALIASES[text.lower()]
    except KeyError:
        raise RuleError(
            f'unknown RAG "{text}": use G, A, R, green, amber, red or leave blank'
        ) from None


STATUS_VALUES = ("not_started", "in_progress", "complete", "ongoing", "deferred")
STATUS_LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "complete": "Complete",
    "ongoing": "Ongoing",
    "deferred": "Deferred",
}


def parse_status(value: str | None) -> str | None:
    """A status code or its label, any case; spaces, hyphens and underscores are the same."""
    text = (value or "").strip()
    if not text:
        return None
    code = re.sub(r"[\s_-]+", "_", text.lower())
    if code not in STATUS_VALUES:
        labels = ", ".join(STATUS_LABELS[code] for code in STATUS_VALUES)
        raise RuleError(f'unknown status "{text}": use one of {labels} or leave blank')
    return code


# --- Leads -----------------------------------------------------------------------------------


def split_leads(text: str | None) -> list[str]:
    """Leads as written in a plan ("BB IW", "IW / BB", "TB, AK Staff, ILEX reps") as a list.

    Commas, semicolons, slashes, "&" and the word "and" separate leads. Within each part an
    all-capitals token (initials such as "BB", "ILEX", "FTP") or a capitalised word starts a
    new lead, and a lower-case word joins the lead before it: "ILEX reps", "Awards dept",
    "Board members". Duplicates are dropped, keeping the first.
    """
    leads: list[str] = []
    for part in re.split(r"[,;/&]|\band\b", text or ""):
        in_part: list[str] = []
        for token in part.split():
            if token[:1].isupper() or not in_part:
                in_part.append(token)
            else:
                in_part[-1] = f"{in_part[-1]} {token}"
        leads.extend(in_part)
    return list(dict.fromkeys(leads))


# --- Overdue, due soon, stale, counts --------------------------------------------------------


def is_overdue(*, due_date: date | None, status: str | None, as_of: date) -> bool:
    """Past its due date (the due day itself is not overdue) and not complete."""
    return due_date is not None and due_date < as_of and status != "complete"


def is_due_within(
    *, due_date: date | None, status: str | None, as_of: date, days: int = 30
) -> bool:
    """Not complete and due between `as_of` and `as_of + days`, both days included."""
    if due_date is None or status == "complete":
        return False
    return as_of <= due_date <= as_of + timedelta(days=days)


def is_stale(
    *,
    last_progress_on: date | None,
    created_on: date,
    status: str | None,
    as_of: date,
    stale_after_days: int = 90,
) -> bool:
    """No progress (or, if none yet, creation) for more than `stale_after_days` days.

    Complete and deferred actions are never stale: nobody is expected to report on them.
    """
    if status in {"complete", "deferred"}:
        return False
    latest = max(created_on, last_progress_on or created_on)
    return (as_of - latest).days > stale_after_days


def rag_counts(rags: Iterable[str | None]) -> dict[str, int]:
    """How many of each RAG; blanks count as "none". "G" or "Green" count as green.

    An unrecognised value also counts as "none" so that one bad row cannot break a
    dashboard; `parse_rag` is what keeps bad values out in the first place.
    """
    counts = {"green": 0, "amber": 0, "red": 0, "none": 0}
    for rag in rags:
        counts[_RAG_ALIASES.get((rag or "").strip().lower(), "none")] += 1
    return counts
