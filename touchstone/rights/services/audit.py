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
    REQUEST_REFERENCE = "request_reference"
    WITHDRAW_REFERENCE = "withdraw_reference"
    GIVE_REFERENCE = "give_reference"
    REMIND_REFERENCE = "remind_reference"
    LAPSE_REFERENCE = "lapse_reference"
