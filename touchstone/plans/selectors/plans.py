"""Reads of plans, always through the permission rules: a user sees only their bodies' plans."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from touchstone.core.selectors import organisations_for_user
from touchstone.plans import rules
from touchstone.plans.models import Action, Plan, ProgressUpdate


def plans_for_user(user, *, organisation=None) -> QuerySet[Plan]:
    """Plans of every organisation the user belongs to, or of the one named (none if the user
    does not belong to it)."""
    organisations = organisations_for_user(user)
    if organisation is not None:
        organisations = organisations.filter(pk=organisation.pk)
    return (
        Plan.objects.filter(organisation__in=organisations)
        .select_related("organisation")
        .annotate(action_count=Count("actions"))
        .order_by("organisation__name", "title")
    )


def plan_get(user, *, pk: int) -> Plan:
    plan = Plan.objects.select_related("organisation").filter(pk=pk).first()
    if plan is None or not user.has_perm("plans.view_plan", plan):
        raise Plan.DoesNotExist("No such plan.")
    return plan


def plan_get_by_title(user, *, title: str, organisation_slug: str | None = None) -> Plan:
    """A plan by its title, for the CLI and API. A user=None caller (the CLI) sees every plan."""
    queryset = Plan.objects.select_related("organisation").filter(title=title)
    if organisation_slug:
        queryset = queryset.filter(organisation__slug=organisation_slug)
    if user is not None:
        queryset = queryset.filter(organisation__in=organisations_for_user(user))
    plans = list(queryset[:2])
    if not plans:
        raise Plan.DoesNotExist(f'no plan called "{title}"')
    if len(plans) > 1:
        raise Plan.MultipleObjectsReturned(
            f'several plans are called "{title}": name the organisation'
        )
    return plans[0]


def actions_for_plan(plan: Plan, *, filters: dict | None = None) -> QuerySet[Action]:
    """Actions in source order, with their target, area and latest progress, in a fixed
    number of queries whatever the plan's size."""
    latest = ProgressUpdate.objects.order_by("-recorded_on", "-id")
    queryset = (
        Action.objects.filter(plan=plan)
        .select_related("target__area", "plan__organisation")
        .prefetch_related(Prefetch("progress_updates", queryset=latest), "lead_people")
        .order_by("position")
    )
    filters = filters or {}
    if filters.get("area"):
        queryset = queryset.filter(target__area_id=filters["area"])
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("rag"):
        rag = filters["rag"]
        queryset = queryset.filter(rag="" if rag == "none" else rag)
    if filters.get("lead"):
        queryset = queryset.filter(leads__icontains=f'"{filters["lead"]}"')
    if filters.get("q"):
        queryset = queryset.filter(Q(text__icontains=filters["q"]) | Q(ref__iexact=filters["q"]))
    return queryset


def action_get(user, *, pk: int) -> Action:
    action = (
        Action.objects.select_related("plan__organisation", "target__area")
        .prefetch_related("progress_updates", "lead_people")
        .filter(pk=pk)
        .first()
    )
    if action is None or not user.has_perm("plans.view_action", action):
        raise Action.DoesNotExist("No such action.")
    return action


def plan_leads(plan: Plan) -> list[str]:
    """Every lead named in the plan, once each, sorted as people read them (for the lead
    filter): "aj", "BB", "IW", whatever the case."""
    seen: dict[str, None] = {}
    for leads in (
        Action.objects.filter(plan=plan).order_by("position").values_list("leads", flat=True)
    ):
        for lead in leads or []:
            seen.setdefault(lead, None)
    return sorted(seen, key=lambda lead: (lead.casefold(), lead))


def stale_days() -> int:
    """Days without progress after which an open action is stale (TOUCHSTONE_PLANS_STALE_DAYS)."""
    return settings.TOUCHSTONE_PLANS_STALE_DAYS


@dataclass(frozen=True)
class ActionFlags:
    overdue: bool
    due_soon: bool
    stale: bool


def action_flags(action: Action, *, as_of: date | None = None) -> ActionFlags:
    """What an action is as of a date (today when absent): overdue, due in the next 30 days
    (and not overdue), stale (no progress for `stale_days()`). Every page, API answer, export
    and report reads an action's flags here, so they always agree."""
    as_of = as_of or timezone.localdate()
    overdue = rules.is_overdue(due_date=action.due_date, status=action.status, as_of=as_of)
    return ActionFlags(
        overdue=overdue,
        due_soon=not overdue
        and rules.is_due_within(due_date=action.due_date, status=action.status, as_of=as_of),
        stale=rules.is_stale(
            last_progress_on=action.last_progress_on,
            created_on=timezone.localdate(action.created_at),
            status=action.status,
            as_of=as_of,
            stale_after_days=stale_days(),
        ),
    )


@dataclass
class AreaSummary:
    name: str
    counts: dict[str, int]
    total: int


@dataclass
class Dashboard:
    plan: Plan
    as_of: date
    areas: list[AreaSummary]
    totals: dict[str, int]
    overdue: list[Action] = field(default_factory=list)
    due_soon: list[Action] = field(default_factory=list)
    stale: list[Action] = field(default_factory=list)


def plan_dashboard(plan: Plan, *, as_of: date, filters: dict | None = None) -> Dashboard:
    """RAG counts by area, overdue, due in the next 30 days and stale actions, as of a date."""
    actions = list(actions_for_plan(plan, filters=filters))
    by_area: dict[int, tuple[str, list[str | None]]] = {}
    for action in actions:
        area = action.target.area
        by_area.setdefault(area.pk, (str(area), []))[1].append(action.rag or None)
    areas = [
        AreaSummary(name=name, counts=rules.rag_counts(rags), total=len(rags))
        for name, rags in by_area.values()
    ]
    dashboard = Dashboard(
        plan=plan,
        as_of=as_of,
        areas=areas,
        totals=rules.rag_counts(a.rag or None for a in actions),
    )
    for action in actions:
        flags = action_flags(action, as_of=as_of)
        if flags.overdue:
            dashboard.overdue.append(action)
        elif flags.due_soon:
            dashboard.due_soon.append(action)
        if flags.stale:
            dashboard.stale.append(action)
    dashboard.due_soon.sort(key=lambda a: a.due_date)
    dashboard.overdue.sort(key=lambda a: a.due_date)
    return dashboard


def latest_progress(action: Action) -> ProgressUpdate | None:
    """The newest progress update (uses the prefetch from actions_for_plan when present)."""
    updates = list(action.progress_updates.all())
    return updates[0] if updates else None
