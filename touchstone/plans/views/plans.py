"""Plans web UI: thin views over the selectors and services.

Plans and actions of other organisations are invisible (404); a write the user may not make
is refused (403). Forms check the input; the services check permissions and write.
"""

import base64
from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from touchstone.core.selectors import organisations_for_user
from touchstone.core.services import job_start
from touchstone.plans import exports, rules
from touchstone.plans.forms import (
    ActionEditForm,
    AsOfForm,
    DashboardFilterForm,
    PlanImportForm,
    ProgressForm,
)
from touchstone.plans.imports import ImportRejected, plan_import, preview_plan_file
from touchstone.plans.models import Action, Plan
from touchstone.plans.selectors import (
    action_get,
    actions_for_plan,
    plan_dashboard,
    plan_get,
    plan_leads,
    plans_for_user,
)
from touchstone.plans.services import action_update, progress_record
from touchstone.plans.tasks import board_report

EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", exports.export_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        exports.export_xlsx,
    ),
    "json": ("application/json", exports.export_json),
    "pdf": ("application/pdf", exports.export_pdf),
}
SESSION_IMPORT = "plans_import_upload"


# --- helpers -----------------------------------------------------------------------------------


def _plan_or_404(user, pk) -> Plan:
    try:
        return plan_get(user, pk=pk)
    except Plan.DoesNotExist as exc:
        raise Http404("No such plan.") from exc


def _action_or_404(user, pk) -> Action:
    try:
        return action_get(user, pk=pk)
    except Action.DoesNotExist as exc:
        raise Http404("No such action.") from exc


def _editable_organisations(user) -> list:
    return [o for o in organisations_for_user(user) if user.has_perm("plans.add_plan", o)]


def _add_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field where the field exists."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)


def _as_of(data) -> tuple[date | None, str | None]:
    """The `as_of` date in a query or form (today when absent), or the error to show."""
    form = AsOfForm(data)
    if not form.is_valid():
        return None, form.errors["as_of"][0]
    return form.cleaned_data["as_of"] or timezone.localdate(), None


# --- plans -------------------------------------------------------------------------------------


@login_required
def plan_list(request):
    plans = list(
        plans_for_user(request.user).annotate(
            **{
                f"rag_{rag}": Count("actions", filter=Q(actions__rag=value))
                for rag, value in [("green", "green"), ("amber", "amber"), ("red", "red")]
            },
            rag_none=Count("actions", filter=Q(actions__rag="")),
        )
    )
    return render(
        request,
        "plans/plan_list.html",
        {"plans": plans, "can_import": bool(_editable_organisations(request.user))},
    )


def _group_by_area_and_target(actions: list[Action]) -> list[dict]:
    """Actions grouped by area, then key target, in the plan's order."""
    areas: dict[int, dict] = {}
    for action in actions:
        target = action.target
        area = areas.setdefault(target.area_id, {"area": target.area, "targets": {}})
        area["targets"].setdefault(target.pk, {"target": target, "actions": []})["actions"].append(
            action
        )
    return [
        {
            "area": group["area"],
            "targets": sorted(group["targets"].values(), key=lambda t: t["target"].position),
        }
        for group in sorted(areas.values(), key=lambda g: g["area"].position)
    ]


def _selected_filters(request, form) -> list[dict]:
    """The filters in use, each with a link that removes it (the MOJ "selected filters")."""
    selected = []
    for name in DashboardFilterForm.FILTERS:
        value = form.cleaned_data.get(name) if form.is_bound else None
        if not value:
            continue
        field = form.fields[name]
        label = dict(field.choices).get(str(value), value) if hasattr(field, "choices") else value
        rest = {k: v for k, v in request.GET.items() if k != name and v}
        selected.append(
            {
                "label": field.label,
                "value": label,
                "remove_url": "?" + urlencode(rest) if rest else request.path,
            }
        )
    return selected


@login_required
def plan_detail(request, pk: int):
    plan = _plan_or_404(request.user, pk)
    form = DashboardFilterForm(
        request.GET if request.GET else None, areas=plan.areas.all(), leads=plan_leads(plan)
    )
    filters = form.filters()
    as_of = (form.cleaned_data.get("as_of") if form.is_bound else None) or timezone.localdate()
    dashboard = plan_dashboard(plan, as_of=as_of, filters=filters)
    actions = list(actions_for_plan(plan, filters=filters))
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "form": form,
            "has_errors": form.is_bound and bool(form.errors),
            "dashboard": dashboard,
            "total": sum(dashboard.totals.values()),
            "max_area_total": max((a.total for a in dashboard.areas), default=1),
            "actions": actions,
            "groups": _group_by_area_and_target(actions),
            "overdue_ids": {a.pk for a in dashboard.overdue},
            "due_soon_ids": {a.pk for a in dashboard.due_soon},
            "stale_ids": {a.pk for a in dashboard.stale},
            "as_of": as_of,
            "is_today": as_of == timezone.localdate(),
            "selected_filters": _selected_filters(request, form),
            "can_edit": request.user.has_perm("plans.change_plan", plan),
        },
    )


@login_required
def plan_export(request, pk: int, fmt: str):
    plan = _plan_or_404(request.user, pk)
    if fmt not in EXPORT_TYPES:
        raise Http404("No such format.")
    as_of, error = _as_of(request.GET)
    if error:
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    content_type, exporter = EXPORT_TYPES[fmt]
    response = HttpResponse(exporter(plan, as_of=as_of), content_type=content_type)
    filename = f"{slugify(plan.title) or 'plan'}-{as_of.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def plan_board_report(request, pk: int):
    """Start the board report as a background job and show its page, which offers the PDF."""
    plan = _plan_or_404(request.user, pk)
    as_of, error = _as_of(request.POST)
    if error:
        messages.error(request, error)
        return redirect("plans:detail", pk=plan.pk)
    job = job_start(
        acting_user=request.user,
        kind="plans.board_report",
        label=f"Board report: {plan.title}",
        organisation=plan.organisation,
        params={"plan": plan.pk, "as_of": as_of.isoformat()},
        task=board_report,
    )
    return redirect("core:job", job_id=job.pk)


# --- actions -----------------------------------------------------------------------------------


def _record_progress(request, action: Action, form: ProgressForm) -> bool:
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        progress_record(
            acting_user=request.user,
            action=action,
            text=data["text"],
            recorded_on=data["recorded_on"],
            status=data["status"] or None,
            rag=data["rag"] or None,
        )
    except ValidationError as exc:
        _add_errors(form, exc)
        return False
    messages.success(request, "Progress recorded.")
    return True


def _edit_action(request, action: Action, form: ActionEditForm) -> bool:
    if not form.is_valid():
        return False
    try:
        action_update(acting_user=request.user, action=action, **form.cleaned_data)
    except rules.RuleError as exc:
        form.add_error(None, str(exc))
        return False
    except ValidationError as exc:
        _add_errors(form, exc)
        return False
    messages.success(request, "Action updated.")
    warning = rules.parse_due(form.cleaned_data["due_text"]).warning
    if warning:
        messages.warning(request, f"The action has no due date: {warning}.")
    return True


@login_required
def action_detail(request, pk: int):
    action = _action_or_404(request.user, pk)
    can_edit = request.user.has_perm("plans.change_action", action)
    progress_form = ProgressForm(prefix="progress")
    edit_form = ActionEditForm(
        prefix="edit",
        initial={
            "status": action.status,
            "rag": action.rag,
            "due_text": action.due_text,
            "leads_text": action.leads_text,
            "comment": action.comment,
        },
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("You cannot change this action.")
        if "edit-action" in request.POST:
            edit_form = ActionEditForm(request.POST, prefix="edit")
            done = _edit_action(request, action, edit_form)
        else:
            progress_form = ProgressForm(request.POST, prefix="progress")
            done = _record_progress(request, action, progress_form)
        if done:
            return redirect("plans:action", pk=action.pk)
        action = _action_or_404(request.user, pk)  # as saved, not as the failed form left it
    today = timezone.localdate()
    return render(
        request,
        "plans/action_detail.html",
        {
            "action": action,
            "plan": action.plan,
            "progress_form": progress_form,
            "edit_form": edit_form,
            "has_errors": bool(progress_form.errors or edit_form.errors),
            "can_edit": can_edit,
            "updates": list(action.progress_updates.all()),
            "lead_people": list(action.lead_people.all()),
            "overdue": rules.is_overdue(
                due_date=action.due_date, status=action.status, as_of=today
            ),
            "stale": rules.is_stale(
                last_progress_on=action.last_progress_on,
                created_on=action.created_at.date(),
                status=action.status,
                as_of=today,
            ),
        },
    )


# --- import ------------------------------------------------------------------------------------


@login_required
def plan_import_view(request):
    """Upload → preview (nothing written) → confirm (the same bytes, checked again, imported)."""
    organisations = _editable_organisations(request.user)
    if not organisations:
        raise PermissionDenied("You cannot import plans.")
    if request.method == "POST" and "confirm" in request.POST:
        return _import_confirm(request, organisations)
    posted = request.method == "POST"
    form = PlanImportForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        organisations=organisations,
    )
    if posted:
        request.session.pop(SESSION_IMPORT, None)  # a new upload replaces any earlier one
    if posted and form.is_valid():
        name, organisation = form.cleaned_data["name"], form.cleaned_data["organisation"]
        if plans_for_user(request.user).filter(organisation=organisation, title=name).exists():
            form.add_error("name", f"{organisation.name} already has a plan called “{name}”.")
        else:
            upload = form.cleaned_data["file"]
            data = upload.read()
            preview = preview_plan_file(filename=upload.name, data=data)
            if preview.ok:
                request.session[SESSION_IMPORT] = {
                    "name": name,
                    "kind": form.cleaned_data["kind"],
                    "organisation": organisation.pk,
                    "filename": upload.name,
                    "data": base64.b64encode(data).decode("ascii"),
                }
            return _render_preview(
                request,
                preview=preview,
                errors=preview.errors,
                name=name,
                kind=form.cleaned_data["kind"],
                organisation=organisation,
                filename=upload.name,
            )
    return render(request, "plans/import.html", {"form": form})


def _render_preview(request, *, preview, errors, name, kind, organisation, filename):
    rows = [
        {"row": row, "status": rules.STATUS_LABELS.get(row.status or "", "")}
        for row in (preview.rows if preview else [])
    ]
    return render(
        request,
        "plans/import_preview.html",
        {
            "preview": preview,
            "rows": rows,
            "errors": errors,
            "name": name,
            "kind": dict(PlanImportForm.base_fields["kind"].choices).get(kind, kind),
            "organisation": organisation,
            "filename": filename,
        },
    )


def _import_confirm(request, organisations):
    pending = request.session.pop(SESSION_IMPORT, None)
    organisation = next(
        (o for o in organisations if pending and o.pk == pending.get("organisation")), None
    )
    if not pending or organisation is None:
        messages.error(request, "There is no upload to import: choose the file again.")
        return redirect("plans:import")
    try:
        result = plan_import(
            acting_user=request.user,
            organisation=organisation,
            name=pending["name"],
            filename=pending["filename"],
            data=base64.b64decode(pending["data"]),
            kind=pending["kind"],
        )
    except ImportRejected as exc:
        return _render_preview(
            request,
            preview=None,
            errors=exc.errors,
            name=pending["name"],
            kind=pending["kind"],
            organisation=organisation,
            filename=pending["filename"],
        )
    count = result.actions if isinstance(result.actions, int) else len(result.actions)
    messages.success(
        request, f"Imported “{result.plan.title}”: {count} action{'s' * (count != 1)}."
    )
    return redirect("plans:detail", pk=result.plan.pk)
