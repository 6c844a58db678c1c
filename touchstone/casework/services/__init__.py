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
from touchstone.casework.services.complaints import (
    complaint_evidence_add,
    complaint_page_save,
    complaint_resume,
    complaint_save_for_later,
    complaint_submit,
)
from touchstone.casework.services.conduct import (
    council_member_end,
    council_member_record,
    panel_member_add,
)
from touchstone.casework.services.decisions import case_decide
from touchstone.casework.services.links import (
    case_evidence_send,
    case_message_send,
    follow_link_renew,
    follow_link_send,
    service_complaint_make,
    survey_answer,
    survey_send,
)
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
    "case_evidence_send",
    "case_message_send",
    "case_assign",
    "case_conclude",
    "case_create",
    "case_decide",
    "case_note_add",
    "case_record",
    "case_reopen",
    "case_transition",
    "case_triage",
    "complaint_evidence_add",
    "complaint_page_save",
    "complaint_resume",
    "complaint_save_for_later",
    "complaint_submit",
    "follow_link_renew",
    "follow_link_send",
    "council_member_end",
    "council_member_record",
    "information_received",
    "information_reminders_send",
    "information_request",
    "kpi_target_set",
    "panel_member_add",
    "satisfaction_record",
    "service_complaint_make",
    "service_complaint_record",
    "survey_answer",
    "survey_send",
]
