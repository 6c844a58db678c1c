"""Step 4, the application (§58-64): the applicant's form, submitting it with the supervisor's
reference (the step 2 one when recent enough, §62) and the letter confirming the qualifying
experience (§59), the invoice for the fee (§60), and sending the further information an
officer asks for."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from touchstone.core.inputs import phone_number_possible
from touchstone.core.permissions import require_perm
from touchstone.core.services import (
    audit_record,
    deadline_close,
    lock_for_change,
    version_bump,
)
from touchstone.rights import rules
from touchstone.rights.models import Application
from touchstone.rights.selectors import (
    application_needs,
    given_reference,
    letters_of,
)
from touchstone.rights.services.audit import AuditAction, audit_changes
from touchstone.rights.services.common import portfolio_changing
from touchstone.rights.services.declarations import application_fee_settled
from touchstone.rights.services.experience import (
    fee_invoice,
    invoice_words,
    notify_applicant,
)

FEE = "application_assessment"  # §60
INFORMATION = "rights.information_requested"  # the applicant's deadline to send it


def _next(application: Application, action: str, by: str) -> str:
    try:
        return rules.application_next(application.application_state, action, by)
    except rules.StateError as exc:
        raise ValidationError(str(exc)) from exc


def _clean_answers(answers: dict) -> dict:
    known = {q.code for q in rules.APPLICATION_FORM}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValidationError(f"Unknown questions: {', '.join(unknown)}")
    cleaned = {code: str(answers.get(code) or "").strip() for code in sorted(known)}
    if cleaned["character"] != "yes":
        cleaned["character_details"] = ""
    return cleaned


@transaction.atomic
def application_form_save(
    *, acting_user, application: Application, answers: dict, expected_version: int | None = None
) -> Application:
    """Save the application form's answers (all of them, each checked: nothing is saved while
    one is wrong). Only while the portfolio may change: before submitting, or to answer a
    request for further information."""
    portfolio_changing(acting_user, application, expected_version)
    cleaned = _clean_answers(answers)
    errors = rules.form_errors(cleaned, phone_ok=phone_number_possible)
    if errors:
        raise ValidationError(errors)
    before = dict(application.form_answers)
    application.form_answers = cleaned
    version_bump(application)
    application.save(update_fields=["form_answers", "version", "updated_at"])
    audit_changes(
        actor=acting_user,
        action=AuditAction.SAVE_APPLICATION_FORM,
        obj=application,
        before=before,
        after=cleaned,
    )
    return application


def _confirmation_letter(application: Application):
    """§59: the letter confirming the qualifying experience meets the requirement (the newest)."""
    return letters_of(application, step="experience").filter(decision="meets").first()


@transaction.atomic
def application_submit(
    *, acting_user, application: Application, expected_version: int | None = None
) -> Application:
    """Submit the application (§58-60): everything `application_needs` asks for must be there
    on the application date (today). The supervisor's reference and the letter confirming the
    qualifying experience go with it; an invoice is raised for the assessment fee, or, when
    the scheme charges none, the declarations are sent at once."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)
    application.application_state = _next(application, "submit", "applicant")
    today = timezone.localdate()
    needed = application_needs(application, on=today)
    if needed:
        raise ValidationError([n.message for n in needed])
    application.application_submitted_on = today
    application.application_reference = given_reference(application)
    application.experience_letter = _confirmation_letter(application)
    application.application_reasons = ""
    invoice = fee_invoice(acting_user, application, today, FEE)
    if invoice is not None:
        application.application_state = rules.application_next(
            application.application_state, "raise_invoice", "system"
        )
    version_bump(application)
    application.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.SUBMIT_APPLICATION,
        obj=application,
        after={
            "submitted_on": today,
            "reference": application.application_reference_id,
            "invoice": invoice.number if invoice else None,
        },
    )
    notify_applicant(
        application,
        "Your application was submitted",
        f"We have your application, made on {today.day} {today:%B %Y}, with your portfolio, "
        "your supervisor's reference and our letter confirming your qualifying experience."
        + (
            invoice_words(invoice, "60")
            if invoice
            else " We will now send you and your supervisor the declarations to sign."
        ),
    )
    if invoice is None:
        application_fee_settled(acting_user=acting_user, application=application)
    return application


@transaction.atomic
def application_resubmit(
    *, acting_user, application: Application, note: str, expected_version: int | None = None
) -> Application:
    """The applicant sends the further information asked for ("How will my application be
    assessed?" 3): what they changed, in their words; it is assessed again."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)
    application.application_state = _next(application, "resubmit", "applicant")
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Say what you have sent or changed."})
    if len(note) > rules.TEXT_LIMIT:
        raise ValidationError({"note": f"Use {rules.TEXT_LIMIT} characters or fewer."})
    needed = [
        n
        for n in application_needs(application, on=application.application_submitted_on)
        if n.code in ("FORM_INCOMPLETE", "PORTFOLIO_INCOMPLETE")
    ]
    if needed:
        raise ValidationError([n.message for n in needed])
    application.information_due_on = None
    version_bump(application)
    application.save()
    deadline_close(acting_user=acting_user, subject=application, kind=INFORMATION)
    audit_record(
        actor=acting_user,
        action=AuditAction.RESUBMIT_APPLICATION,
        obj=application,
        after={"note": note},
    )
    notify_applicant(
        application,
        "We have your further information",
        "Thank you: we have the further information you sent. An officer will assess your "
        "application again and write to you with the decision.",
    )
    return application
