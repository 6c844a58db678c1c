"""Step 1, technical knowledge (§12-16): the applicant's evidence (an accredited qualification
and its certificate, or a request to recognise prior legal qualifications with a document),
its submission, and the officer's decision, with reasons when it is not met."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from touchstone.core.permissions import require_perm
from touchstone.core.services import (
    audit_record,
    lock_for_change,
    snapshot,
    upload_store,
    version_bump,
)
from touchstone.rights import rules
from touchstone.rights.models import Application
from touchstone.rights.selectors import accredited_for, knowledge_missing_for, qualification_name
from touchstone.rights.services.audit import AuditAction, audit_changes
from touchstone.rights.services.common import notify_applicant
from touchstone.rights.services.letters import decision_sent

EVIDENCE_FIELDS = (
    "knowledge_route",
    "knowledge_qualification",
    "knowledge_description",
    "knowledge_document_id",
)
STATE_FIELDS = ("knowledge_state", "knowledge_submitted_on", "knowledge_decided_on")


def _next(application: Application, action: str, by: str) -> str:
    try:
        return rules.knowledge_next(application.knowledge_state, action, by)
    except rules.StateError as exc:
        raise ValidationError(str(exc)) from exc


def _evidence_checked(application: Application, route: str, qualification: str) -> None:
    if route not in rules.ROUTES:
        raise ValidationError(
            {"route": "Choose whether you have an accredited qualification or ask for recognition"}
        )
    codes = {code for code, _ in accredited_for(application)}
    if route == "accredited" and qualification and qualification not in codes:
        raise ValidationError(
            {"qualification": "Choose one of the accredited qualifications the scheme lists"}
        )


@transaction.atomic
def knowledge_evidence_set(
    *,
    acting_user,
    application: Application,
    route: str,
    qualification: str = "",
    description: str = "",
    file=None,
    expected_version: int | None = None,
) -> Application:
    """Record the applicant's step 1 evidence while it is not submitted: the route, the
    qualification (accredited) or the description (recognition), and a new document when one
    is sent (it replaces the one before; without one the one before is kept). A file that is
    not accepted is refused by the document field, and nothing at all is written."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)
    if application.knowledge_state not in rules.EDITABLE:
        label = rules.KNOWLEDGE_STATES[application.knowledge_state].lower()
        raise ValidationError(f"Your technical knowledge is {label}: it cannot be changed now.")
    _evidence_checked(application, route, qualification)
    before = snapshot(application, EVIDENCE_FIELDS)
    document = application.knowledge_document
    if file is not None:  # last: a refused file leaves nothing behind, a stored one is used
        try:
            document = upload_store(
                acting_user=acting_user, organisation=application.regulator, file=file
            )
        except ValidationError as exc:
            raise ValidationError({"document": exc.messages}) from exc
    # Only now is the application changed (a refusal above leaves even this copy as it was).
    application.knowledge_route = route
    application.knowledge_qualification = qualification if route == "accredited" else ""
    application.knowledge_description = (
        (description or "").strip() if route == "recognition" else ""
    )
    application.knowledge_document = document
    version_bump(application)
    application.save()
    audit_changes(
        actor=acting_user,
        action=AuditAction.SET_KNOWLEDGE_EVIDENCE,
        obj=application,
        before=before,
        after=snapshot(application, EVIDENCE_FIELDS),
    )
    return application


@transaction.atomic
def knowledge_submit(
    *, acting_user, application: Application, expected_version: int | None = None
) -> Application:
    """Submit the step 1 evidence for an officer to decide on; refused, saying what is
    missing, until the route's evidence is all there."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)
    application.knowledge_state = _next(application, "submit", "applicant")
    missing = knowledge_missing_for(application)
    if missing:
        raise ValidationError(missing)
    application.knowledge_submitted_on = timezone.localdate()
    application.knowledge_reasons = ""  # an earlier decision's reasons stay in the history
    version_bump(application)
    application.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.SUBMIT_KNOWLEDGE,
        obj=application,
        after={
            **snapshot(application, ["knowledge_state", "knowledge_submitted_on"]),
            **snapshot(application, EVIDENCE_FIELDS),
        },
    )
    what = (
        f"your accredited qualification, {qualification_name(application)}, and its certificate"
        if application.knowledge_route == "accredited"
        else "your request to recognise your prior legal qualifications"
    )
    notify_applicant(
        application,
        "Your technical knowledge was submitted",
        f"We have {what}. An officer will assess it and write to you with the decision.",
    )
    return application


@transaction.atomic
def knowledge_reopen(
    *, acting_user, application: Application, expected_version: int | None = None
) -> Application:
    """Back to draft after a decision that it is not met, to change the evidence."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)
    application.knowledge_state = _next(application, "reopen", "applicant")
    version_bump(application)
    application.save()
    audit_record(actor=acting_user, action=AuditAction.REOPEN_KNOWLEDGE, obj=application)
    notify_applicant(
        application,
        "You can change your technical knowledge",
        "Change your evidence or add a document, then submit it again.",
    )
    return application


DECISION_WORDS = {
    "meets": "Your technical knowledge meets the requirement",
    "does_not_meet": "Your technical knowledge does not meet the requirement",
}


@transaction.atomic
def knowledge_decide(
    *,
    acting_user,
    application: Application,
    action: str,
    reasons: str = "",
    expected_version: int | None = None,
) -> Application:
    """An officer's decision on the submitted step 1 evidence (§12-16): it meets the
    requirement, or it does not (with reasons, for the letter). Of two officers deciding at
    once, the second is refused as deciding on an old version (StaleVersion)."""
    require_perm(acting_user, "rights.decide_application", application)
    lock_for_change(application, expected_version=expected_version)
    before = snapshot(application, STATE_FIELDS)
    application.knowledge_state = _next(application, action, "officer")
    reasons = (reasons or "").strip()
    if action == "does_not_meet" and not reasons:
        raise ValidationError({"reasons": "Give the reasons, for the letter to the applicant."})
    application.knowledge_decided_on = timezone.localdate()
    application.knowledge_reasons = reasons
    version_bump(application)
    application.save()
    paragraphs = [reasons or "An officer has confirmed your technical knowledge (handbook §12-16)."]
    if action == "does_not_meet":
        paragraphs.append("You can change your evidence and submit it again.")
    decision_sent(
        acting_user=acting_user,
        application=application,
        step="knowledge",
        decision=action,
        subject=DECISION_WORDS[action],
        paragraphs=paragraphs,
        audit_action=AuditAction.DECIDE_KNOWLEDGE,
        before=before,
        after={**snapshot(application, STATE_FIELDS), "reasons": reasons},
    )
    return application
