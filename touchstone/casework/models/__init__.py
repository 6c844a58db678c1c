"""The casework module's models: the schemes as stored reference data, the cases with their
parties and timelines, and the scorecard's measures and targets."""

from touchstone.casework.models.cases import (
    SCHEME_ORGANISATION,
    Case,
    CaseEvent,
    Complexity,
    EventKind,
    Jurisdiction,
    Party,
    PartyRole,
)
from touchstone.casework.models.complaints import (
    ComplaintDraft,
    Correspondence,
    DraftState,
    Evidence,
    PartyLink,
)
from touchstone.casework.models.decisions import (
    CouncilSeat,
    Decision,
    DecisionMaker,
    PanelMember,
)
from touchstone.casework.models.measures import (
    ComplaintOutcome,
    KpiTarget,
    KpiTargetRevision,
    Measure,
    SatisfactionResponse,
    ServiceComplaint,
    SurveyRole,
    TargetComplexity,
)
from touchstone.casework.models.requests import InformationRequest
from touchstone.casework.models.schemes import Scheme, SchemeDefinition

__all__ = [
    "SCHEME_ORGANISATION",
    "Case",
    "CaseEvent",
    "ComplaintDraft",
    "ComplaintOutcome",
    "Correspondence",
    "DraftState",
    "Evidence",
    "CouncilSeat",
    "Decision",
    "DecisionMaker",
    "Complexity",
    "EventKind",
    "InformationRequest",
    "Jurisdiction",
    "KpiTarget",
    "KpiTargetRevision",
    "Measure",
    "PanelMember",
    "Party",
    "PartyLink",
    "PartyRole",
    "SatisfactionResponse",
    "Scheme",
    "SchemeDefinition",
    "ServiceComplaint",
    "SurveyRole",
    "TargetComplexity",
]
