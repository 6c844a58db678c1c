"""Plans services: re-exported for callers inside and outside the module."""

from touchstone.plans.services.audit import AuditAction  # noqa: F401
from touchstone.plans.services.plans import (  # noqa: F401
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
