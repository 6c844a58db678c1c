"""What the standards module offers other modules to read."""

from touchstone.standards.selectors.accreditation import (
    AssessmentSheet,
    accreditation_for,
    accreditations_list,
    accreditations_visible,
    assessment_current,
    assessment_for,
    assessment_sheet,
)
from touchstone.standards.selectors.assessment import (
    ACCREDITED_FRAMEWORK,
    FeesMissing,
    assessment_check_for,
    assessment_shape,
    fee_schedules,
    has_accreditation_scheme,
)
from touchstone.standards.selectors.coverage import (
    Coverage,
    CoveredStandard,
    MappedClause,
    clauses_mapped,
    coverage,
    coverage_targets,
)
from touchstone.standards.selectors.frameworks import (
    FrameworkTable,
    StandardRow,
    UnknownFramework,
    framework_current,
    framework_edition,
    framework_table,
    frameworks_current,
    library_document,
)
from touchstone.standards.selectors.holders import Holder, holder_certificate, holders_public

__all__ = [
    "Holder",
    "holder_certificate",
    "holders_public",
    "ACCREDITED_FRAMEWORK",
    "Coverage",
    "CoveredStandard",
    "MappedClause",
    "clauses_mapped",
    "coverage",
    "coverage_targets",
    "AssessmentSheet",
    "accreditation_for",
    "accreditations_list",
    "accreditations_visible",
    "assessment_current",
    "assessment_for",
    "assessment_sheet",
    "FeesMissing",
    "assessment_check_for",
    "assessment_shape",
    "fee_schedules",
    "has_accreditation_scheme",
    "FrameworkTable",
    "StandardRow",
    "UnknownFramework",
    "framework_current",
    "framework_edition",
    "framework_table",
    "frameworks_current",
    "library_document",
]
