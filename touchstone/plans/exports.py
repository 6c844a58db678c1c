"""Exporting a plan: JSON (the documented shape), CSV and XLSX (re-importable), and the board
report PDF."""

import json
from datetime import date, timedelta

from django.utils import timezone

from touchstone.core.pdf import render_pdf
from touchstone.core.tabular import write_csv, write_xlsx
from touchstone.plans import rules
from touchstone.plans.imports import COLUMNS
from touchstone.plans.models import Plan
from touchstone.plans.selectors import actions_for_plan, latest_progress, plan_dashboard


def plan_export_data(plan: Plan, *, as_of: date) -> dict:
    """The plan as JSON-ready data, actions in source order."""
    actions = []
    for action in actions_for_plan(plan):
        progress = latest_progress(action)
        actions.append(
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
                "overdue": rules.is_overdue(
                    due_date=action.due_date, status=action.status, as_of=as_of
                ),
            }
        )
    return {"plan": plan.title, "as_of": as_of.isoformat(), "actions": actions}


def export_json(plan: Plan, *, as_of: date) -> bytes:
    return json.dumps(plan_export_data(plan, as_of=as_of), indent=2, ensure_ascii=False).encode()


def _table(plan: Plan, *, as_of: date) -> tuple[list[str], list[list]]:
    headers = [*COLUMNS, "due_date", "overdue"]
    rows = [
        [
            a["area"],
            a["target"],
            a["action"],
            a["due_text"],
            " ".join(a["leads"]) if a["leads"] else "",
            a["progress"] or "",
            a["rag"] or "",
            a["status"],
            a["ref"],
            a["due_date"] or "",
            "yes" if a["overdue"] else "no",
        ]
        for a in plan_export_data(plan, as_of=as_of)["actions"]
    ]
    return headers, rows


def export_csv(plan: Plan, *, as_of: date) -> bytes:
    return write_csv(*_table(plan, as_of=as_of))


def export_xlsx(plan: Plan, *, as_of: date) -> bytes:
    headers, rows = _table(plan, as_of=as_of)
    return write_xlsx(headers, rows, title=plan.title)


def board_report_context(plan: Plan, *, as_of: date) -> dict:
    dashboard = plan_dashboard(plan, as_of=as_of)
    groups: list[dict] = []
    for action in actions_for_plan(plan):
        area, target = action.target.area, action.target
        if not groups or groups[-1]["area"] != area:
            groups.append({"area": area, "aims": list(area.aims.all()), "targets": []})
        targets = groups[-1]["targets"]
        if not targets or targets[-1]["target"] != target:
            targets.append({"target": target, "actions": []})
        targets[-1]["actions"].append(
            {
                "action": action,
                "progress": latest_progress(action),
                "overdue": rules.is_overdue(
                    due_date=action.due_date, status=action.status, as_of=as_of
                ),
            }
        )
    return {
        "plan": plan,
        "as_of": as_of,
        "until": as_of + timedelta(days=30),
        "dashboard": dashboard,
        "groups": groups,
        "generated_at": timezone.localtime(),
    }


def export_pdf(plan: Plan, *, as_of: date) -> bytes:
    return render_pdf("plans/board_report.html", board_report_context(plan, as_of=as_of))
