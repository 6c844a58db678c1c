"""The decision letters of steps 1, 2 and 4: written when an officer records a decision, as a
PDF in the regulator's name (`core.letters`), kept as an upload and linked to the
application, inside the deciding service's transaction (no letter without its decision);
`decision_sent` also audits the decision and writes to the applicant with the letter."""

from collections.abc import Sequence

from django.utils import timezone

from touchstone.core.letters import letter_pdf
from touchstone.core.services import audit_record, letter_store
from touchstone.rights.models import LETTER_STEPS, Application, DecisionLetter
from touchstone.rights.services.common import notify_applicant


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def decision_letter(
    *,
    acting_user,
    application: Application,
    step: str,
    decision: str,
    subject: str,
    paragraphs: Sequence[str],
) -> DecisionLetter:
    """Write, keep and link the letter telling the applicant of the `step`'s `decision`,
    signed by the officer who recorded it. The calling service checked the officer's right
    to decide (`decision_sent` audits the decision; core audits the stored file)."""
    if step not in LETTER_STEPS:
        raise ValueError(f"unknown step {step!r}")
    applicant = application.applicant
    pdf = letter_pdf(
        organisation=application.regulator,
        recipient_name=_name(applicant),
        recipient_address_lines=[applicant.email],
        reference=f"PR-{application.pk}/{application.version}",
        subject=subject,
        paragraphs=paragraphs,
        signed_by=_name(acting_user),
    )
    words = LETTER_STEPS[step].lower().replace(" ", "-")
    upload = letter_store(
        organisation=application.regulator,
        filename=f"{words}-decision-{timezone.localdate().isoformat()}.pdf",
        pdf=pdf,
    )
    return DecisionLetter.objects.create(
        application=application, step=step, decision=decision, upload=upload
    )


def decision_sent(
    *,
    acting_user,
    application: Application,
    step: str,
    decision: str,
    subject: str,
    paragraphs: Sequence[str],
    audit_action: str,
    before: dict,
    after: dict,
) -> DecisionLetter:
    """What every decision on a step ends with: its letter written and kept, the decision
    audited (`after`, with the decision and the letter), and the applicant told, the letter
    attached."""
    letter = decision_letter(
        acting_user=acting_user,
        application=application,
        step=step,
        decision=decision,
        subject=subject,
        paragraphs=paragraphs,
    )
    audit_record(
        actor=acting_user,
        action=audit_action,
        obj=application,
        before=before,
        after={**after, "decision": decision, "letter": str(letter.upload_id)},
    )
    notify_applicant(application, subject, "\n\n".join(paragraphs), attachment=letter.upload)
    return letter
