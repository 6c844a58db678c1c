"""The practice-rights module's forms, by the step they serve (a fee's payment is core's)."""

from touchstone.core.forms import PaymentForm
from touchstone.rights.forms.application import (
    ApplicationDecisionForm,
    ApplicationForm,
    ResubmitForm,
)
from touchstone.rights.forms.declarations import DeclarationSignForm
from touchstone.rights.forms.portfolio import (
    EvidenceForm,
    OptionalOutcomeForm,
    SheetForm,
    SupervisorForm,
)
from touchstone.rights.forms.references import ReferenceGiveForm, ReferenceRequestForm
from touchstone.rights.forms.steps import (
    DecisionForm,
    KnowledgeDecisionForm,
    KnowledgeForm,
    OfficerDecisionForm,
    PeriodChangeForm,
    PeriodForm,
    SchemeOnForm,
)

__all__ = [
    "ApplicationDecisionForm",
    "ApplicationForm",
    "ResubmitForm",
    "DecisionForm",
    "DeclarationSignForm",
    "EvidenceForm",
    "KnowledgeDecisionForm",
    "KnowledgeForm",
    "OfficerDecisionForm",
    "OptionalOutcomeForm",
    "PaymentForm",
    "PeriodChangeForm",
    "PeriodForm",
    "ReferenceGiveForm",
    "ReferenceRequestForm",
    "SchemeOnForm",
    "SheetForm",
    "SupervisorForm",
]
