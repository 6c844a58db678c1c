"""Uploads: a file's kind is told by its content, a refused file writes nothing, and a stored
one is sent only as an attachment the browser will not run."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import override_settings

from touchstone.core import testing
from touchstone.core.models import AuditEvent, Upload
from touchstone.core.services import AuditAction, upload_store
from touchstone.core.uploads import (
    DOCX_TYPE,
    MB,
    UploadRefused,
    safe_name,
    size_words,
    upload_check,
)
from touchstone.core.web import upload_response

ACCEPTED = [
    ("pdf", testing.sample_pdf, "application/pdf"),
    ("docx", testing.sample_docx, DOCX_TYPE),
    ("png", testing.sample_png, "image/png"),
    ("jpeg", testing.sample_jpeg, "image/jpeg"),
]
REFUSED = [
    ("a program named .pdf", testing.sample_executable, "it looks like Windows Executable"),
    ("a web page named .pdf", testing.sample_html, "it looks like HTML document"),
    ("an empty file", lambda: b"", "The file is empty."),
    ("a zip that is not a Word document", testing.sample_zip, "zip archive"),
    ("text", lambda: b"just some words", "could not be recognised"),
]


@pytest.mark.parametrize(("kind", "build", "content_type"), ACCEPTED)
def test_each_accepted_kind_is_told_by_its_content(kind, build, content_type):
    checked = upload_check(build())
    assert (checked.kind, checked.content_type) == (kind, content_type)
    assert checked.size == len(build())
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(("what", "build", "words"), REFUSED, ids=lambda v: v)
def test_a_file_of_another_kind_is_refused_with_a_sentence(what, build, words):
    with pytest.raises(UploadRefused) as refused:
        upload_check(build())
    message = str(refused.value)
    assert words in message
    assert "\n" not in message and message.endswith(".")


def test_a_docx_without_the_word_manifest_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")  # names no Word document
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UploadRefused, match="zip archive"):
        upload_check(buffer.getvalue())


def test_a_broken_zip_is_refused():
    with pytest.raises(UploadRefused, match="zip archive"):
        upload_check(testing.sample_docx()[:200])


def test_the_size_limit():
    pdf = testing.sample_pdf()
    assert upload_check(pdf, max_bytes=len(pdf)).kind == "pdf"
    with pytest.raises(UploadRefused, match=r"^The file is larger than 10 MB\.$"):
        upload_check(pdf + b" " * (10 * MB), max_bytes=10 * MB)
    assert size_words(10 * MB) == "10 MB" and size_words(512 * 1024) == "512 KB"


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("certificate.pdf", "certificate.pdf"),
        ("C:\\Users\\jo\\My cert.pdf", "My cert.pdf"),
        ("../../etc/passwd", "passwd"),
        ('a"b<c>\x00d.pdf', "abcd.pdf"),
        ("", "document.pdf"),
        ("...", "document.pdf"),
    ],
)
def test_the_name_kept_has_no_folders_or_control_characters(name, kept):
    assert safe_name(name, kind="pdf") == kept


def _stored_files() -> int:
    try:
        return len(default_storage.listdir("uploads")[1])
    except FileNotFoundError:
        return 0


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "build", "_"), ACCEPTED)
def test_a_stored_upload_has_a_random_name_and_is_audited(organisation, officer, kind, build, _):
    files = _stored_files()
    upload = upload_store(
        acting_user=officer,
        organisation=organisation,
        file=testing.uploaded(build(), name="My certificate.pdf"),
    )
    upload.refresh_from_db()
    assert upload.kind == kind and upload.original_name == "My certificate.pdf"
    assert upload.file.name.startswith("uploads/") and "certificate" not in upload.file.name
    assert len(upload.file.name.removeprefix("uploads/")) == 32
    assert upload.file.read() == build()
    assert _stored_files() == files + 1
    event = AuditEvent.objects.get(object_id=str(upload.pk))
    assert event.action == AuditAction.STORE_UPLOAD and event.actor == officer
    assert event.after["sha256"] == upload.sha256


@pytest.mark.django_db
@pytest.mark.parametrize(("what", "build", "words"), REFUSED, ids=lambda v: v)
def test_a_refused_file_writes_nothing(organisation, officer, what, build, words):
    files, rows, events = _stored_files(), Upload.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        upload_store(acting_user=officer, organisation=organisation, file=testing.uploaded(build()))
    assert words in refused.value.messages[0]
    assert (_stored_files(), Upload.objects.count(), AuditEvent.objects.count()) == (
        files,
        rows,
        events,
    )


@pytest.mark.django_db
@override_settings(TOUCHSTONE_UPLOAD_MAX_BYTES=1000)
def test_the_limit_is_a_setting(organisation, officer):
    with pytest.raises(ValidationError, match="larger than 1 KB"):
        upload_store(
            acting_user=officer,
            organisation=organisation,
            file=testing.uploaded(testing.sample_pdf() + b" " * 1000),
        )
    assert not Upload.objects.exists()


@pytest.mark.django_db
def test_no_file_is_a_message(organisation, officer):
    with pytest.raises(ValidationError, match="Choose a file"):
        upload_store(acting_user=officer, organisation=organisation, file=None)


@pytest.mark.django_db
def test_the_response_is_an_attachment_the_browser_will_not_run(organisation, officer):
    upload = upload_store(
        acting_user=officer,
        organisation=organisation,
        file=testing.uploaded(testing.sample_png(), name="scan.png", content_type="text/html"),
    )
    response = upload_response(upload)
    assert response["Content-Type"] == "image/png"  # what the bytes are, not what was claimed
    assert response["Content-Disposition"] == 'attachment; filename="scan.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"].split(";")[0]
    assert b"".join(response.streaming_content) == testing.sample_png()
