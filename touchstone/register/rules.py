"""Pure rules for the register: tolerant name matching, finding visibility, CPD status,
the public standing in words, and the CPD monitoring sample. No database, no clock."""

import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

MAX_QUERY_WORDS = 6
MAX_WORD_LENGTH = 40


def fold(text: str) -> str:
    """Lower-case and strip accents: "Zoë O'Brien" → "zoe o'brien"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_words(text: str) -> list[str]:
    """The words of a name, folded, without punctuation: "O'Brien-Smith" → obrien smith."""
    folded = fold(text).replace("'", "").replace("’", "")
    return [w[:MAX_WORD_LENGTH] for w in re.split(r"[^a-z0-9]+", folded) if w]


def search_name(text: str) -> str:
    return " ".join(name_words(text))


def order_name(*, kind: str, given_names: str, family_name: str, entity_name: str) -> str:
    """The name as the register is ordered: family name, then given names, folded and without
    a title ("Mr John O'Brien" → "obrien john"); an entity by its name."""
    if kind == "entity":
        return search_name(entity_name)
    return search_name(f"{family_name} {given_names}")


def normalise_town(text: str) -> str:
    """A town as searched: folded, single-spaced ("  King's  Lynn" → "king's lynn")."""
    return " ".join(fold(text).split())[:100]


def normalise_postcode(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


POSTCODE_START = re.compile(r"^[a-z]{1,2}[0-9]")


def searchable_postcode(*, kind: str, postcode: str) -> str:
    """The postcode the public search may match, folded: an entity's (its business address,
    where the register lists it as practising); never an individual's, which is private —
    the public filter finds individuals by town only, so no prefix can confirm their postcode."""
    return normalise_postcode(postcode) if kind == "entity" else ""


def postcode_prefix(text: str) -> str:
    """The postcode searched for, when the text is one or the start of one ("MK40", "sw1a 1")
    — letters then a digit, which no town name has; "" for a town."""
    folded = normalise_postcode(text)
    return folded if POSTCODE_START.match(folded) else ""


def deletion_keys(word: str) -> set[str]:
    """The word and every word made by deleting one letter (symmetric-delete matching).

    Two words are one typo apart — a letter added, dropped or changed, or two neighbouring
    letters swapped ("jon"/"john", "smyth"/"smith", "jhon"/"john") — when their key sets
    meet, so a typo in each word can be looked up with an index (`selectors.names`). Words of
    two letters or fewer have only themselves as key: they are found as written or by a
    longer word that contains them with one letter more.
    """
    keys = {word}
    if len(word) > 2:
        keys.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    return keys


def finding_publication(
    *, publish: bool, publish_from: date | None, publish_until: date | None, as_of: date
) -> str:
    """Where a finding stands with the public on `as_of`: "not_published", "scheduled" (to
    appear from a later day), "published" or "ended" (its publication period is over).

    The public sees exactly the "published" ones: the first and last days of the period
    included. `selectors.items.visible_findings` is the same rule as a query."""
    if not publish:
        return "not_published"
    if publish_from is not None and as_of < publish_from:
        return "scheduled"
    if publish_until is not None and as_of > publish_until:
        return "ended"
    return "published"


@dataclass(frozen=True)
class CpdActivityData:
    hours: Decimal
    activity_type: str


CPD_STATUS_LABELS = {
    "compliant": "Compliant",
    "shortfall": "Shortfall",
    "not_submitted": "Not submitted",
}


def cpd_status(
    *,
    submitted: bool,
    activities: Iterable[CpdActivityData],
    minimum_hours: Decimal,
    required_types: Iterable[str] = (),
) -> str:
    """ "not_submitted", "compliant" or "shortfall" for one year's record."""
    if not submitted:
        return "not_submitted"
    activities = list(activities)
    hours = sum((a.hours for a in activities), Decimal(0))
    types = {a.activity_type.strip().lower() for a in activities}
    missing = {t.strip().lower() for t in required_types} - types
    return "compliant" if hours >= minimum_hours and not missing else "shortfall"


DEFAULT_MINIMUM_HOURS = Decimal(12)


@dataclass(frozen=True)
class CpdSchemeData:
    effective_from: date
    minimum_hours: Decimal
    required_types: tuple[str, ...] = ()


def scheme_in_force(schemes: Iterable[CpdSchemeData], year: int) -> CpdSchemeData:
    """The scheme that governs a CPD year: the latest one in force on 1 January of that year
    (a scheme changed mid-year applies from the next year). Without one: 12 hours a year."""
    start = date(year, 1, 1)
    in_force = [s for s in schemes if s.effective_from <= start]
    if not in_force:
        return CpdSchemeData(date.min, DEFAULT_MINIMUM_HOURS)
    return max(in_force, key=lambda s: s.effective_from)


def cpd_years(schemes: Iterable[CpdSchemeData], *, this_year: int) -> range:
    """The CPD years there can be a record for: from the year the first scheme came into force
    to the current year. Without a scheme: this year only."""
    starts = [s.effective_from.year for s in schemes]
    return range(min(starts, default=this_year), this_year + 1)


def cpd_year_problem(year: int, years: range) -> str | None:
    """Why a CPD year cannot be used, in words, or None."""
    if year in years:
        return None
    if year > years[-1]:
        return f"{year} has not started: the latest CPD year is {years[-1]}"
    return f"The CPD scheme started in {years[0]}: enter a year from {years[0]} to {years[-1]}"


def sample_size_problem(size: int, population: int) -> str | None:
    """A monitoring sample takes at least one member and at most the whole population."""
    if size < 1:
        return "The sample needs at least one member"
    if size > population:
        members = "member" if population == 1 else "members"
        return (
            f"The sample can be at most {population}: that year has {population} {members} "
            "to monitor"
        )
    return None


def cpd_year_end(year: int) -> date:
    """A CPD year is the calendar year; its record is due by 31 December."""
    return date(year, 12, 31)


def cpd_year_ended(year: int, *, as_of: date) -> bool:
    """Whether the CPD year is over (members can still add to, and submit, a year that is not)."""
    return as_of > cpd_year_end(year)


def monitoring_sample(numbers: Sequence[str], *, size: int, seed: int) -> list[str]:
    """A reproducible random sample: the same numbers and seed always give the same sample."""
    population = sorted(numbers)
    return sorted(random.Random(seed).sample(population, min(size, len(population))))


class Tone(StrEnum):
    """What a status means to someone checking the register, and so the colour of its tag."""

    AUTHORISED = "authorised"  # may practise under their rights
    RESTRICTED = "restricted"  # may practise, with conditions on a right
    NOT_AUTHORISED = "not_authorised"  # on the register, may not practise (suspended, …)
    LEFT = "left"  # no longer registered (lapsed, resigned)


@dataclass(frozen=True)
class RightInWords:
    plain: str  # "immigration work"
    conditions: bool = False


@dataclass(frozen=True)
class Standing:
    """A registrant's public standing: a headline true and complete on its own, its tone,
    and the notes that must be read with it."""

    tone: Tone
    headline: str
    notes: tuple[str, ...] = ()


def _listed(items: Sequence[str]) -> str:
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]


def public_standing(
    *,
    status_name: str,
    authorised: bool,
    registered: bool = True,
    status_since: date | None = None,
    rights: Sequence[RightInWords] = (),
    firm: bool = False,
    listed_activities: bool = False,
    published_findings: int = 0,
) -> Standing:
    """What a consumer needs to know about a registrant, for the page and the search result.

    A right held under conditions says so in the headline; a firm authorised for activities
    listed on its page says that rather than "no specific practice rights"; rights held while
    not authorised are said not to be usable; a published finding beside an authorised status
    is explained."""
    notes: list[str] = []
    if authorised:
        if rights:
            words = [f"{r.plain} (with conditions)" if r.conditions else r.plain for r in rights]
            headline = f"Authorised: may carry out {_listed(words)}"
        elif firm and listed_activities:
            headline = "Authorised: a regulated firm, for the activities listed below"
        elif firm:
            headline = "Authorised: a regulated firm, with no specific practice rights"
        else:
            headline = "Authorised: registered, with no specific practice rights"
        tone = Tone.RESTRICTED if any(r.conditions for r in rights) else Tone.AUTHORISED
        if published_findings:
            notes.append(
                "A disciplinary finding has been published (see below). The status above is "
                "what they may do now."
            )
        return Standing(tone, headline, tuple(notes))
    since = f" since {status_since.day} {status_since:%B %Y}" if status_since else ""
    if registered:
        headline = f"{status_name}{since}: not authorised to practise"
        tone = Tone.NOT_AUTHORISED
    else:
        headline = f"{status_name}{since}: no longer registered, so not authorised to practise"
        tone = Tone.LEFT
    if rights:
        notes.append(f"The practice rights below cannot be used while the status is {status_name}.")
    return Standing(tone, headline, tuple(notes))
