"""Importing a plan from CSV or XLSX: every row is checked before anything is written."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.core.tabular import TableError, read_table
from touchstone.plans import rules
from touchstone.plans.models import Plan, PlanKind
from touchstone.plans.services import ActionInput, action_add, area_add, plan_create, target_add

COLUMNS = ("area", "target", "action", "due", "leads", "progress", "rag", "status", "ref")
EXPORT_ONLY_COLUMNS = ("due_date", "overdue")  # written by the export; ignored on import


@dataclass(frozen=True)
class ImportRow:
    row: int
    area: str
    target: str
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
        return list(dict.fromkeys(row.area for row in self.rows))


class ImportRejected(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    actions: int
    areas: int
    warnings: list[str]


def preview_plan_file(*, filename: str, data: bytes) -> ImportPreview:
    """Read and check a plan file without writing anything."""
    preview = ImportPreview()
    try:
        table = read_table(filename, data)
    except TableError as exc:
        preview.errors.append(str(exc))
        return preview
    unknown = [h for h in table.headers if h not in COLUMNS + EXPORT_ONLY_COLUMNS]
    if unknown:
        preview.errors.append(
            f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: "
            f"the columns are {', '.join(COLUMNS)}"
        )
    if "action" not in table.headers:
        preview.errors.append("the file has no action column")
    if preview.errors:
        return preview
    if not table.rows:
        preview.errors.append("the file has no actions")
        return preview
    area = target = ""
    for number, values in table.rows:
        row_errors = []
        text = values.get("action", "").strip()
        if not text:
            row_errors.append(f"row {number}: the action is missing")
        try:
            rag = rules.parse_rag(values.get("rag"))
        except rules.RuleError as exc:
            row_errors.append(f"row {number}: {exc}")
            rag = None
        try:
            status = rules.parse_status(values.get("status"))
        except rules.RuleError as exc:
            row_errors.append(f"row {number}: {exc}")
            status = None
        preview.errors.extend(row_errors)
        if values.get("area", "").strip():
            new_area = values["area"].strip()
            if new_area != area:
                target = ""
            area = new_area
        if values.get("target", "").strip():
            target = values["target"].strip()
        due_text = values.get("due", "").strip()
        due = rules.parse_due(due_text)
        if due.warning:
            preview.warnings.append(f"row {number}: {due.warning}; imported without a date")
        if row_errors:
            continue
        preview.rows.append(
            ImportRow(
                row=number,
                area=area,
                target=target,
                action=text,
                due_text=due_text,
                due_date=due.due_date,
                recurring=due.recurring,
                leads_text=values.get("leads", "").strip(),
                leads=rules.split_leads(values.get("leads")),
                progress=values.get("progress", "").strip(),
                rag=rag,
                status=status,
                ref=values.get("ref", "").strip(),
            )
        )
    return preview


@transaction.atomic
def plan_import(
    *,
    acting_user,
    organisation,
    name: str,
    filename: str,
    data: bytes,
    kind: str = PlanKind.BUSINESS_PLAN,
) -> ImportResult:
    """Create a plan from a file, all or nothing. Raises ImportRejected with row messages."""
    name = (name or "").strip()
    preview = preview_plan_file(filename=filename, data=data)
    errors = list(preview.errors)
    if not name:
        errors.insert(0, "enter a name for the plan")
    elif Plan.objects.filter(organisation=organisation, title=name).exists():
        errors.insert(0, f'{organisation.name} already has a plan called "{name}"')
    if errors:
        raise ImportRejected(errors)
    try:
        plan = plan_create(
            acting_user=acting_user, organisation=organisation, title=name, kind=kind
        )
    except ValidationError as exc:
        raise ImportRejected(exc.messages) from exc
    areas: dict[str, object] = {}
    targets: dict[tuple[str, str], object] = {}
    for row in preview.rows:
        if row.area not in areas:
            areas[row.area] = area_add(acting_user=acting_user, plan=plan, name=row.area)
        key = (row.area, row.target)
        if key not in targets:
            number = sum(1 for a, _ in targets if a == row.area) + 1
            targets[key] = target_add(
                acting_user=acting_user, area=areas[row.area], text=row.target, number=number
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
