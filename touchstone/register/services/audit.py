"""The actions the register's services write to the audit log. Other systems read the stored
strings: add values, never change one."""

from enum import StrEnum


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    CHANGE_STATUS = "change_status"
    SET_OFFICES = "set_offices"
    GRANT_RIGHT = "grant_right"
    END_RIGHT = "end_right"
    LINK_USER = "link_user"
    RECORD_FINDING = "record_finding"
    CHANGE_FINDING_PUBLICATION = "change_finding_publication"
    ADD_CPD_ACTIVITY = "add_cpd_activity"
    SUBMIT_CPD = "submit_cpd"
    DRAW_CPD_SAMPLE = "draw_cpd_sample"
    EXPORT_REGISTER = "export_register"
    CHANGE_CPD_ACTIVITY = "change_cpd_activity"
    REMOVE_CPD_ACTIVITY = "remove_cpd_activity"
