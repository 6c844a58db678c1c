"""Plans pages: the list, a plan's dashboard, its exports and its board report.

Plans and actions of other organisations are invisible (404); a write the user may not make
is refused (403). Forms check the input; the services check permissions and write.
"""

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from touchstone.core.selectors import organisations_with_perm, worker_alive
from touchstone.core.services import job_start
from touchstone.core.writes import submit_once
from touchstone.plans import exports
from touchstone.plans.filters import DashboardFilters
from touchstone.plans.forms import AsOfForm
from touchstone.plans.models import Action, Plan
from touchstone.plans.selectors import (
    actions_for_plan,
    plan_dashboard,
    plan_get,
    plans_for_user,
    stale_days,
)
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


def plan_or_404(user, pk) -> Plan:
    try:
        return plan_get(user, pk=pk)
    except Plan.DoesNotExist as exc:
        raise Http404("No such plan.") from exc


def as_of_or_error(data) -> tuple[date | None, str | None]:
    """The `as_of` date in a query or form (today when absent), or the error to show."""
    form = AsOfForm(data)
    if not form.is_valid():
        return None, form.errors["as_of"][0]
    return form.cleaned_data["as_of"] or timezone.localdate(), None


@login_required
def plan_list(request):
    """The plans of the organisation the user is working as (the header's switcher), as a
    board member of two bodies expects after switching; the page names it and the others."""
    active = getattr(request, "organisation", None)
    plans = list(
        plans_for_user(request.user, organisation=active).annotate(
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
        {
            "plans": plans,
            "active_organisation": active,
            "other_organisations": [o for o in request.organisations if o != active],
            "can_import": organisations_with_perm(request.user, "plans.add_plan").exists(),
        },
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


def _selected_filters(request, filters: DashboardFilters, chosen: dict) -> list[dict]:
    """The filters in use, each with a link that removes it (the MOJ "selected filters")."""
    selected = []
    for name, value in chosen.items():
        rest = {k: v for k, v in request.GET.items() if k != name and v}
        selected.append(
            {
                "label": filters.form.fields[name].label,
                "value": filters.value_label(name, value),
                "remove_url": "?" + urlencode(rest) if rest else request.path,
            }
        )
    return selected


@login_required
def plan_detail(request, pk: int):
    plan = plan_or_404(request.user, pk)
    dashboard_filters = DashboardFilters(request.GET or None, request=request, plan=plan)
    dashboard_filters.for_page()
    filters = dashboard_filters.chosen()  # a bad filter is shown and left out, not the rest
    form = dashboard_filters.form
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
            "stale_days": stale_days(),
            "as_of": as_of,
            "is_today": as_of == timezone.localdate(),
            "selected_filters": _selected_filters(request, dashboard_filters, filters),
            "can_edit": request.user.has_perm("plans.change_plan", plan),
            "worker_alive": worker_alive(),
        },
    )


@login_required
def plan_export(request, pk: int, fmt: str):
    plan = plan_or_404(request.user, pk)
    if fmt not in EXPORT_TYPES:
        raise Http404("No such format.")
    as_of, error = as_of_or_error(request.GET)
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
    plan = plan_or_404(request.user, pk)
    as_of, error = as_of_or_error(request.POST)
    if error:
        messages.error(request, error)
        return redirect("plans:detail", pk=plan.pk)

    def start():
        job = job_start(
            acting_user=request.user,
            kind="plans.board_report",
            label=f"Board report: {plan.title}",
            organisation=plan.organisation,
            params={"plan": plan.pk, "as_of": as_of.isoformat()},
            task=board_report,
        )
        return redirect("core:job", job_id=job.pk)

    try:
        return submit_once(request, start)  # one job however often the button is pressed
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("plans:detail", pk=plan.pk)
