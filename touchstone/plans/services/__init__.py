"""Plans services: re-exported for callers inside and outside the module."""

from touchstone.plans.services.audit import AuditAction
from touchstone.plans.services.plans import (
    ACTION_DEADLINE,
    ACTION_FIELDS,
    CLOSED_STATUSES,
    ActionInput,
    action_add,
    action_update,
    area_add,
    plan_create,
    progress_record,
    target_add,
)

__all__ = [
    "ACTION_DEADLINE",
    "ACTION_FIELDS",
    "ActionInput",
    "AuditAction",
    "CLOSED_STATUSES",
    "action_add",
    "action_update",
    "area_add",
    "plan_create",
    "progress_record",
    "target_add",
]
