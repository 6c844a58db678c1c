"""Register imports: every row is checked before anything is written; all or nothing."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.core.tabular import TableError, read_table
from touchstone.register.models import Category, Kind, Registrant, RightType, Status
from touchstone.register.services import finding_record, registrant_create, right_grant

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


class ImportRejected(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class ImportResult:
    created: int


def _table(filename: str, data: bytes, columns: tuple[str, ...], required: set[str]):
    try:
        table = read_table(filename, data)
    except TableError as exc:
        raise ImportRejected([str(exc)]) from exc
    errors = []
    unknown = [h for h in table.headers if h not in columns]
    if unknown:
        errors.append(
            f"unknown column(s) {', '.join(unknown)}: the columns are {', '.join(columns)}"
        )
    missing = sorted(required - set(table.headers))
    if missing:
        errors.append(f"missing column(s) {', '.join(missing)}")
    if not errors and not table.rows:
        errors.append("the file has no rows")
    if errors:
        raise ImportRejected(errors)
    return table


def _date(value: str, row: int, column: str, errors: list[str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f'row {row}: {column} must be a date like 2024-03-31, not "{value}"')
        return None


def _lookup(model, value: str):
    text = value.strip()
    return model.objects.filter(code=text.lower().replace(" ", "_")).first() or (
        model.objects.filter(name__iexact=text).first()
    )


@transaction.atomic
def registrants_import(*, acting_user, regulator, filename: str, data: bytes) -> ImportResult:
    table = _table(filename, data, REGISTRANT_COLUMNS, {"number", "kind", "status"})
    errors: list[str] = []
    right_codes = set(RightType.objects.values_list("code", flat=True))
    numbers_in_file: dict[str, int] = {}
    existing = set(
        Registrant.objects.filter(
            number__in=[v.get("number", "") for _, v in table.rows]
        ).values_list("number", flat=True)
    )
    parsed = []
    for row, values in table.rows:
        before = len(errors)
        number = values.get("number", "").strip()
        kind = values.get("kind", "").strip().lower()
        if not number:
            errors.append(f"row {row}: number is missing")
        elif number in existing:
            errors.append(f"row {row}: {number} is already on the register")
        elif number in numbers_in_file:
            errors.append(f"row {row}: {number} is also on row {numbers_in_file[number]}")
        numbers_in_file.setdefault(number, row)
        if kind not in Kind.values:
            errors.append(f'row {row}: kind must be individual or entity, not "{kind}"')
        status = _lookup(Status, values.get("status", ""))
        if status is None:
            errors.append(f'row {row}: unknown status "{values.get("status", "")}"')
        category = None
        if values.get("category"):
            category = _lookup(Category, values["category"])
            if category is None:
                errors.append(f'row {row}: unknown category "{values["category"]}"')
        rights = [c.strip().lower() for c in values.get("rights", "").split(";") if c.strip()]
        for code in rights:
            if code not in right_codes:
                errors.append(f'row {row}: unknown right "{code}"')
        if kind == Kind.INDIVIDUAL and not values.get("family_name"):
            errors.append(f"row {row}: an individual needs a family_name")
        if kind == Kind.ENTITY and not values.get("entity_name"):
            errors.append(f"row {row}: an entity needs an entity_name")
        admitted_on = _date(values.get("admitted_on", ""), row, "admitted_on", errors)
        date_of_birth = _date(values.get("date_of_birth", ""), row, "date_of_birth", errors)
        if len(errors) == before:
            parsed.append((row, values, status, category, rights, admitted_on, date_of_birth))
    if errors:
        raise ImportRejected(errors)
    created: dict[str, Registrant] = {}
    for row, values, status, category, rights, admitted_on, date_of_birth in parsed:
        entity_number = values.get("entity", "").strip()
        entity = created.get(entity_number) or (
            Registrant.objects.filter(number=entity_number).first() if entity_number else None
        )
        if entity_number and entity is None:
            errors.append(f'row {row}: no entity with number "{entity_number}"')
            continue
        try:
            registrant = registrant_create(
                acting_user=acting_user,
                regulator=regulator,
                status=status,
                number=values["number"].strip(),
                kind=values["kind"].strip().lower(),
                title=values.get("title", ""),
                given_names=values.get("given_names", ""),
                family_name=values.get("family_name", ""),
                entity_name=values.get("entity_name", ""),
                category=category,
                admitted_on=admitted_on,
                entity=entity,
                town=values.get("town", ""),
                postcode=values.get("postcode", ""),
                email=values.get("email", ""),
                date_of_birth=date_of_birth,
                home_address=values.get("home_address", ""),
            )
            for code in rights:
                right_grant(
                    acting_user=acting_user,
                    registrant=registrant,
                    code=code,
                    granted_on=admitted_on or date.today(),
                )
        except ValidationError as exc:
            errors.extend(f"row {row}: {message}" for message in exc.messages)
            continue
        created[registrant.number] = registrant
    if errors:
        raise ImportRejected(errors)  # rolls back everything written above
    return ImportResult(created=len(created))


@transaction.atomic
def findings_import(*, acting_user, filename: str, data: bytes) -> ImportResult:
    table = _table(
        filename,
        data,
        FINDING_COLUMNS,
        {"number", "date", "body", "summary", "sanction", "publish"},
    )
    errors: list[str] = []
    registrants = {
        r.number: r
        for r in Registrant.objects.filter(number__in=[v.get("number", "") for _, v in table.rows])
    }
    parsed = []
    for row, values in table.rows:
        before = len(errors)
        registrant = registrants.get(values.get("number", "").strip())
        if registrant is None:
            errors.append(f'row {row}: no one on the register has number "{values.get("number")}"')
        decided_on = _date(values.get("date", ""), row, "date", errors)
        if decided_on is None and values.get("date", "") == "":
            errors.append(f"row {row}: date is missing")
        publish = values.get("publish", "").strip().lower()
        if publish not in {"yes", "no"}:
            errors.append(f'row {row}: publish must be yes or no, not "{publish}"')
        until = _date(values.get("publish_until", ""), row, "publish_until", errors)
        for column in ("body", "summary", "sanction"):
            if not values.get(column, "").strip():
                errors.append(f"row {row}: {column} is missing")
        if len(errors) == before:
            parsed.append((row, registrant, decided_on, values, publish == "yes", until))
    if errors:
        raise ImportRejected(errors)
    for row, registrant, decided_on, values, publish, until in parsed:
        try:
            finding_record(
                acting_user=acting_user,
                registrant=registrant,
                decided_on=decided_on,
                body=values["body"],
                summary=values["summary"],
                sanction=values["sanction"],
                publish=publish,
                publish_until=until,
            )
        except ValidationError as exc:
            errors.extend(f"row {row}: {message}" for message in exc.messages)
    if errors:
        raise ImportRejected(errors)
    return ImportResult(created=len(parsed))
