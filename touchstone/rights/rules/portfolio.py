"""Step 3: whether a portfolio of logbook sheets and personal statements is complete.

Input (decoded JSON)::

    {"application_date": "2026-05-01", "include_optional": false,
     "applicant": {"name": "…", "membership_number": "…"},
     "supervisors": [{"name": "Ann Lee", "authorised": true, "current": false,
                      "declaration_examples": ["1.1(1)", "2.3"]}],
     "sheets": [{"example": "1.1(2)", "type": "logbook", "matter": "…", "document_type": "…",
                 "evidence": [{"description": "…", "date": "2025-03-01", "kind": "email"}],
                 "explanation": "…", "reflection": "…", "supervisor": "Ann Lee",
                 "age_explanation": null},
                {"example": "6.3", "type": "personal_statement", "reason": "…",
                 "work_date": "2025-01-10", "explanation": "…", "reflection": "…",
                 "supervisor": "…"}]}

Required: `application_date` and `sheets`. `include_optional` (default false), `supervisors`
(default none) and `applicant` may be left out; texts may be null. A missing or blank text on
a sheet is an INCOMPLETE_SHEET error, not malformed input; a present `date`/`work_date` that
is not an ISO date, an evidence `kind` the scheme does not list, or a `type` other than
"logbook" or "personal_statement" is malformed. `evidence` left out or null is none.

An example is written "1.1(2)" where the competency asks several per outcome, else "2.3"
("2.3(1)" means "2.3"; spaces are allowed, as in "1.1 (2)"). A sheet whose example is
unknown, or repeats an earlier sheet's, is reported and otherwise ignored. Supervisors are
matched by name, ignoring case and spacing; of two with one name, the first counts.

Where a competency needs distinct matters and document types (competency 1, §44), its
logbook sheets must name both (else INCOMPLETE_SHEET), and blank ones are never "the same".
A sheet reports each date rule once however many of its dates break it, and each
unacceptable kind once. EVIDENCE_EXCEPTIONAL_AGE is the only warning.

Each error and warning is {"code", "ref", "message"}: `ref` is the sheet's example as
normalised (as written for UNKNOWN_EXAMPLE), the outcome ("1.2") for the distinct-matter
checks, and null for TOO_MANY_PERSONAL_STATEMENTS. Order: the sheets' in sheet order, then
the number of statements, the distinctness checks and the missing examples in the scheme's
order. `required_examples`, `provided_examples` (distinct examples accepted) and
`personal_statements` (statements on accepted sheets) are counts."""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .common import (
    MalformedInput,
    as_bool,
    as_list,
    as_object,
    normalise_name,
    optional_text,
    parse_date,
    path,
    required,
    years_before,
)
from .scheme import Competency, Scheme

EXAMPLE = re.compile(r"^\s*([0-9]+\.[0-9]+)\s*(?:\(\s*([0-9]{1,9})\s*\))?\s*$")
SHEET_TYPES = ("logbook", "personal_statement")
LOGBOOK_TEXTS = ("explanation", "reflection", "supervisor")
STATEMENT_TEXTS = ("reason", "explanation", "reflection", "supervisor")


def portfolio_date(data: Any) -> date:
    """The day the portfolio is checked against: `data["application_date"]`, checked."""
    return parse_date(required(as_object(data, ""), "application_date"), "application_date")


@dataclass(frozen=True)
class Sheet:
    example: str
    statement: bool
    texts: dict[str, str]  # explanation, reflection, supervisor, reason, matter, …
    dates: tuple[date, ...]  # the evidence's dates, or the statement's work date
    kinds: tuple[str, ...]


def read_sheet(value: Any, index: int, kinds: dict) -> Sheet:
    where = path("sheets", index)
    data = as_object(value, where)
    example = required(data, "example", where)
    if not isinstance(example, str):
        raise MalformedInput(path(where, "example"), "must be a text")
    kind = required(data, "type", where)
    if kind not in SHEET_TYPES:
        raise MalformedInput(path(where, "type"), f"must be one of {', '.join(SHEET_TYPES)}")
    names = (*STATEMENT_TEXTS, "matter", "document_type", "age_explanation")
    texts = {name: optional_text(data, name, where) for name in names}
    statement = kind == "personal_statement"
    if statement:
        work_date = data.get("work_date")
        dates = (
            () if work_date in (None, "") else (parse_date(work_date, path(where, "work_date")),)
        )
        return Sheet(example, statement, texts, dates, ())
    evidence = data.get("evidence")
    items = [] if evidence is None else as_list(evidence, path(where, "evidence"))
    dates, found = [], []
    for i, item in enumerate(items):
        at = path(path(where, "evidence"), i)
        item = as_object(item, at)
        optional_text(item, "description", at)
        dates.append(parse_date(required(item, "date", at), path(at, "date")))
        found.append(required(item, "kind", at))
        if found[-1] not in kinds:
            raise MalformedInput(path(at, "kind"), f"must be one of {', '.join(kinds)}")
    return Sheet(example, statement, texts, tuple(dates), tuple(found))


def read_supervisors(data: dict, per_outcome: dict) -> dict[str, tuple[bool, bool, set]]:
    """Supervisors by normalised name: (authorised, current, declared examples normalised)."""
    found: dict[str, tuple[bool, bool, set]] = {}
    listed = data.get("supervisors")
    for i, value in enumerate([] if listed is None else as_list(listed, "supervisors")):
        where = path("supervisors", i)
        item = as_object(value, where)
        name = required(item, "name", where)
        if not isinstance(name, str):
            raise MalformedInput(path(where, "name"), "must be a text")
        authorised = as_bool(required(item, "authorised", where), path(where, "authorised"))
        current = as_bool(required(item, "current", where), path(where, "current"))
        declared = item.get("declaration_examples")
        declared = (
            [] if declared is None else as_list(declared, path(where, "declaration_examples"))
        )
        for j, ex in enumerate(declared):
            if not isinstance(ex, str):
                raise MalformedInput(path(path(where, "declaration_examples"), j), "must be a text")
        examples = {normalise_example(ex, per_outcome) for ex in declared}
        found.setdefault(normalise_name(name), (authorised, current, examples))
    return found


def normalise_example(text: str, per_outcome: dict[str, int]) -> str | None:
    """The example as the scheme numbers it ("1.1 (2)" → "1.1(2)", "2.1(1)" → "2.1"), or None
    when the scheme has no such example."""
    match = EXAMPLE.match(text)
    if not match or match[1] not in per_outcome:
        return None
    per, index = per_outcome[match[1]], match[2]
    if per == 1:
        return match[1] if index is None or int(index) == 1 else None
    if index is None or not 1 <= int(index) <= per:
        return None
    return f"{match[1]}({int(index)})"


def per_outcome(scheme: Scheme) -> dict[str, int]:
    """How many examples each outcome asks for, by outcome code."""
    return {o.code: c.examples_per_outcome for c in scheme.competencies for o in c.outcomes}


def examples_of(competency: Competency, include_optional: bool) -> list[str]:
    per = competency.examples_per_outcome
    return [
        o.code if per == 1 else f"{o.code}({k})"
        for o in competency.outcomes
        if include_optional or not o.optional
        for k in range(1, per + 1)
    ]


def outcome_of(example: str) -> str:
    return example.split("(")[0]


def date_codes(sheet: Sheet, applied: date, scheme: Scheme) -> list[str]:
    """What the sheet's dates break (§36, §41), each code once."""
    window = years_before(applied, scheme.evidence_window_years)
    oldest = years_before(applied, scheme.evidence_exceptional_max_years)
    codes = []
    for day in sheet.dates:
        if day > applied:
            codes.append("EVIDENCE_AFTER_APPLICATION")
        elif oldest is not None and day < oldest:
            codes.append("EVIDENCE_TOO_OLD")
        elif window is not None and day < window:
            explained = sheet.texts["age_explanation"]
            codes.append("EVIDENCE_EXCEPTIONAL_AGE" if explained else "EVIDENCE_AGE_UNEXPLAINED")
    return sorted(set(codes), key=codes.index)


def portfolio_check(data: Any, scheme: Scheme) -> dict:
    """The portfolio's errors (it is complete without any) and warnings, by the scheme."""
    applied = portfolio_date(data)
    kinds = {k.code: k for k in scheme.evidence_kinds}
    sheets = [
        read_sheet(v, i, kinds) for i, v in enumerate(as_list(required(data, "sheets"), "sheets"))
    ]
    include = data.get("include_optional")
    include = False if include is None else as_bool(include, "include_optional")
    applicant = data.get("applicant")
    if applicant is not None:
        for key in ("name", "membership_number"):
            optional_text(as_object(applicant, "applicant"), key, "applicant")
    competency = {o.code: c for c in scheme.competencies for o in c.outcomes}
    per = per_outcome(scheme)
    supervisors = read_supervisors(data, per)
    optional = {o.code for c in scheme.competencies for o in c.outcomes if o.optional}
    errors: list[dict] = []
    warnings: list[dict] = []

    def report(code: str, ref: str | None, **values: Any) -> None:
        listed = warnings if code == "EVIDENCE_EXCEPTIONAL_AGE" else errors
        listed.append({"code": code, "ref": ref, "message": scheme.rule(code, ref=ref, **values)})

    accepted: dict[str, Sheet] = {}
    for sheet in sheets:
        example = normalise_example(sheet.example, per)
        if example is None:
            report("UNKNOWN_EXAMPLE", sheet.example)
            continue
        if example in accepted:
            report("DUPLICATE_EXAMPLE", example)
            continue
        accepted[example] = sheet
        outcome = outcome_of(example)
        needs = STATEMENT_TEXTS if sheet.statement else LOGBOOK_TEXTS
        missing = [name for name in needs if not sheet.texts[name]]
        if sheet.statement and not sheet.dates:
            missing.append("work_date")
        if not sheet.statement and competency[outcome].distinct_matters:
            missing += [] if sheet.texts["matter"] else ["matter"]
        if not sheet.statement and competency[outcome].distinct_document_types:
            missing += [] if sheet.texts["document_type"] else ["document_type"]
        if missing:
            report("INCOMPLETE_SHEET", example, missing=", ".join(missing))
        if not sheet.statement and not sheet.dates:
            report("NO_EVIDENCE", example)
        for code in sorted(set(sheet.kinds), key=sheet.kinds.index):
            if not kinds[code].acceptable and outcome not in kinds[code].acceptable_for:
                report("UNACCEPTABLE_EVIDENCE", example, kind=kinds[code].text)
        for code in date_codes(sheet, applied, scheme):
            report(code, example)
        name = sheet.texts["supervisor"]
        if name:
            found = supervisors.get(normalise_name(name))
            authorised, current, declared = found or (True, True, set())
            if found is None:
                report("SUPERVISOR_UNKNOWN", example, supervisor=name)
            if not authorised:
                report("SUPERVISOR_NOT_AUTHORISED", example, supervisor=name)
            if not current and example not in declared:
                report("SUPERVISOR_DECLARATION_MISSING", example, supervisor=name)
    statements = sum(1 for s in accepted.values() if s.statement)
    if statements > scheme.max_personal_statements:
        report("TOO_MANY_PERSONAL_STATEMENTS", None, count=statements)
    logbooks: dict[str, list[Sheet]] = {}
    for example, sheet in accepted.items():
        if not sheet.statement:
            logbooks.setdefault(outcome_of(example), []).append(sheet)
    checks = (
        ("distinct_matters", "matter", "C1_MATTERS_NOT_DISTINCT"),
        ("distinct_document_types", "document_type", "C1_DOCUMENT_TYPES_NOT_DISTINCT"),
    )
    for c in scheme.competencies:
        for flag, text, code in checks:
            for o in c.outcomes if getattr(c, flag) else ():
                given = [normalise_name(s.texts[text]) for s in logbooks.get(o.code, [])]
                given = [g for g in given if g]
                if len(set(given)) < len(given):
                    report(code, o.code)
    include = include or any(outcome_of(e) in optional for e in accepted)
    required_examples = [e for c in scheme.competencies for e in examples_of(c, include)]
    for example in required_examples:
        if example not in accepted:
            report("MISSING_EXAMPLE", example)
    return {
        "complete": not errors,
        "required_examples": len(required_examples),
        "provided_examples": len(accepted),
        "personal_statements": statements,
        "scheme_version": scheme.version,
        "errors": errors,
        "warnings": warnings,
    }
