"""Pure rules for plans: reading due dates as written, RAG and status vocabularies, leads,
and the overdue / due-soon / stale tests. No database, no clock: callers pass `as_of`."""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


class RuleError(ValueError):
    """A value that the rules cannot accept (an unknown RAG or status)."""


@dataclass(frozen=True)
class DueParse:
    due_date: date | None
    recurring: bool
    warning: str | None = None


MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9

_RECURRING_WORDS = re.compile(r"\b(ongoing|each\s+year|annually|annual)\b", re.IGNORECASE)
_FILLER = re.compile(r"\b(target|by|due|to|and|from|end\s+of|the)\b", re.IGNORECASE)
_QUARTER_END = {1: (6, 30), 2: (9, 30), 3: (12, 31), 4: (3, 31)}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _fy_end(start_year: int) -> date:
    return date(start_year + 1, 3, 31)


def _quarter_end(quarter: int, start_year: int) -> date:
    month, day = _QUARTER_END[quarter]
    return date(start_year + 1 if quarter == 4 else start_year, month, day)


def _fy_start(first: str, second: str) -> int | None:
    """The start year of a financial year written "2018-19", "2018/19" or "2018-2019"."""
    start = int(first)
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if len(second) == 2 and end < start:
        end += 100
    return start if end == start + 1 else None


def _two_digit_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


# Each pattern finds one kind of date expression; `_dates_in` turns matches into dates.
_FY = r"(?P<{p}fy1>\d{{4}})\s*[-/]\s*(?P<{p}fy2>\d{{4}}|\d{{2}})(?!\d)"
_PATTERNS = [
    (
        "quarter",
        re.compile(
            r"\bQ(?P<q1>[1-4])(?:\s*(?:-|to)\s*Q?(?P<q2>[1-4]))?\s+" + _FY.format(p="q"),
            re.IGNORECASE,
        ),
    ),
    ("fy", re.compile(r"(?<!\d)" + _FY.format(p=""))),
    (
        "numeric",
        re.compile(r"(?<![\d.\-/])(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>\d{4}|\d{2})(?!\d)"),
    ),
    ("month_year", re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d{4})\b")),
    ("year", re.compile(r"(?<![\d\-/.])(?P<year>(?:19|20)\d{2})(?![\d\-/.])")),
]


def _match_date(kind: str, match: re.Match) -> date | None | str:
    """The date a match stands for; None when the expression is not a real date;
    "skip" when the text is not a date expression of this kind at all."""
    groups = match.groupdict()
    if kind == "quarter":
        start = _fy_start(groups["qfy1"], groups["qfy2"])
        if start is None:
            return None
        return _quarter_end(int(groups["q2"] or groups["q1"]), start)
    if kind == "fy":
        start = _fy_start(groups["fy1"], groups["fy2"])
        return _fy_end(start) if start is not None else None
    if kind == "numeric":
        try:
            return date(_two_digit_year(groups["y"]), int(groups["m"]), int(groups["d"]))
        except ValueError:
            return None
    if kind == "month_year":
        month = MONTHS.get(groups["month"].lower())
        return _month_end(int(groups["year"]), month) if month else "skip"
    return date(int(groups["year"]), 12, 31)


def _dates_in(text: str) -> tuple[list[date], str, bool]:
    """Every date named in the text, the text left over, and whether an invalid date was seen."""
    found: list[date] = []
    invalid = False
    remaining = text
    for kind, pattern in _PATTERNS:
        pieces = []
        last = 0
        for match in pattern.finditer(remaining):
            value = _match_date(kind, match)
            if value == "skip":
                continue
            if value is None:
                invalid = True
            else:
                found.append(value)
            pieces.append(remaining[last : match.start()])
            last = match.end()
        pieces.append(remaining[last:])
        remaining = " ".join(pieces)
    return found, remaining, invalid


def parse_due(text: str | None) -> DueParse:
    """Read a due date as written in a plan, with UK conventions.

    "Ongoing"/"Each year" → recurring, no date; "TBA"/"TBC"/blank → nothing; "July 2009" → last
    day of the month; "2012" → 31 December; "01-09-17", "23.8.17", "01/09/2017" → day first;
    financial years end 31 March ("2018-19", "Q1 2018-19" → 30 June 2018, ranges → the latest);
    a date with "Ongoing" → that date, recurring. Anything else → no date and a warning.
    """
    raw = (text or "").strip()
    if not raw or raw.lower().rstrip(".") in {"tba", "tbc", "n/a", "-"}:
        return DueParse(None, False)
    recurring = bool(_RECURRING_WORDS.search(raw))
    found, remaining, invalid = _dates_in(raw)
    leftover = _FILLER.sub(" ", _RECURRING_WORDS.sub(" ", remaining))
    leftover = re.sub(r"[\s,.;:()\-–/&]+", "", leftover)
    if invalid or leftover:
        return DueParse(None, recurring, f'could not read a date from "{raw}"')
    return DueParse(max(found) if found else None, recurring)


RAG_VALUES = ("green", "amber", "red")
_RAG_ALIASES = {"g": "green", "a": "amber", "r": "red", **{v: v for v in RAG_VALUES}}


def parse_rag(value: str | None) -> str | None:
    text = (value or "").strip().lower()
    if not text:
        return None
    if text not in _RAG_ALIASES:
        raise RuleError(
            f'unknown RAG "{value.strip()}": use G, A, R, green, amber, red or leave blank'
        )
    return _RAG_ALIASES[text]


STATUS_VALUES = ("not_started", "in_progress", "complete", "ongoing", "deferred")
STATUS_LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "complete": "Complete",
    "ongoing": "Ongoing",
    "deferred": "Deferred",
}


def parse_status(value: str | None) -> str | None:
    text = re.sub(r"[\s\-_]+", "_", (value or "").strip().lower())
    if not text:
        return None
    if text not in STATUS_VALUES:
        allowed = ", ".join(label.lower() for label in STATUS_LABELS.values())
        raise RuleError(f'unknown status "{value.strip()}": use {allowed} or leave blank')
    return text


def split_leads(text: str | None) -> list[str]:
    """Leads as written ("BB IW", "IW / BB", "TB, AK Staff, ILEX reps") as a list.

    Commas, semicolons and slashes separate leads. Within a part, an all-capitals token
    (initials, "ILEX") stands alone, a capitalised word starts a new lead, and a lower-case word
    joins the lead before it ("Awards dept", "ILEX reps", "Board members").
    """
    leads: list[str] = []
    for part in re.split(r"[,;/]", text or ""):
        current: list[str] = []
        for token in part.split():
            if token.isupper() or token[:1].isupper():
                if current:
                    leads.append(" ".join(current))
                current = [token]
            elif current:
                current.append(token)
            else:
                current = [token]
        if current:
            leads.append(" ".join(current))
    return list(dict.fromkeys(lead.strip() for lead in leads if lead.strip()))


def is_overdue(*, due_date: date | None, status: str | None, as_of: date) -> bool:
    return due_date is not None and due_date < as_of and status != "complete"


def is_due_within(
    *, due_date: date | None, status: str | None, as_of: date, days: int = 30
) -> bool:
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
    """No progress for more than `stale_after_days` (counting from creation if none yet)."""
    if status in {"complete", "deferred"}:
        return False
    latest = max(d for d in (last_progress_on, created_on) if d is not None)
    return (as_of - latest).days > stale_after_days


def rag_counts(rags: Iterable[str | None]) -> dict[str, int]:
    counts = {"green": 0, "amber": 0, "red": 0, "none": 0}
    for rag in rags:
        counts[rag if rag in RAG_VALUES else "none"] += 1
    return counts
