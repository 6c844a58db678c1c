"""The actions the standards services write to the audit log. Other systems read the stored
strings: add values, never change one."""

from enum import StrEnum


class AuditAction(StrEnum):
    LOAD_FRAMEWORK = "load_framework"
    REPLACE_FRAMEWORK = "replace_framework"
