"""Pure rules for practice-rights applications: a scheme as data (`scheme`, `versions`), the
qualifying-experience check (`qe`) and the portfolio check (`portfolio`). Standard library
only: no database, no clock — callers pass the day (`as_of`, `application_date`) in the input."""

from .application import Fee, Needed, application_missing, scheme_fee
from .common import MalformedInput
from .declarations import (
    Example,
    declaration_statement,
    signed_name_matches,
    statement_sha256,
)
from .knowledge import (
    ROUTES,
    accredited_qualifications,
    knowledge_missing,
    qualification_code,
)
from .portfolio import (
    examples_of,
    normalise_example,
    outcome_of,
    per_outcome,
    portfolio_check,
    portfolio_date,
)
from .qe import hours_text, qe_check, qe_date
from .references import (
    Point,
    ReferenceTerms,
    months_before,
    name_key,
    names_match,
    reference_reusable,
    reference_terms,
)
from .scheme import Competency, Outcome, Scheme, SchemeError, scheme_from_dict
from .states import (
    APPLICATION_MOVES,
    APPLICATION_STATES,
    EDITABLE,
    EXPERIENCE_STATES,
    KNOWLEDGE_MOVES,
    KNOWLEDGE_STATES,
    PORTFOLIO_EDITABLE,
    Move,
    StateError,
    application_moves,
    application_next,
    experience_moves,
    experience_next,
    knowledge_moves,
    knowledge_next,
)
from .versions import resolve_scheme_document, scheme_in_force

__all__ = [
    "Example",
    "declaration_statement",
    "signed_name_matches",
    "statement_sha256",
    "Fee",
    "scheme_fee",
    "APPLICATION_MOVES",
    "APPLICATION_STATES",
    "Needed",
    "PORTFOLIO_EDITABLE",
    "application_missing",
    "application_moves",
    "application_next",
    "Competency",
    "Outcome",
    "examples_of",
    "normalise_example",
    "outcome_of",
    "per_outcome",
    "EDITABLE",
    "EXPERIENCE_STATES",
    "Move",
    "StateError",
    "experience_moves",
    "experience_next",
    "KNOWLEDGE_MOVES",
    "KNOWLEDGE_STATES",
    "ROUTES",
    "accredited_qualifications",
    "knowledge_missing",
    "knowledge_moves",
    "knowledge_next",
    "qualification_code",
    "hours_text",
    "MalformedInput",
    "Point",
    "ReferenceTerms",
    "months_before",
    "name_key",
    "names_match",
    "reference_reusable",
    "reference_terms",
    "Scheme",
    "SchemeError",
    "portfolio_check",
    "portfolio_date",
    "qe_check",
    "qe_date",
    "resolve_scheme_document",
    "scheme_from_dict",
    "scheme_in_force",
]
