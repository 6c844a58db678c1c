"""The supervisor's reference (§24-25, §62-64): what the supervisor is asked, whether the name
they give is the name the register holds, and whether a reference is recent enough to be used
again with the application (§62)."""

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .scheme import Scheme

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor"}


@dataclass(frozen=True)
class Point:
    code: str
    text: str  # as the handbook writes it, to the applicant
    ask: str  # as the supervisor is asked it


@dataclass(frozen=True)
class ReferenceTerms:
    paragraph: str
    link_valid_days: int
    remind_after_days: int
    points: tuple[Point, ...]
    qualifications: tuple[str, ...]  # what makes a supervisor an authorised person (§24)
    reuse_months: int | None  # §62


DEFAULT_LINK_DAYS, DEFAULT_REMIND_DAYS = 28, 7


def reference_terms(scheme: Scheme) -> ReferenceTerms:
    """What a scheme asks of a supervisor's reference. A scheme whose file says nothing of it
    asks for the supervisor's details and a comment, with the default link times."""
    facts = dict(scheme.facts)
    given = facts.get("supervisor_reference") or {}
    return ReferenceTerms(
        paragraph=str(given.get("paragraph", "")),
        link_valid_days=int(given.get("link_valid_days", DEFAULT_LINK_DAYS)),
        remind_after_days=int(given.get("remind_after_days", DEFAULT_REMIND_DAYS)),
        points=tuple(
            Point(str(p["code"]), str(p["text"]), str(p.get("ask", p["text"])))
            for p in given.get("points", [])
        ),
        qualifications=tuple(facts.get("authorised_supervisor_qualifications") or ()),
        reuse_months=facts.get("supervisor_reference_reuse_months"),
    )


def name_key(name: str) -> str:
    """A name as compared: accents, case, punctuation, titles and spacing set aside."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = re.sub(r"[^a-z0-9 ]+", " ", plain).split()
    return " ".join(w for w in words if w not in _TITLES)


def names_match(given: str, held: str) -> bool:
    """The supervisor's name as given is the name the register holds: the same words, or the
    same first and last word (a middle name left out)."""
    a, b = name_key(given).split(), name_key(held).split()
    if not a or not b:
        return False
    return a == b or (a[0] == b[0] and a[-1] == b[-1])


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has no such day)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reference_reusable(*, given_on: date, application_date: date, months: int) -> bool:
    """§62: a reference given for qualifying experience may go with the application when it
    is dated less than `months` months before the application date."""
    return months_before(application_date, months) < given_on <= application_date
