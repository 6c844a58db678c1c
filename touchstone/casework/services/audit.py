"""The actions the casework services write to the audit log. Other systems read the stored
strings: add values, never change one."""

from enum import StrEnum


class AuditAction(StrEnum):
    CREATE_CASE = "create_case"
    ACCEPT_CASE = "accept_case"
    TRIAGE_CASE = "triage_case"
    ASSIGN_CASE = "assign_case"
    MOVE_CASE = "move_case"
    CONCLUDE_CASE = "conclude_case"
    REOPEN_CASE = "reopen_case"
    IMPORT_CASE = "import_case"
    RECORD_SATISFACTION = "record_satisfaction"
    RECORD_SERVICE_COMPLAINT = "record_service_complaint"
    SET_KPI_TARGET = "set_kpi_target"
    REVISE_KPI_TARGET = "revise_kpi_target"
    SUBMIT_COMPLAINT = "submit_complaint"
    SEND_CORRESPONDENCE = "send_correspondence"
    ADD_EVIDENCE = "add_evidence"
    MAKE_SERVICE_COMPLAINT = "make_service_complaint"
    EXPORT_CASES = "export_cases"
    ADD_NOTE = "add_case_note"
    REQUEST_INFORMATION = "request_information"
    RECEIVE_INFORMATION = "receive_information"
    ADD_PANEL_MEMBER = "add_panel_member"
    RECORD_COUNCIL_MEMBER = "record_council_member"
    END_COUNCIL_MEMBER = "end_council_member"
    DECIDE_CASE = "decide_case"
