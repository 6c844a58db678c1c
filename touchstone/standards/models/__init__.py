from touchstone.standards.models.accreditation import (
    OPEN_STATES,
    Accreditation,
    AccreditationState,
    Answer,
    AnswerValue,
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    Evidence,
)
from touchstone.standards.models.frameworks import (
    Framework,
    Mapping,
    MappingSet,
    Node,
    NodeKind,
    Relationship,
)

__all__ = [
    "OPEN_STATES",
    "Accreditation",
    "AccreditationState",
    "Answer",
    "AnswerValue",
    "Assessment",
    "AssessmentKind",
    "AssessmentStatus",
    "Evidence",
    "Framework",
    "Mapping",
    "MappingSet",
    "Node",
    "NodeKind",
    "Relationship",
]
