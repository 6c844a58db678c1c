"""The scorecard's choices, declared once for its page, its API and its command: the
jurisdiction (none: all), the scheme (none: the ombudsman's), and the period's checks where a
person types it (the page): its end not before its start, ten years at most."""

from datetime import date

from touchstone.casework.models import Jurisdiction, Scheme

LONGEST_PERIOD_DAYS = 3660  # ten years of history: the longest a scorecard covers
JURISDICTIONS = tuple(Jurisdiction.values)
SCHEMES = tuple(Scheme.values)


def period_refusal(date_from: date, date_to: date) -> dict[str, str]:
    """What is wrong with a scorecard's period, by field ({}: nothing)."""
    if date_to < date_from:
        return {"to": "The end of the period must be the same as or after its start"}
    if (date_to - date_from).days > LONGEST_PERIOD_DAYS:
        return {"to": "The period can be at most ten years long"}
    return {}


def year_of(date_from: date) -> int:
    """The target year (April to March) a period starting on `date_from` falls in."""
    return date_from.year if date_from.month >= 4 else date_from.year - 1
