"""The register's models, split by meaning: reference data, registrants, CPD."""

from touchstone.register.models.cpd import CpdActivity, CpdRecord, CpdSample, CpdScheme
from touchstone.register.models.reference import Category, RightType, Status
from touchstone.register.models.registrants import (
    NO_SUCH_ENTITY,
    EntityOffice,
    Finding,
    Kind,
    PracticeRight,
    Registrant,
    StatusChange,
)
from touchstone.register.models.search import NameWord, NameWordKey, RegistrantWord

__all__ = [
    "NO_SUCH_ENTITY",
    "Category",
    "CpdActivity",
    "CpdRecord",
    "CpdSample",
    "CpdScheme",
    "EntityOffice",
    "Finding",
    "Kind",
    "NameWord",
    "NameWordKey",
    "PracticeRight",
    "Registrant",
    "RegistrantWord",
    "RightType",
    "Status",
    "StatusChange",
]
