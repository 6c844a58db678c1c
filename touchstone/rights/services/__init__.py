"""What the practice-rights module offers other modules to call."""

from touchstone.rights.services.application import (
    application_form_save,
    application_resubmit,
    application_submit,
)
from touchstone.rights.services.assessment import application_decide
from touchstone.rights.services.audit import AuditAction
from touchstone.rights.services.declarations import (
    application_fee_settled,
    declaration_sign,
    declarations_send,
)
from touchstone.rights.services.experience import (
    application_start,
    experience_decide,
    experience_period_add,
    experience_period_remove,
    experience_period_update,
    experience_reopen,
    experience_submit,
    notify_applicant,
)
from touchstone.rights.services.fees import fee_payment_record
from touchstone.rights.services.knowledge import (
    knowledge_decide,
    knowledge_evidence_set,
    knowledge_reopen,
    knowledge_submit,
)
from touchstone.rights.services.portfolio import (
    SHEET_FIELDS,
    portfolio_evidence_add,
    portfolio_evidence_remove,
    portfolio_optional_set,
    portfolio_sheet_remove,
    portfolio_sheet_save,
    portfolio_supervisor_add,
    portfolio_supervisor_remove,
)
from touchstone.rights.services.references import (
    reference_give,
    reference_request,
    reference_withdraw,
    references_chase,
)

__all__ = [
    "application_decide",
    "application_form_save",
    "application_resubmit",
    "application_submit",
    "application_fee_settled",
    "declaration_sign",
    "declarations_send",
    "fee_payment_record",
    "SHEET_FIELDS",
    "portfolio_evidence_add",
    "portfolio_evidence_remove",
    "portfolio_optional_set",
    "portfolio_sheet_remove",
    "portfolio_sheet_save",
    "portfolio_supervisor_add",
    "portfolio_supervisor_remove",
    "AuditAction",
    "application_start",
    "experience_decide",
    "experience_period_add",
    "experience_period_remove",
    "experience_period_update",
    "experience_reopen",
    "experience_submit",
    "notify_applicant",
    "reference_give",
    "reference_request",
    "reference_withdraw",
    "references_chase",
    "knowledge_decide",
    "knowledge_evidence_set",
    "knowledge_reopen",
    "knowledge_submit",
]
