"""The actions the practice-rights services write to the audit log. Other systems read the
stored strings: add values, never change one."""

from enum import StrEnum

from touchstone.core.services import audit_record


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
    SET_KNOWLEDGE_EVIDENCE = "set_knowledge_evidence"
    SUBMIT_KNOWLEDGE = "submit_knowledge"
    REOPEN_KNOWLEDGE = "reopen_knowledge"
    DECIDE_KNOWLEDGE = "decide_knowledge"
    SAVE_SHEET = "save_sheet"
    REMOVE_SHEET = "remove_sheet"
    ADD_EVIDENCE = "add_evidence"
    REMOVE_EVIDENCE = "remove_evidence"
    ADD_SUPERVISOR = "add_supervisor"
    REMOVE_SUPERVISOR = "remove_supervisor"
    SET_OPTIONAL_OUTCOME = "set_optional_outcome"
    SAVE_APPLICATION_FORM = "save_application_form"
    SUBMIT_APPLICATION = "submit_application"
    RESUBMIT_APPLICATION = "resubmit_application"
    DECIDE_APPLICATION = "decide_application"
    SEND_DECLARATIONS = "send_declarations"
    SIGN_DECLARATION = "sign_declaration"
    WITHDRAW_DECLARATIONS = "withdraw_declarations"
    SETTLE_APPLICATION_FEE = "settle_application_fee"


def audit_changes(*, actor, action: str, obj, before: dict, after: dict) -> None:
    """An audit event with only what changed between two snapshots (`core.services.snapshot`)."""
    changed = sorted(k for k in after if after[k] != before.get(k))
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        before={k: before.get(k) for k in changed},
        after={k: after[k] for k in changed},
    )
