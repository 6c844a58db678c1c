"""Plans selectors: re-exported for callers inside and outside the module."""

from touchstone.plans.selectors.plans import (
    ActionFlags,
    AreaSummary,
    Dashboard,
    action_flags,
    action_get,
    actions_for_plan,
    latest_progress,
    plan_dashboard,
    plan_get,
    plan_get_by_title,
    plan_leads,
    plans_for_user,
    stale_days,
)

__all__ = [
    "ActionFlags",
    "AreaSummary",
    "Dashboard",
    "action_flags",
    "action_get",
    "actions_for_plan",
    "latest_progress",
    "plan_dashboard",
    "plan_get",
    "plan_get_by_title",
    "plan_leads",
    "plans_for_user",
    "stale_days",
]
