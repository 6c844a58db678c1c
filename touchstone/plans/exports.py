"""Exporting a plan: JSON (the documented shape), CSV and XLSX (re-importable), and the board
report PDF."""

from datetime import date, timedelta

from django.utils import timezone

from touchstone.core.inputs import without_control_characters_in
from touchstone.core.pdf import render_pdf
from touchstone.core.tabular import write_csv, write_json, write_xlsx
from touchstone.plans.imports import COLUMNS
from touchstone.plans.models import Action, KeyAim, Plan, ProgressUpdate
from touchstone.plans.selectors import (
    action_flags,
    actions_for_plan,
    latest_progress,
    plan_dashboard,
)


def _export_rows(plan: Plan, *, as_of: date) -> list[tuple[Action, ProgressUpdate | None, bool]]:
    """Each action in source order with its latest progress and whether it is overdue."""
    return [
        (
            action,
            latest_progress(action),
            action_flags(action, as_of=as_of).overdue,
        )
        for action in actions_for_plan(plan)
    ]


def plan_export_data(plan: Plan, *, as_of: date) -> dict:
    """The plan as JSON-ready data, actions in source order (the documented export shape)."""
    actions = [
        {
            "ref": action.ref,
            "area": action.target.area.name,
            "target": action.target.text,
            "action": action.text,
            "due_text": action.due_text,
            "due_date": action.due_date.isoformat() if action.due_date else None,
            "recurring": action.recurring,
            "leads": list(action.leads),
            "status": action.status,
            "rag": action.rag or None,
            "progress": progress.text if progress else None,
            "overdue": overdue,
        }
        for action, progress, overdue in _export_rows(plan, as_of=as_of)
    ]
    data = {"plan": plan.title, "as_of": as_of.isoformat(), "actions": actions}
    return without_control_characters_in(data)  # any stored before input refused them


def export_json(plan: Plan, *, as_of: date) -> bytes:
    return write_json(plan_export_data(plan, as_of=as_of))


TABLE_COLUMNS = (*COLUMNS, "due_date", "overdue")
# Room for the long text columns of the spreadsheet, in characters (the others fit their name).
XLSX_WIDTHS = {"area": 30, "target": 40, "action": 60, "due": 16, "leads": 14, "progress": 60}


def _table(plan: Plan, *, as_of: date, dates_as_text: bool) -> list[list]:
    """Rows under TABLE_COLUMNS: the import's columns (so the file re-imports to the same plan;
    leads as written, so they split the same way again) and then two derived columns that the
    import ignores."""
    rows = []
    for action, progress, overdue in _export_rows(plan, as_of=as_of):
        due_date = action.due_date
        if dates_as_text:
            due_date = due_date.isoformat() if due_date else ""
        rows.append(
            [
                action.target.area.name,
                action.target.text,
                action.text,
                action.due_text,
                action.leads_text or ", ".join(action.leads),
                progress.text if progress else "",
                action.rag,
                action.status,
                action.ref,
                due_date,
                "yes" if overdue else "no",
            ]
        )
    return rows


def export_csv(plan: Plan, *, as_of: date) -> bytes:
    return write_csv(TABLE_COLUMNS, _table(plan, as_of=as_of, dates_as_text=True))


def export_xlsx(plan: Plan, *, as_of: date) -> bytes:
    rows = _table(plan, as_of=as_of, dates_as_text=False)  # real date cells in a spreadsheet
    return write_xlsx(TABLE_COLUMNS, rows, title=plan.title, widths=XLSX_WIDTHS)


def board_report_context(plan: Plan, *, as_of: date) -> dict:
    """Everything the board report shows. Actions are grouped by area and key target in the
    plan's order (an area that recurs further down a file is still one group)."""
    dashboard = plan_dashboard(plan, as_of=as_of)
    until = as_of + timedelta(days=30)
    areas: dict[int, dict] = {}
    for action, progress, overdue in _export_rows(plan, as_of=as_of):
        area, target = action.target.area, action.target
        group = areas.setdefault(area.pk, {"area": area, "targets": {}})
        entry = group["targets"].setdefault(target.pk, {"target": target, "actions": []})
        entry["actions"].append({"action": action, "progress": progress, "overdue": overdue})
    aims: dict[int, list[KeyAim]] = {}
    for aim in KeyAim.objects.filter(area__plan=plan).order_by("area_id", "position"):
        aims.setdefault(aim.area_id, []).append(aim)
    groups = [
        {
            "area": group["area"],
            "aims": aims.get(pk, []),
            "targets": sorted(group["targets"].values(), key=lambda t: t["target"].position),
        }
        for pk, group in sorted(areas.items(), key=lambda item: item[1]["area"].position)
    ]
    return {
        "plan": plan,
        "as_of": as_of,
        "until": until,
        "dashboard": dashboard,
        "groups": groups,
        "attention": [
            {
                "title": "Overdue actions",
                "actions": dashboard.overdue,
                "overdue": True,
                "empty": "No action is overdue.",
            },
            {
                "title": f"Due in the next 30 days, to {until:%-d %B %Y}",
                "actions": dashboard.due_soon,
                "overdue": False,
                "empty": "Nothing falls due in the next 30 days.",
            },
        ],
        "action_count": sum(dashboard.totals.values()),
        "generated_at": timezone.localtime(),
    }


def export_pdf(plan: Plan, *, as_of: date) -> bytes:
    return render_pdf("plans/board_report.html", board_report_context(plan, as_of=as_of))
