"""The actions plans' services write to the audit log. Other systems read the stored strings:
add values, never change one."""

from enum import StrEnum


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    ADD_AREA = "add_area"
    ADD_KEY_TARGET = "add_key_target"
    RECORD_PROGRESS = "record_progress"
