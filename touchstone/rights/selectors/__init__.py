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
from touchstone.rights.selectors.letters import letter_for, letters_of
from touchstone.rights.selectors.portfolio import (
    ChecklistGroup,
    ChecklistRow,
    evidence_on,
    portfolio_check,
    portfolio_checklist,
    portfolio_input,
    portfolio_scheme,
    portfolio_sheets,
)
from touchstone.rights.selectors.redaction import document_findings, known_names
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
from touchstone.rights.selectors.submission import application_needs

__all__ = [
    "application_needs",
    "ChecklistGroup",
    "ChecklistRow",
    "document_findings",
    "evidence_on",
    "known_names",
    "letter_for",
    "letters_of",
    "portfolio_check",
    "portfolio_checklist",
    "portfolio_input",
    "portfolio_scheme",
    "portfolio_sheets",
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
