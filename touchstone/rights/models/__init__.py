"""The practice-rights module's models: the schemes, the applications made under them, and the
supervisors' references."""

from touchstone.rights.models.applications import Application, ExperiencePeriod
from touchstone.rights.models.declarations import (
    DECLARATION_ROLES,
    DECLARATION_STATES,
    Declaration,
)
from touchstone.rights.models.letters import LETTER_STEPS, DecisionLetter
from touchstone.rights.models.portfolio import (
    PortfolioSheet,
    PortfolioSupervisor,
    SheetEvidence,
)
from touchstone.rights.models.references import SupervisorReference
from touchstone.rights.models.schemes import SchemeVersion

__all__ = [
    "DECLARATION_ROLES",
    "DECLARATION_STATES",
    "LETTER_STEPS",
    "Declaration",
    "Application",
    "DecisionLetter",
    "ExperiencePeriod",
    "PortfolioSheet",
    "PortfolioSupervisor",
    "SchemeVersion",
    "SheetEvidence",
    "SupervisorReference",
]
