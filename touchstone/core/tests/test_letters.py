"""Letters: one A4 page in the organisation's name, kept as an upload (audited, by no one),
and sent as a notification's attachment once the write that made it commits."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.letters import letter_pdf
from touchstone.core.models import AuditEvent, Notification, Upload
from touchstone.core.services import AuditAction, letter_store, notify
from touchstone.core.testing import pdf_pages

pytestmark = pytest.mark.django_db


def _letter(organisation, **changes) -> bytes:
    return letter_pdf(
        **{
            "organisation": organisation,
            "recipient_name": "Ada Lovelace",
            "recipient_address_lines": ["ada@example.test", ""],
            "reference": "PR-7/3",
            "subject": "Your application meets the requirement",
            "paragraphs": ["The first paragraph.", "  ", "The second paragraph."],
            "signed_by": "Olive Officer",
            **changes,
        }
    )


def test_a_letter_is_one_page_with_every_part(organisation):
    pdf = _letter(organisation)
    assert pdf.startswith(b"%PDF-")
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    for part in (
        organisation.name,
        date_in_words(timezone.localdate()),
        "Ada Lovelace",
        "ada@example.test",
        "Our reference: PR-7/3",
        "Your application meets the requirement",
        "The first paragraph.",
        "The second paragraph.",
        "Yours sincerely",
        "Olive Officer",
    ):
        assert part in text, part


def test_a_letter_escapes_what_it_is_given(organisation):
    text = pdf_pages(_letter(organisation, paragraphs=["<b>bold</b> & more"]))[0]
    assert "<b>bold</b> & more" in text


def test_a_stored_letter_is_an_audited_pdf_upload_by_no_one(organisation):
    upload = letter_store(
        organisation=organisation, filename="decision.pdf", pdf=_letter(organisation)
    )
    upload.refresh_from_db()
    assert (upload.kind, upload.content_type, upload.original_name) == (
        "pdf",
        "application/pdf",
        "decision.pdf",
    )
    assert upload.uploaded_by is None and upload.organisation == organisation
    event = AuditEvent.objects.get(action=AuditAction.STORE_UPLOAD, object_id=str(upload.pk))
    assert event.actor is None


def test_bytes_that_are_not_a_pdf_are_not_stored(organisation):
    with pytest.raises(ValidationError):
        letter_store(organisation=organisation, filename="x.pdf", pdf=b"<html></html>")
    assert not Upload.objects.exists()


def test_the_attachment_goes_with_the_email_after_commit(
    organisation, make_user, django_capture_on_commit_callbacks
):
    person = make_user("addressee")
    pdf = _letter(organisation)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        upload = letter_store(organisation=organisation, filename="decision.pdf", pdf=pdf)
        notify(
            recipient=person,
            key="letter:1",
            subject="A letter",
            body="Attached.",
            attachment=upload,
        )
        assert not mail.outbox  # nothing is sent before the commit
    (message,) = mail.outbox
    assert message.to == [person.email] and message.body == "Attached."
    assert message.attachments == [("decision.pdf", pdf, "application/pdf")]
    assert Notification.objects.get(key="letter:1").attachment == upload
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            notify(recipient=person, key="letter:1", subject="Again", body="", attachment=upload)
            is None
        )
    assert len(mail.outbox) == 1  # one per key, as before


def test_a_notification_without_an_attachment_is_plain_text(
    make_user, django_capture_on_commit_callbacks
):
    person = make_user("reader")
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=person, key="plain:1", subject="Hello", body="Words.", url="/here/")
    (message,) = mail.outbox
    assert message.attachments == [] and message.body.startswith("Words.\n\n")
    assert message.body.endswith("/here/")
