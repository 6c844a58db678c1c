"""The actions the practice-rights services write to the audit log. Other systems read the
stored strings: add values, never change one."""

from enum import StrEnum


class AuditAction(StrEnum):
    START_APPLICATION = "start_application"
    ADD_PERIOD = "add_period"
    CHANGE_PERIOD = "change_period"
    REMOVE_PERIOD = "remove_period"
    SUBMIT_EXPERIENCE = "submit_experience"
    REOPEN_EXPERIENCE = "reopen_experience"
    DECIDE_EXPERIENCE = "decide_experience"
    SET_KNOWLEDGE_EVIDENCE = "set_knowledge_evidence"
    SUBMIT_KNOWLEDGE = "submit_knowledge"
    REOPEN_KNOWLEDGE = "reopen_knowledge"
    DECIDE_KNOWLEDGE = "decide_knowledge"
