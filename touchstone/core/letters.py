"""Letters as PDF: one A4 page from the organisation to one person (a decision, a notice),
rendered with WeasyPrint (`core.pdf.render_pdf`) from `core/letter.html`. Store one with
`core.services.letter_store` and send it as a notification's attachment (`notify`)."""

from collections.abc import Sequence

from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.models import Organisation
from touchstone.core.pdf import render_pdf


def letter_pdf(
    *,
    organisation: Organisation,
    recipient_name: str,
    recipient_address_lines: Sequence[str],
    reference: str,
    subject: str,
    paragraphs: Sequence[str],
    signed_by: str,
) -> bytes:
    """The letter's PDF: the organisation's name as the letterhead, today's date in words,
    the recipient, our reference, the subject in bold, the paragraphs (blank ones left out)
    and "Yours sincerely" with `signed_by`."""
    return render_pdf(
        "core/letter.html",
        {
            "organisation": organisation,
            "date": date_in_words(timezone.localdate()),
            "recipient_name": recipient_name,
            "address_lines": [line for line in recipient_address_lines if line],
            "reference": reference,
            "subject": subject,
            "paragraphs": [text.strip() for text in paragraphs if text and text.strip()],
            "signed_by": signed_by,
        },
    )
