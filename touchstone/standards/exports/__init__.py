"""What the standards module writes out: a framework edition in each format (`library`), and
the accreditation scheme's records — the holders and the assessments as CSV or XLSX, and a
completed assessment as a PDF in the framework's printed layout (`accreditation`)."""

from touchstone.standards.exports.accreditation import (
    ASSESSMENT_COLUMNS,
    HOLDER_COLUMNS,
    assessment_pdf,
    assessments_export_rows,
    holders_export_rows,
)
from touchstone.standards.exports.library import (
    CONTENT_TYPES,
    FORMATS,
    export_filename,
    framework_export,
    framework_json,
)

__all__ = [
    "ASSESSMENT_COLUMNS",
    "CONTENT_TYPES",
    "FORMATS",
    "HOLDER_COLUMNS",
    "assessment_pdf",
    "assessments_export_rows",
    "export_filename",
    "framework_export",
    "framework_json",
    "holders_export_rows",
]
