"""Plans web UI: thin views over the selectors and services."""

import base64
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from touchstone.core.selectors import organisations_for_user
from touchstone.core.services import job_start
from touchstone.plans import exports
from touchstone.plans.forms import ActionEditForm, DashboardFilterForm, PlanImportForm, ProgressForm
from touchstone.plans.imports import ImportRejected, plan_import, preview_plan_file
from touchstone.plans.models import Action, Area, Plan
from touchstone.plans.rules import RuleError, is_overdue, is_stale
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


def _editable_organisations(user):
    return [o for o in organisations_for_user(user) if user.has_perm("plans.add_plan", o)]


def _as_of(request) -> date:
    try:
        return date.fromisoformat(request.GET.get("as_of", ""))
    except ValueError:
        return timezone.localdate()


@login_required
def plan_list(request):
    plans = list(plans_for_user(request.user))
    return render(
        request,
        "plans/plan_list.html",
        {"plans": plans, "can_import": bool(_editable_organisations(request.user))},
    )


@login_required
def plan_detail(request, pk: int):
    plan = _plan_or_404(request.user, pk)
    form = DashboardFilterForm(
        request.GET or None, areas=Area.objects.filter(plan=plan), leads=plan_leads(plan)
    )
    filters, as_of = {}, timezone.localdate()
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v and k != "as_of"}
        as_of = form.cleaned_data.get("as_of") or as_of
    dashboard = plan_dashboard(plan, as_of=as_of, filters=filters)
    actions = list(actions_for_plan(plan, filters=filters))
    overdue_ids = {a.pk for a in dashboard.overdue}
    stale_ids = {a.pk for a in dashboard.stale}
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "form": form,
            "dashboard": dashboard,
            "actions": actions,
            "overdue_ids": overdue_ids,
            "stale_ids": stale_ids,
            "as_of": as_of,
            "filtered": bool(filters),
            "can_edit": request.user.has_perm("plans.change_plan", plan),
        },
    )


@login_required
def plan_export(request, pk: int, fmt: str):
    plan = _plan_or_404(request.user, pk)
    if fmt not in EXPORT_TYPES:
        raise Http404("No such format.")
    content_type, exporter = EXPORT_TYPES[fmt]
    response = HttpResponse(exporter(plan, as_of=_as_of(request)), content_type=content_type)
    filename = "".join(c if c.isalnum() else "-" for c in plan.title).strip("-").lower()
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@require_POST
@login_required
def plan_board_report(request, pk: int):
    plan = _plan_or_404(request.user, pk)
    as_of = _as_of(request) if request.POST.get("as_of") is None else _post_date(request)
    job = job_start(
        acting_user=request.user,
        kind="plans.board_report",
        label=f"Board report: {plan.title}",
        organisation=plan.organisation,
        params={"plan": plan.pk, "as_of": as_of.isoformat()},
        task=board_report,
    )
    return redirect("core:job", job_id=job.pk)


def _add_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field where the field exists."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _post_date(request) -> date:
    try:
        return date.fromisoformat(request.POST.get("as_of", ""))
    except ValueError:
        return timezone.localdate()


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
        if "record-progress" in request.POST:
            progress_form = ProgressForm(request.POST, prefix="progress")
            if progress_form.is_valid():
                data = progress_form.cleaned_data
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
                    _add_errors(progress_form, exc)
                else:
                    messages.success(request, "Progress recorded.")
                    return redirect("plans:action", pk=action.pk)
        else:
            edit_form = ActionEditForm(request.POST, prefix="edit")
            if edit_form.is_valid():
                try:
                    action_update(acting_user=request.user, action=action, **edit_form.cleaned_data)
                except RuleError as exc:
                    edit_form.add_error(None, str(exc))
                except ValidationError as exc:
                    _add_errors(edit_form, exc)
                else:
                    messages.success(request, "Action updated.")
                    return redirect("plans:action", pk=action.pk)
    today = timezone.localdate()
    return render(
        request,
        "plans/action_detail.html",
        {
            "action": action,
            "plan": action.plan,
            "progress_form": progress_form,
            "edit_form": edit_form,
            "can_edit": can_edit,
            "updates": list(action.progress_updates.all()),
            "overdue": is_overdue(due_date=action.due_date, status=action.status, as_of=today),
            "stale": is_stale(
                last_progress_on=action.last_progress_on,
                created_on=action.created_at.date(),
                status=action.status,
                as_of=today,
            ),
        },
    )


@login_required
def plan_import_view(request):
    organisations = _editable_organisations(request.user)
    if not organisations:
        raise PermissionDenied("You cannot import plans.")
    if request.method == "POST" and "confirm" in request.POST:
        return _import_confirm(request, organisations)
    form = PlanImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        preview = preview_plan_file(filename=upload.name, data=data)
        organisation = next(
            o for o in organisations if str(o.pk) == form.cleaned_data["organisation"]
        )
        if preview.ok:
            request.session[SESSION_IMPORT] = {
                "name": form.cleaned_data["name"],
                "kind": form.cleaned_data["kind"],
                "organisation": organisation.pk,
                "filename": upload.name,
                "data": base64.b64encode(data).decode("ascii"),
            }
        return render(
            request,
            "plans/import_preview.html",
            {
                "preview": preview,
                "name": form.cleaned_data["name"],
                "organisation": organisation,
                "filename": upload.name,
            },
        )
    return render(request, "plans/import.html", {"form": form})


def _import_confirm(request, organisations):
    pending = request.session.get(SESSION_IMPORT)
    organisation = next(
        (o for o in organisations if pending and o.pk == pending["organisation"]), None
    )
    if not pending or organisation is None:
        messages.error(request, "The upload has expired: choose the file again.")
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
        return render(
            request,
            "plans/import_preview.html",
            {
                "preview": None,
                "errors": exc.errors,
                "name": pending["name"],
                "organisation": organisation,
                "filename": pending["filename"],
            },
        )
    del request.session[SESSION_IMPORT]
    messages.success(request, f'Imported "{result.plan.title}": {result.actions} actions.')
    return redirect("plans:detail", pk=result.plan.pk)
