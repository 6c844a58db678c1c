"""The decision letters of steps 1 and 2: written when an officer records a decision, as a
PDF in the regulator's name (`core.letters`), kept as an upload and linked to the
application, inside the deciding service's transaction (no letter without its decision)."""

from collections.abc import Sequence

from django.utils import timezone

from touchstone.core.letters import letter_pdf
from touchstone.core.services import letter_store
from touchstone.rights.models import LETTER_STEPS, Application, DecisionLetter


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
    to decide and audits the decision (the stored file is audited by core)."""
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
