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
)
from touchstone.rights.selectors.references import (
    given_reference,
    open_reference,
    reference_for_link,
    reference_terms_for,
    references_of,
)
from touchstone.rights.selectors.schemes import (
    UnknownScheme,
    forget_schemes,
    portfolio_check_for,
    qe_check_for,
    scheme_codes,
    scheme_on,
    scheme_today,
    scheme_versions,
)

__all__ = [
    "accredited_for",
    "knowledge_document_for",
    "knowledge_missing_for",
    "qualification_name",
    "application_for",
    "applications_for_officer",
    "applications_of",
    "experience_check",
    "experience_input",
    "granting_regulators",
    "given_reference",
    "open_reference",
    "reference_for_link",
    "reference_terms_for",
    "references_of",
    "scheme_today",
    "UnknownScheme",
    "forget_schemes",
    "portfolio_check_for",
    "qe_check_for",
    "scheme_codes",
    "scheme_on",
    "scheme_versions",
]
