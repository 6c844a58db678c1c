"""The casework module's pure rules: the schemes as data and the moves they allow, and the
KPI scorecard's definitions. Standard library only (tests/test_module_shape.py)."""

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
