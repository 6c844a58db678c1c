"""The actions the standards services write to the audit log. Other systems read the stored
strings: add values, never change one."""

from enum import StrEnum


class AuditAction(StrEnum):
    LOAD_FRAMEWORK = "load_framework"
    REPLACE_FRAMEWORK = "replace_framework"
    APPLY_ACCREDITATION = "apply_accreditation"
    RECORD_ACCREDITATION_FEE = "record_accreditation_fee"
    SAVE_ASSESSMENT_ANSWERS = "save_assessment_answers"
    ADD_ASSESSMENT_EVIDENCE = "add_assessment_evidence"
    SUBMIT_ASSESSMENT = "submit_assessment"
    START_RENEWAL = "start_renewal"
    TERMINATE_ACCREDITATION = "terminate_accreditation"
    LAPSE_ACCREDITATION = "lapse_accreditation"
    EXPORT_HOLDERS = "export_holders"
    EXPORT_ASSESSMENTS = "export_assessments"
    EXPORT_ASSESSMENT_PDF = "export_assessment_pdf"
