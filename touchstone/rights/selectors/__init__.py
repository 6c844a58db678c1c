"""What the practice-rights module offers other modules to read."""

from touchstone.rights.selectors.applications import (
    accredited_for,
    application_for,
    applications_for_officer,
    applications_of,
    experience_check,
    experience_input,
    granting_regulators,
    knowledge_document_for,
    knowledge_missing_for,
    qualification_name,
    scheme_today,
)
from touchstone.rights.selectors.schemes import (
    UnknownScheme,
    forget_schemes,
    portfolio_check_for,
    qe_check_for,
    scheme_codes,
    scheme_on,
    scheme_versions,
)

__all__ = [
    "accredited_for",
    "knowledge_document_for",
    "knowledge_missing_for",
    "qualification_name",
    "scheme_today",
    "application_for",
    "applications_for_officer",
    "applications_of",
    "experience_check",
    "experience_input",
    "granting_regulators",
    "UnknownScheme",
    "forget_schemes",
    "portfolio_check_for",
    "qe_check_for",
    "scheme_codes",
    "scheme_on",
    "scheme_versions",
]
