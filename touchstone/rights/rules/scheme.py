"""A practice-rights scheme as data: what one version of a specialism's handbook requires.

`scheme_from_dict` reads one resolved version (see `versions.resolve_scheme_document`) into a
`Scheme`, refusing a scheme the rules could not apply with `SchemeError`; `Scheme.to_dict`
gives the same dict back, so `scheme_from_dict(s.to_dict()) == s`. Nothing here is particular
to one specialism: its numbers, texts and the handbook paragraphs its rules cite are data."""

import re
import string
from dataclasses import dataclass
from datetime import date
from typing import Any

QE_CODES = (
    "NON_QUALIFYING_WORK",
    "COURSE_NOT_PASSED",
    "COURSE_ALREADY_CREDITED",
    "OVERLAP_COURSE_WORK",
)
PORTFOLIO_CODES = (
    "MISSING_EXAMPLE",
    "UNKNOWN_EXAMPLE",
    "DUPLICATE_EXAMPLE",
    "C1_MATTERS_NOT_DISTINCT",
    "C1_DOCUMENT_TYPES_NOT_DISTINCT",
    "TOO_MANY_PERSONAL_STATEMENTS",
    "EVIDENCE_AFTER_APPLICATION",
    "EVIDENCE_TOO_OLD",
    "EVIDENCE_EXCEPTIONAL_AGE",
    "EVIDENCE_AGE_UNEXPLAINED",
    "UNACCEPTABLE_EVIDENCE",
    "NO_EVIDENCE",
    "INCOMPLETE_SHEET",
    "SUPERVISOR_UNKNOWN",
    "SUPERVISOR_NOT_AUTHORISED",
    "SUPERVISOR_DECLARATION_MISSING",
)
# What a rule's message may name, besides the scheme's own numbers.
PLACEHOLDERS = ("paragraph", "ref", "kind", "course", "supervisor", "missing", "count")
NUMBERS = (
    "required_hours",
    "evidence_window_years",
    "evidence_exceptional_max_years",
    "max_personal_statements",
)
OUTCOME_CODE = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")


class SchemeError(ValueError):
    """A scheme the rules cannot apply: a key missing or of the wrong kind."""


@dataclass(frozen=True)
class Outcome:
    code: str  # "1.1"
    title: str
    optional: bool
    criteria: tuple[dict, ...]  # {"letter": "a", "text": ..., "bullets": [...]}, as written
    note: str


@dataclass(frozen=True)
class Competency:
    number: int
    title: str
    examples_per_outcome: int
    distinct_matters: bool  # each outcome's examples from different matters (§44)
    distinct_document_types: bool
    outcomes: tuple[Outcome, ...]
    note: str


@dataclass(frozen=True)
class EvidenceKind:
    code: str
    text: str
    acceptable: bool
    acceptable_for: tuple[str, ...]  # outcomes on which an unacceptable kind is accepted


@dataclass(frozen=True)
class Rule:
    paragraph: str  # the handbook paragraph it cites: "41"
    message: str  # a template: "... older than {evidence_window_years} years (handbook §41)"


@dataclass(frozen=True)
class Scheme:
    """One version of a scheme, resolved. `facts` keeps what the rules do not apply but pages
    show (qualifications, permitted activities, fees…) as the data gave it."""

    code: str
    name: str
    version: str
    effective_from: date
    required_hours: int
    qualifying_tasks: tuple[tuple[str, str], ...]  # (code, text)
    courses: tuple[tuple[str, str, int, str], ...]  # (code, name, credit hours, text)
    evidence_window_years: int
    evidence_exceptional_max_years: int
    max_personal_statements: int
    evidence_kinds: tuple[EvidenceKind, ...]
    competencies: tuple[Competency, ...]
    rules: tuple[tuple[str, Rule], ...]  # (code, rule)
    facts: tuple[tuple[str, Any], ...]  # (key, value), in the data's order

    def rule(self, code: str, **values: Any) -> str:
        """A rule's message with its paragraph, the scheme's numbers and `values` filled in."""
        found = dict(self.rules)[code]
        numbers = {name: getattr(self, name) for name in NUMBERS}
        return found.message.format_map({**numbers, "paragraph": found.paragraph, **values})

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "version": self.version,
            "effective_from": self.effective_from.isoformat(),
            "required_hours": self.required_hours,
            "qualifying_tasks": [{"code": c, "text": t} for c, t in self.qualifying_tasks],
            "courses": [
                {"code": c, "name": n, "credit_hours": h, "text": t} for c, n, h, t in self.courses
            ],
            "evidence_window_years": self.evidence_window_years,
            "evidence_exceptional_max_years": self.evidence_exceptional_max_years,
            "max_personal_statements": self.max_personal_statements,
            "evidence_kinds": {
                k.code: {
                    "text": k.text,
                    "acceptable": k.acceptable,
                    "acceptable_for": list(k.acceptable_for),
                }
                for k in self.evidence_kinds
            },
            "competencies": [_competency_dict(c) for c in self.competencies],
            "rules": {c: {"paragraph": r.paragraph, "message": r.message} for c, r in self.rules},
            **dict(self.facts),
        }


def _competency_dict(c: Competency) -> dict:
    return {
        "number": c.number,
        "title": c.title,
        "examples_per_outcome": c.examples_per_outcome,
        "distinct_matters": c.distinct_matters,
        "distinct_document_types": c.distinct_document_types,
        "outcomes": [
            {
                "code": o.code,
                "title": o.title,
                "optional": o.optional,
                "criteria": [dict(x) for x in o.criteria],
                "note": o.note,
            }
            for o in c.outcomes
        ],
        "note": c.note,
    }


KNOWN = {
    "code",
    "name",
    "version",
    "effective_from",
    "required_hours",
    "qualifying_tasks",
    "courses",
    "evidence_window_years",
    "evidence_exceptional_max_years",
    "max_personal_statements",
    "evidence_kinds",
    "competencies",
    "rules",
}


def _get(data: Any, key: str, kind: type | tuple, where: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise SchemeError(f"{where}: {key} is missing")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise SchemeError(f"{where}: {key} is not {_KIND_WORDS.get(kind, 'a text')}")
    return value


_KIND_WORDS = {int: "a whole number", bool: "true or false", list: "a list", dict: "a mapping"}


def _count(data: Any, key: str, where: str, least: int = 1) -> int:
    value = _get(data, key, int, where)
    if value < least:
        raise SchemeError(f"{where}: {key} must be at least {least}")
    return value


def _note(data: dict, where: str, key: str = "note") -> str:
    """An optional text: "" when missing or null."""
    return "" if data.get(key) is None else _get(data, key, str, where)


def _outcome(data: Any, where: str) -> Outcome:
    code = _get(data, "code", str, where)
    if not OUTCOME_CODE.match(code):
        raise SchemeError(f"{where}: outcome code {code!r} is not written like 1.1")
    criteria = _get(data, "criteria", list, where)
    for i, item in enumerate(criteria):
        _get(item, "letter", str, f"{where}.criteria[{i}]")
        _get(item, "text", str, f"{where}.criteria[{i}]")
    return Outcome(
        code=code,
        title=_get(data, "title", str, where),
        optional=_get(data, "optional", bool, where),
        criteria=tuple(dict(x) for x in criteria),
        note=_note(data, where),
    )


def _competency(data: Any, where: str) -> Competency:
    number = _count(data, "number", where)
    outcomes = tuple(
        _outcome(o, f"{where}.outcomes[{i}]")
        for i, o in enumerate(_get(data, "outcomes", list, where))
    )
    for o in outcomes:
        if o.code.split(".")[0] != str(number):
            raise SchemeError(f"{where}: outcome {o.code} is not in competency {number}")
    return Competency(
        number=number,
        title=_get(data, "title", str, where),
        examples_per_outcome=_count(data, "examples_per_outcome", where),
        distinct_matters=_get(data, "distinct_matters", bool, where),
        distinct_document_types=_get(data, "distinct_document_types", bool, where),
        outcomes=outcomes,
        note=_note(data, where),
    )


def _rule(code: str, rules: dict) -> tuple[str, Rule]:
    where = f"rules.{code}"
    if code not in rules:
        raise SchemeError(f"rules: {code} is missing")
    rule = Rule(
        _get(rules[code], "paragraph", str, where), _get(rules[code], "message", str, where)
    )
    named = {field for _, field, _, _ in string.Formatter().parse(rule.message) if field}
    unknown = sorted(named - set(PLACEHOLDERS) - set(NUMBERS))
    if unknown:
        raise SchemeError(f"{where}: the message names {', '.join(unknown)}, which no rule gives")
    return code, rule


def scheme_from_dict(resolved: dict) -> Scheme:
    """The `Scheme` one resolved version describes; `SchemeError` says what is wrong with it."""
    if not isinstance(resolved, dict):
        raise SchemeError("scheme: a scheme is a mapping")
    where = "scheme"
    written = _get(resolved, "effective_from", str, where)
    try:
        effective_from = date.fromisoformat(written)
    except ValueError:
        raise SchemeError("scheme: effective_from is not a date written YYYY-MM-DD") from None
    tasks = _get(resolved, "qualifying_tasks", list, where)
    courses = _get(resolved, "courses", list, where)
    kinds = _get(resolved, "evidence_kinds", dict, where)
    competencies = tuple(
        _competency(c, f"competencies[{i}]")
        for i, c in enumerate(_get(resolved, "competencies", list, where))
    )
    codes = [o.code for c in competencies for o in c.outcomes]
    if not codes or len(set(codes)) != len(codes):
        raise SchemeError("competencies: each outcome must appear once, and there must be one")
    rules = _get(resolved, "rules", dict, where)
    window = _count(resolved, "evidence_window_years", where)
    exceptional = _count(resolved, "evidence_exceptional_max_years", where)
    if exceptional < window:
        raise SchemeError("scheme: evidence_exceptional_max_years is less than the window")
    return Scheme(
        code=_get(resolved, "code", str, where),
        name=_get(resolved, "name", str, where),
        version=_get(resolved, "version", str, where),
        effective_from=effective_from,
        required_hours=_count(resolved, "required_hours", where),
        qualifying_tasks=tuple(
            (
                _get(t, "code", str, f"qualifying_tasks[{i}]"),
                _get(t, "text", str, f"qualifying_tasks[{i}]"),
            )
            for i, t in enumerate(tasks)
        ),
        courses=tuple(
            (
                _get(c, "code", str, f"courses[{i}]"),
                _get(c, "name", str, f"courses[{i}]"),
                _count(c, "credit_hours", f"courses[{i}]", least=0),
                _note(c, f"courses[{i}]", "text"),
            )
            for i, c in enumerate(courses)
        ),
        evidence_window_years=window,
        evidence_exceptional_max_years=exceptional,
        max_personal_statements=_count(resolved, "max_personal_statements", where, least=0),
        evidence_kinds=tuple(
            EvidenceKind(
                code=code,
                text=_get(k, "text", str, f"evidence_kinds.{code}"),
                acceptable=_get(k, "acceptable", bool, f"evidence_kinds.{code}"),
                acceptable_for=tuple(_get(k, "acceptable_for", list, f"evidence_kinds.{code}")),
            )
            for code, k in kinds.items()
        ),
        competencies=competencies,
        rules=tuple(_rule(code, rules) for code in (*QE_CODES, *PORTFOLIO_CODES)),
        facts=tuple((k, v) for k, v in resolved.items() if k not in KNOWN),
    )
