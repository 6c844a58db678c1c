"""Importing a plan from CSV or XLSX: every row is checked before anything is written.

The file has a header row naming some of the columns in `COLUMNS` (any case, any order; only
`action` is required). A file with any bad row (unknown RAG or status, no action, a value too
long to keep) is rejected whole, with a message per problem that starts "row N: " (the header is
row 1). A due date that cannot be read is only a warning: the row imports without a date.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.core.dates import date_in_words
from touchstone.core.imports import Column, ImportRejected, ImportSpec, RowErrors
from touchstone.core.permissions import require_perm
from touchstone.core.tabular import write_csv
from touchstone.plans import rules
from touchstone.plans.models import Action, Area, Plan, PlanKind
from touchstone.plans.services import ActionInput, action_add, area_add, plan_create, target_add

COLUMNS = ("area", "target", "action", "due", "leads", "progress", "rag", "status", "ref")
EXPORT_ONLY_COLUMNS = ("due_date", "overdue")  # written by the export; ignored on import

# The longest value each column may hold, from the model, so a long value is a row error
# rather than a failure half way through the import.
_MAX_LENGTHS = {
    "area": Area._meta.get_field("name").max_length,
    "due": Action._meta.get_field("due_text").max_length,
    "leads": Action._meta.get_field("leads_text").max_length,
    "ref": Action._meta.get_field("ref").max_length,
}

PLAN_SPEC = ImportSpec(
    columns=tuple(
        Column(name, required=name == "action", max_length=_MAX_LENGTHS.get(name))
        for name in COLUMNS
    ),
    ignored=EXPORT_ONLY_COLUMNS,
    missing_message="the file has no {names} column",
    empty_message="the file has no actions: only a header row",
    max_bytes=10_000_000,  # held in the database between preview and confirmation
)

# The row the import page's template file shows under the header: one of each column.
TEMPLATE_EXAMPLE = {
    "area": "Registration",
    "target": "The register is accurate",
    "action": "Publish the advocates register",
    "due": "July 2026",
    "leads": "BB IW",
    "progress": "Draft ready for checking",
    "rag": "G",
    "status": "in progress",
    "ref": "2.1.1",
}
TEMPLATE_FILENAME = "plan-import-template.csv"


def import_template_csv() -> bytes:
    """A CSV with exactly the import's columns, in the spec's order, and an example row."""
    names = [column.name for column in PLAN_SPEC.columns]
    return write_csv(names, [[TEMPLATE_EXAMPLE[name] for name in names]])


@dataclass(frozen=True)
class ImportRow:
    """One row of the file as it will be imported, with what the rules derived from it."""

    row: int  # the row number in the file (the header is row 1)
    area: str  # after carrying a blank area down from the row above
    target: str  # likewise, within the area
    action: str
    due_text: str
    due_date: date | None
    recurring: bool
    leads_text: str
    leads: list[str]
    progress: str
    rag: str | None
    status: str | None
    ref: str


@dataclass
class ImportPreview:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def areas(self) -> list[str]:
        """Area names in order of first appearance ("" is the single unnamed area)."""
        return list(dict.fromkeys(row.area for row in self.rows))


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    actions: int
    areas: int
    warnings: list[str]


def preview_plan_file(
    *, filename: str, data: bytes | IO[bytes], size: int | None = None
) -> ImportPreview:
    """Read and check a plan file without writing anything."""
    preview = ImportPreview()
    try:
        upload = PLAN_SPEC.open(filename, data, size=size)
    except ImportRejected as exc:
        preview.errors.extend(exc.errors)
        return preview
    errors = RowErrors()
    area = target = ""
    for number, values in upload.rows():
        found = len(errors)
        if not values["action"]:
            errors.add(number, "the action is missing")
        try:
            rag = rules.parse_rag(values["rag"])
        except rules.RuleError as exc:
            errors.add(number, str(exc))
            rag = None
        try:
            status = rules.parse_status(values["status"])
        except rules.RuleError as exc:
            errors.add(number, str(exc))
            status = None
        upload.check_lengths(number, values, errors)
        if values["area"]:
            if values["area"] != area:
                target = ""  # a new area starts without a key target
            area = values["area"]
        if values["target"]:
            target = values["target"]
        due = rules.parse_due(values["due"])
        if due.warning:
            preview.warnings.append(f"row {number}: {due.warning}; imported without a date")
        if len(errors) != found:
            continue
        preview.rows.append(
            ImportRow(
                row=number,
                area=area,
                target=target,
                action=values["action"],
                due_text=values["due"],
                due_date=due.due_date,
                recurring=due.recurring,
                leads_text=values["leads"],
                leads=rules.split_leads(values["leads"]),
                progress=values["progress"],
                rag=rag,
                status=status,
                ref=values["ref"],
            )
        )
    preview.errors.extend(errors.messages)
    return preview


def period_in_words(starts_on: date | None, ends_on: date | None) -> str:
    """The plan's period as its pages show it: "1 April 2026 to 31 March 2027"."""
    if starts_on and ends_on:
        return f"{date_in_words(starts_on)} to {date_in_words(ends_on)}"
    if starts_on:
        return f"from {date_in_words(starts_on)}"
    if ends_on:
        return f"to {date_in_words(ends_on)}"
    return ""


@transaction.atomic
def plan_import(
    *,
    acting_user,
    organisation,
    name: str,
    filename: str,
    data: bytes | IO[bytes],
    kind: str = PlanKind.BUSINESS_PLAN,
    size: int | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> ImportResult:
    """Create a plan from a file, all or nothing, through the services (so it is audited).

    Raises PermissionDenied if the user may not add plans to the organisation (checked first,
    so nothing about the file or the organisation's plans is revealed), and ImportRejected with
    every problem found if the file or the name cannot be used.
    """
    require_perm(acting_user, "plans.add_plan", organisation)
    name = (name or "").strip()
    preview = preview_plan_file(filename=filename, data=data, size=size)
    errors = list(preview.errors)
    if not name:
        errors.insert(0, "enter a name for the plan")
    elif Plan.objects.filter(organisation=organisation, title=name).exists():
        errors.insert(0, f'{organisation.name} already has a plan called "{name}"')
    if errors:
        raise ImportRejected(errors)
    try:
        plan = plan_create(
            acting_user=acting_user,
            organisation=organisation,
            title=name,
            kind=kind,
            period=period_in_words(starts_on, ends_on),
            starts_on=starts_on,
            ends_on=ends_on,
        )
    except ValidationError as exc:
        raise ImportRejected(exc.messages) from exc
    areas: dict[str, Area] = {}
    targets: dict[tuple[str, str], object] = {}
    numbers: dict[str, int] = {}  # key targets so far in each area
    for row in preview.rows:
        if row.area not in areas:
            areas[row.area] = area_add(acting_user=acting_user, plan=plan, name=row.area)
        key = (row.area, row.target)
        if key not in targets:
            numbers[row.area] = numbers.get(row.area, 0) + 1
            targets[key] = target_add(
                acting_user=acting_user,
                area=areas[row.area],
                text=row.target,
                number=numbers[row.area],
            )
        action_add(
            acting_user=acting_user,
            target=targets[key],
            data=ActionInput(
                text=row.action,
                ref=row.ref,
                due_text=row.due_text,
                leads_text=row.leads_text,
                status=row.status,
                rag=row.rag,
                progress=row.progress or None,
            ),
        )
    return ImportResult(
        plan=plan, actions=len(preview.rows), areas=len(areas), warnings=preview.warnings
    )
