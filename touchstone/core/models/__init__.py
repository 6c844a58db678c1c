from touchstone.core.models.audit import AuditEvent
from touchstone.core.models.deadlines import Deadline, Notification
from touchstone.core.models.generations import Generation
from touchstone.core.models.identity import (
    LoginAttempt,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
    Role,
    User,
)
from touchstone.core.models.imports import PendingImport
from touchstone.core.models.invoices import Invoice
from touchstone.core.models.jobs import Job
from touchstone.core.models.links import AccessLink
from touchstone.core.models.submissions import Submission, Versioned
from touchstone.core.models.uploads import Upload
from touchstone.core.models.workers import Schedule, WorkerHeartbeat

__all__ = [
    "AccessLink",
    "AuditEvent",
    "Deadline",
    "Generation",
    "Invoice",
    "Job",
    "LoginAttempt",
    "Membership",
    "Notification",
    "Organisation",
    "OrganisationKind",
    "PendingImport",
    "Person",
    "Role",
    "Schedule",
    "Submission",
    "Upload",
    "User",
    "Versioned",
    "WorkerHeartbeat",
]
