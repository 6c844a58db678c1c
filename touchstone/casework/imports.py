"""`touchstone casework import FILE.csv`: a history of cases on core's import framework. Every
row is checked first (row-numbered messages, nothing written on any problem), then the file is
written in one transaction through `services.case_record`; a reference already there is
brought up to date rather than duplicated."""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction

from touchstone.casework.models import SCHEME_ORGANISATION, ComplaintOutcome
from touchstone.casework.rules import COMPLEXITIES
from touchstone.casework.selectors import scheme_data
from touchstone.casework.services import CaseRecord, case_record
from touchstone.core.imports import Column, ImportRejected, ImportSpec, RowErrors
from touchstone.core.models import Organisation
from touchstone.register.selectors import NUMBER_PATTERN, public_get

COLUMNS = (
    "reference",
    "scheme",
    "jurisdiction",
    "complexity",
    "received_on",
    "accepted_on",
    "concluded_on",
    "outcome",
    "complainant_outcome_satisfied",
    "complainant_service_satisfied",
    "provider_outcome_satisfied",
    "provider_service_satisfied",
    "service_complaint",
    "provider",
    "area_of_law",
)
SPEC = ImportSpec(
    columns=tuple(
        Column(
            name,
            required=True,
            max_length=200 if name in ("provider", "area_of_law") else 40,
        )
        for name in COLUMNS
    ),
    unknown_message="unknown column(s) {names}: the columns are {columns}",
    missing_message="missing column(s) {names}",
    empty_message="the file has no rows",
)
ANSWERS = {"yes": True, "no": False, "": None}
JURISDICTIONS = ("legal", "cmc")
NUMBER = re.compile(NUMBER_PATTERN)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _dates(values: dict, row: int, errors: RowErrors) -> dict | None:
    found = {}
    for column in ("received_on", "accepted_on", "concluded_on"):
        text = values[column]
        try:
            found[column] = date.fromisoformat(text) if text else None
        except ValueError:
            errors.add(row, f'{column} must be a date like 2024-03-31, not "{text}"')
            return None
    received, accepted, concluded = found.values()
    if received is None:
        errors.add(row, "received_on is needed")
    elif accepted and accepted < received:
        errors.add(row, "accepted_on is before received_on")
    elif concluded and concluded < (accepted or received):
        errors.add(row, "concluded_on is before the case was received or accepted")
    else:
        return found
    return None


def _choice(values: dict, column: str, allowed, row: int, errors: RowErrors) -> bool:
    if values[column] in allowed:
        return True
    listed = ", ".join(a for a in allowed if a) + (" or blank" if "" in allowed else "")
    errors.add(row, f'{column} must be {listed}, not "{values[column]}"')
    return False


def _checked(row: int, values: dict, errors: RowErrors) -> dict | None:
    """The row's values as a CaseRecord's fields (the provider still as text), or None."""
    before = len(errors)
    for column in ("reference", "provider"):
        if not values[column]:
            errors.add(row, f"{column} is needed")
    scheme_ok = _choice(values, "scheme", tuple(SCHEME_ORGANISATION), row, errors)
    _choice(values, "jurisdiction", JURISDICTIONS, row, errors)
    _choice(values, "complexity", (*COMPLEXITIES, ""), row, errors)
    for column in COLUMNS[8:12]:
        _choice(values, column, tuple(ANSWERS), row, errors)
    _choice(values, "service_complaint", (*ComplaintOutcome.values, ""), row, errors)
    dates = _dates(values, row, errors)
    if scheme_ok:
        outcomes = [o["code"] for o in scheme_data(values["scheme"])["outcomes"]]
        if dates and dates["concluded_on"] and values["outcome"] not in outcomes:
            errors.add(row, f"outcome must be one of {', '.join(outcomes)} for a concluded case")
        elif dates and not dates["concluded_on"] and values["outcome"]:
            errors.add(row, "outcome is given but concluded_on is blank (blank while open)")
    if len(errors) > before:
        return None
    return dates


def _organisation(schemes: set[str], organisation: Organisation | None) -> Organisation:
    kinds = {SCHEME_ORGANISATION[scheme] for scheme in schemes}
    if organisation is not None:
        wrong = sorted(s for s in schemes if SCHEME_ORGANISATION[s] != organisation.kind)
        if wrong:
            raise ImportRejected(
                [f"{organisation.name} does not run the {', '.join(wrong)} scheme"]
            )
        return organisation
    candidates = list(Organisation.objects.filter(kind__in=kinds).order_by("slug")[:2])
    if len(kinds) != 1 or len(candidates) != 1:
        raise ImportRejected(
            ["name the organisation with --organisation SLUG (more than one may run these cases)"]
            if candidates
            else [f"there is no organisation of kind {', '.join(sorted(kinds))} to run these cases"]
        )
    return candidates[0]


def _provider(text: str, known: dict, as_of: date):
    """A register entry for a register number, else None (the name is kept as given)."""
    if not NUMBER.match(text):
        return None
    key = text.upper()
    if key not in known:
        try:
            known[key] = public_get(key, as_of=as_of)
        except ObjectDoesNotExist:
            known[key] = None
    return known[key]


def _record(values: dict, dates: dict, provider) -> CaseRecord:
    return CaseRecord(
        reference=values["reference"],
        scheme=values["scheme"],
        jurisdiction=values["jurisdiction"],
        complexity=values["complexity"],
        outcome=values["outcome"],
        satisfaction={
            party: (
                ANSWERS[values[f"{party}_outcome_satisfied"]],
                ANSWERS[values[f"{party}_service_satisfied"]],
            )
            for party in ("complainant", "provider")
        },
        service_complaint=values["service_complaint"],
        provider=provider,
        provider_name="" if provider else values["provider"],
        area_of_law=values["area_of_law"],
        **dates,
    )


@transaction.atomic
def cases_import(
    *, acting_user, organisation: Organisation | None, filename: str, data, size=None
) -> ImportResult:
    upload = SPEC.open(filename, data, size=size)
    errors = RowErrors()
    references: dict[str, int] = {}
    schemes: set[str] = set()
    for batch in upload.batches():
        for row, values in batch:
            upload.check_lengths(row, values, errors)
            if values["reference"] in references:
                errors.add(
                    row,
                    f"reference {values['reference']} is also on row "
                    f"{references[values['reference']]}",
                )
            references.setdefault(values["reference"], row)
            if _checked(row, values, errors) is not None:
                schemes.add(values["scheme"])
    errors.reject()
    organisation = _organisation(schemes, organisation)
    known: dict = {}
    created = updated = 0
    for batch in upload.batches():
        for row, values in batch:
            dates = _checked(row, values, errors)
            provider = _provider(values["provider"], known, dates["received_on"])
            try:
                _, new = case_record(
                    acting_user=acting_user,
                    organisation=organisation,
                    record=_record(values, dates, provider),
                )
            except ValidationError as exc:
                errors.add(row, "; ".join(exc.messages))
                continue
            created, updated = created + new, updated + (not new)
    errors.reject()  # a problem found while writing rolls everything back
    return ImportResult(created=created, updated=updated)
