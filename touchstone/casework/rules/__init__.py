"""The casework module's pure rules: the schemes as data and the moves they allow, and the
KPI scorecard's definitions, the decisions' rules (independence, panels, publication), and
the queue's orders. Standard library only (tests/test_module_shape.py)."""

from .decisions import (
    add_months,
    decision_maker,
    independence_refusal,
    panel_refusal,
    publication_period,
    publication_refusal,
)
from .schemes import (
    COMPLEXITIES,
    SchemeError,
    conclusion_refusal,
    move_refusal,
    reopen_refusal,
    scheme_read,
    stage_name,
)
from .scorecard import (
    GROUPS,
    PARTIES,
    WITHIN,
    empty_counts,
    median_days,
    median_of,
    middle_positions,
    percentage,
    scorecard,
    scorecard_from_counts,
)

__all__ = [
    "COMPLEXITIES",
    "GROUPS",
    "PARTIES",
    "WITHIN",
    "SchemeError",
    "add_months",
    "decision_maker",
    "independence_refusal",
    "panel_refusal",
    "publication_period",
    "publication_refusal",
    "conclusion_refusal",
    "empty_counts",
    "median_days",
    "median_of",
    "middle_positions",
    "move_refusal",
    "percentage",
    "reopen_refusal",
    "scheme_read",
    "scorecard",
    "scorecard_from_counts",
    "stage_name",
]
