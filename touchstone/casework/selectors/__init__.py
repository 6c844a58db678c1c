"""What the casework module offers other modules to read."""

from touchstone.casework.selectors.cases import case_for_staff, case_timeline, cases_for_user
from touchstone.casework.selectors.schemes import forget_schemes, scheme_data
from touchstone.casework.selectors.scorecard import scorecard, scorecard_counts
from touchstone.casework.selectors.targets import scorecard_targets, targets_for

__all__ = [
    "case_for_staff",
    "case_timeline",
    "cases_for_user",
    "forget_schemes",
    "scheme_data",
    "scorecard",
    "scorecard_counts",
    "scorecard_targets",
    "targets_for",
]
