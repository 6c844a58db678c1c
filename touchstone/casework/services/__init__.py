"""What the casework module offers other modules to call."""

from touchstone.casework.services.audit import AuditAction
from touchstone.casework.services.cases import (
    case_accept,
    case_assign,
    case_conclude,
    case_create,
    case_reopen,
    case_transition,
    case_triage,
)
from touchstone.casework.services.conduct import (
    council_member_end,
    council_member_record,
    panel_member_add,
)
from touchstone.casework.services.decisions import case_decide
from touchstone.casework.services.measures import (
    kpi_target_set,
    satisfaction_record,
    service_complaint_record,
)
from touchstone.casework.services.records import CaseRecord, case_record
from touchstone.casework.services.requests import (
    case_note_add,
    information_received,
    information_reminders_send,
    information_request,
)

__all__ = [
    "AuditAction",
    "CaseRecord",
    "case_accept",
    "case_assign",
    "case_conclude",
    "case_create",
    "case_decide",
    "case_note_add",
    "case_record",
    "case_reopen",
    "case_transition",
    "case_triage",
    "council_member_end",
    "council_member_record",
    "information_received",
    "information_reminders_send",
    "information_request",
    "kpi_target_set",
    "panel_member_add",
    "satisfaction_record",
    "service_complaint_record",
]
