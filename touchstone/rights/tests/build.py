"""The schemes the tests read, and inputs built for them: a complete portfolio to spoil one
way at a time, and periods of experience."""

from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

from touchstone.rights.rules import Scheme, resolve_scheme_document, scheme_from_dict

HERE = Path(__file__).resolve().parent
IMMIGRATION = HERE.parent / "reference" / "immigration.yaml"
PROBATE = HERE / "schemes" / "probate.yaml"


def document(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def schemes(path: Path = IMMIGRATION) -> tuple[Scheme, ...]:
    return tuple(scheme_from_dict(v) for v in resolve_scheme_document(document(path)))


def immigration() -> Scheme:
    return schemes(IMMIGRATION)[0]


def probate() -> Scheme:
    return schemes(PROBATE)[0]


APPLIED = date(2026, 5, 10)
SUPERVISOR = "Ann Lee"


def examples(scheme: Scheme, optional: bool = False) -> list[str]:
    found = []
    for c in scheme.competencies:
        for o in c.outcomes:
            if optional or not o.optional:
                per = c.examples_per_outcome
                found += [o.code] if per == 1 else [f"{o.code}({k})" for k in range(1, per + 1)]
    return found


def logbook(
    example: str, *, day: date = APPLIED - timedelta(days=30), kind: str = "email", **extra
):
    sheet = {
        "example": example,
        "type": "logbook",
        "matter": f"matter {example}",
        "document_type": f"document {example}",
        "evidence": [{"description": "a letter", "date": day.isoformat(), "kind": kind}],
        "explanation": "how the outcome was met",
        "reflection": "what was learnt",
        "supervisor": SUPERVISOR,
        "age_explanation": None,
    }
    return {**sheet, **extra}


def statement(example: str, *, day: date = APPLIED - timedelta(days=30), **extra):
    sheet = {
        "example": example,
        "type": "personal_statement",
        "reason": "it was a verbal conversation",
        "work_date": day.isoformat(),
        "explanation": "how the outcome was met",
        "reflection": "what was learnt",
        "supervisor": SUPERVISOR,
    }
    return {**sheet, **extra}


def portfolio(scheme: Scheme, *, optional: bool = False, sheets=None, **extra) -> dict:
    """A complete portfolio for the scheme (every example on a logbook sheet of its own)."""
    data = {
        "application_date": APPLIED.isoformat(),
        "include_optional": optional,
        "applicant": {"name": "Sam Jones", "membership_number": "12345"},
        "supervisors": [{"name": SUPERVISOR, "authorised": True, "current": True}],
        "sheets": [logbook(e) for e in examples(scheme, optional)] if sheets is None else sheets,
    }
    return {**data, **extra}


def replace(data: dict, example: str, sheet: dict) -> dict:
    """The portfolio with the sheet for `example` replaced by `sheet`."""
    sheets = [sheet if s["example"] == example else s for s in data["sheets"]]
    return {**data, "sheets": sheets}


def codes(result: dict, key: str = "errors") -> list[tuple[str, str | None]]:
    return [(e["code"], e["ref"]) for e in result[key]]


def work(start: str, end: str | None, hours, tasks=("advising",), **extra) -> dict:
    return {
        "kind": "work",
        "start": start,
        "end": end,
        "hours": hours,
        "tasks": list(tasks),
        **extra,
    }


def course(start: str, end: str | None, passed: bool = True, kind: str = "lpc") -> dict:
    return {"kind": kind, "start": start, "end": end, "passed": passed}
