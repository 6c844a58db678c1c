"""Plans models: re-exported for callers inside and outside the module."""

from touchstone.plans.models.plans import (  # noqa: F401
    NOT_RATED,
    Action,
    ActionStatus,
    Area,
    KeyAim,
    KeyTarget,
    Plan,
    PlanKind,
    ProgressUpdate,
    Rag,
)
