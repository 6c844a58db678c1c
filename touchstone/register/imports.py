"""Register imports on core's import framework: every row is checked before anything is
written, then the file is written in batches in one transaction (all or nothing). The file is
streamed twice (check, then write), so a large register never sits in memory whole."""

from dataclasses import dataclass
from datetime import date
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.core.imports import Column, ImportRejected, ImportSpec, RowErrors
from touchstone.core.lookups import ReferenceIndex
from touchstone.core.models import Organisation
from touchstone.core.permissions import require_perm
from touchstone.register.models import Category, Kind, Registrant, RightType, Status
from touchstone.register.services import (
    NewRegistrant,
    finding_record,
    registrant_build,
    registrants_create_many,
)

REGISTRANT_COLUMNS = (
    "number",
    "kind",
    "title",
    "given_names",
    "family_name",
    "entity_name",
    "category",
    "status",
    "admitted_on",
    "rights",
    "entity",
    "town",
    "postcode",
    "email",
    "date_of_birth",
    "home_address",
)
FINDING_COLUMNS = ("number", "date", "body", "summary", "sanction", "publish", "publish_until")


def _spec(columns: tuple[str, ...], required: set[str]) -> ImportSpec:
    return ImportSpec(
        columns=tuple(Column(name, required=name in required) for name in columns),
        unknown_message="unknown column(s) {names}: the columns are {columns}",
        missing_message="missing column(s) {names}",
        empty_message="the file has no rows",
    )


REGISTRANT_SPEC = _spec(REGISTRANT_COLUMNS, {"number", "kind", "status"})
FINDING_SPEC = _spec(FINDING_COLUMNS, {"number", "date", "body", "summary", "sanction", "publish"})

__all__ = [
    "FINDING_COLUMNS",
    "FINDING_SPEC",
    "REGISTRANT_COLUMNS",
    "REGISTRANT_SPEC",
    "ImportRejected",
    "ImportResult",
    "findings_import",
    "registrants_import",
]


@dataclass(frozen=True)
class ImportResult:
    created: int


def _date(value: str, row: int, column: str, errors: RowErrors) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.add(row, f'{column} must be a date like 2024-03-31, not "{value}"')
        return None


class _Reference:
    """The reference data a registrant row names, read once for the whole file."""

    def __init__(self):
        self.statuses = ReferenceIndex(Status.objects.all())
        self.categories = ReferenceIndex(Category.objects.all())
        self.rights = {r.code: r for r in RightType.objects.all()}


def _registrant_row(
    row: int,
    values: dict[str, str],
    ref: _Reference,
    regulator,
    errors: RowErrors,
    *,
    validate: bool = True,
) -> NewRegistrant | None:
    """The registrant a row describes (entity not yet attached), or None with its problems
    added to `errors`. Pure but for the reference data: the same in the check and the write."""
    before = len(errors)
    kind = values["kind"].strip().lower()
    if kind not in Kind.values:
        errors.add(row, f'kind must be individual or entity, not "{kind}"')
    status = ref.statuses.get(values["status"])
    if status is None:
        errors.add(row, f'unknown status "{values["status"]}"')
    category = None
    if values["category"]:
        category = ref.categories.get(values["category"])
        if category is None:
            errors.add(row, f'unknown category "{values["category"]}"')
    codes = [c.strip().lower() for c in values["rights"].split(";") if c.strip()]
    for code in codes:
        if code not in ref.rights:
            errors.add(row, f'unknown right "{code}"')
    if kind == Kind.INDIVIDUAL and not values["family_name"]:
        errors.add(row, "an individual needs a family_name")
    if kind == Kind.ENTITY and not values["entity_name"]:
        errors.add(row, "an entity needs an entity_name")
    admitted_on = _date(values["admitted_on"], row, "admitted_on", errors)
    date_of_birth = _date(values["date_of_birth"], row, "date_of_birth", errors)
    if len(errors) != before:
        return None
    new = NewRegistrant(
        status=status,
        fields={
            "number": values["number"].strip(),
            "kind": kind,
            "title": values["title"],
            "given_names": values["given_names"],
            "family_name": values["family_name"],
            "entity_name": values["entity_name"],
            "category": category,
            "admitted_on": admitted_on,
            "town": values["town"],
            "postcode": values["postcode"],
            "email": values["email"],
            "date_of_birth": date_of_birth,
            "home_address": values["home_address"],
        },
        rights=tuple(ref.rights[code] for code in codes),
    )
    if not validate:  # checked in the first pass; registrants_create_many validates again
        return new
    try:
        registrant_build(regulator=regulator, status=status, **new.fields)
    except ValidationError as exc:
        for message in exc.messages:
            errors.add(row, message)
        return None
    return new


def _existing_entities(regulator, numbers: set[str]) -> dict[str, Registrant]:
    if not numbers:
        return {}
    return {
        r.number: r
        for r in Registrant.objects.filter(
            regulator=regulator, kind=Kind.ENTITY, number__in=numbers
        )
    }


def _check_registrants(upload, regulator, ref: _Reference) -> RowErrors:
    """Every problem in the file, a batch at a time: bad values, numbers repeated in the file
    or already on the register, entities that are neither earlier in the file nor on the
    register."""
    errors = RowErrors()
    first_row: dict[str, int] = {}  # each number in the file (in capitals) and its first row
    entities_in_file: set[str] = set()
    for batch in upload.batches():
        numbers = {values["number"].strip().upper() for _, values in batch} - {""}
        on_register = set(
            Registrant.objects.filter(number__in=numbers).values_list("number", flat=True)
        )
        named = {values["entity"].strip().upper() for _, values in batch} - {""}
        known_entities = set(_existing_entities(regulator, named - entities_in_file))
        for row, values in batch:
            number = values["number"].strip()
            key = number.upper()
            if not number:
                errors.add(row, "number is missing")
            elif key in on_register:
                errors.add(row, f"{number} is already on the register")
            elif key in first_row:
                errors.add(row, f"{number} is also on row {first_row[key]}")
            else:
                first_row[key] = row
            new = _registrant_row(row, values, ref, regulator, errors)
            entity = values["entity"].strip()
            if entity and not (
                entity.upper() in entities_in_file or entity.upper() in known_entities
            ):
                errors.add(row, f'no entity with number "{entity}"')
            if new is not None and new.fields["kind"] == Kind.ENTITY and key:
                entities_in_file.add(key)
    return errors


@transaction.atomic
def registrants_import(
    *,
    acting_user,
    regulator: Organisation,
    filename: str,
    data: bytes | IO[bytes],
    size: int | None = None,
) -> ImportResult:
    """Add the registrants in a file to the regulator's register, all or nothing. `data` is the
    file's bytes or a seekable binary file (streamed, never read whole)."""
    require_perm(acting_user, "register.change_registrant", regulator)
    upload = REGISTRANT_SPEC.open(filename, data, size=size)
    ref = _Reference()
    _check_registrants(upload, regulator, ref).reject()
    created = 0
    errors = RowErrors()
    for batch in upload.batches():
        rows = []
        for row, values in batch:
            new = _registrant_row(row, values, ref, regulator, errors, validate=False)
            if new is not None:
                rows.append((row, new, values["entity"].strip().upper()))
        entities = _existing_entities(regulator, {entity for _, _, entity in rows} - {""})
        while rows:  # members of an entity earlier in the same batch wait for it
            ready = [item for item in rows if not item[2] or item[2] in entities]
            if not ready:
                for row, _, entity in rows:
                    errors.add(row, f'no entity with number "{entity}"')
                break
            try:
                made = registrants_create_many(
                    acting_user=acting_user,
                    regulator=regulator,
                    registrants=[
                        NewRegistrant(
                            status=new.status,
                            fields={**new.fields, "entity": entities.get(entity)},
                            rights=new.rights,
                        )
                        for _, new, entity in ready
                    ],
                )
            except ValidationError as exc:
                errors.add(ready[0][0], "; ".join(exc.messages))
                break
            entities.update({r.number: r for r in made if r.kind == Kind.ENTITY})
            created += len(made)
            done = {id(item) for item in ready}
            rows = [item for item in rows if id(item) not in done]
    errors.reject()  # rolls back everything written above
    return ImportResult(created=created)


def _registrants_by_number(batch) -> dict[str, Registrant]:
    numbers = {values["number"].strip() for _, values in batch} - {""}
    return {r.number: r for r in Registrant.objects.filter(number__in=numbers)}


def _finding_row(row: int, values: dict[str, str], registrants, errors: RowErrors):
    before = len(errors)
    registrant = registrants.get(values["number"].strip())
    if registrant is None:
        errors.add(row, f'no one on the register has number "{values["number"]}"')
    decided_on = _date(values["date"], row, "date", errors)
    if decided_on is None and values["date"] == "":
        errors.add(row, "date is missing")
    publish = values["publish"].strip().lower()
    if publish not in {"yes", "no"}:
        errors.add(row, f'publish must be yes or no, not "{publish}"')
    until = _date(values["publish_until"], row, "publish_until", errors)
    for column in ("body", "summary", "sanction"):
        if not values[column].strip():
            errors.add(row, f"{column} is missing")
    if len(errors) != before:
        return None
    return {
        "registrant": registrant,
        "decided_on": decided_on,
        "body": values["body"],
        "summary": values["summary"],
        "sanction": values["sanction"],
        "publish": publish == "yes",
        "publish_until": until,
    }


@transaction.atomic
def findings_import(
    *, acting_user, filename: str, data: bytes | IO[bytes], size: int | None = None
) -> ImportResult:
    """Record the fitness-to-practise findings in a file, all or nothing."""
    upload = FINDING_SPEC.open(filename, data, size=size)
    errors = RowErrors()
    for batch in upload.batches():
        registrants = _registrants_by_number(batch)
        for row, values in batch:
            _finding_row(row, values, registrants, errors)
    errors.reject()
    created = 0
    for batch in upload.batches():
        registrants = _registrants_by_number(batch)
        for row, values in batch:
            finding = _finding_row(row, values, registrants, errors)
            try:
                finding_record(acting_user=acting_user, **finding)
            except ValidationError as exc:
                for message in exc.messages:
                    errors.add(row, message)
            else:
                created += 1
    errors.reject()
    return ImportResult(created=created)
