"""Storing an uploaded file: checked by its content first (`core.uploads`), so a file that is
refused writes nothing; stored under a random name; audited."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Organisation, Upload
from touchstone.core.models.uploads import UPLOADS_DIR
from touchstone.core.services.audit import AuditAction, audit_record
from touchstone.core.uploads import DEFAULT_MAX_BYTES, UploadRefused, safe_name, upload_check


def upload_max_bytes() -> int:
    """The largest file accepted (`TOUCHSTONE_UPLOAD_MAX_BYTES`, 10 MB unless set)."""
    return int(getattr(settings, "TOUCHSTONE_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def _read(file, limit: int) -> bytes:
    """The file's bytes, reading no more than one past the limit (enough to refuse it)."""
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(limit + 1)
    return data.encode() if isinstance(data, str) else bytes(data or b"")


@transaction.atomic
def upload_store(*, acting_user, organisation: Organisation, file) -> Upload:
    """Check `file` (a Django UploadedFile, or any file with a name) and store it for
    `organisation`: ValidationError with one sentence to show, and nothing written, when it is
    empty, too large or not a PDF, Word document, PNG or JPEG by its content. The service that
    attaches the upload to a record checks that the user may do so; this one asks only that
    someone is signed in (or a trusted system caller, `acting_user=None`)."""
    if acting_user is not None and not getattr(acting_user, "is_authenticated", False):
        raise PermissionDenied("Sign in to upload a file.")
    if file is None:
        raise ValidationError("Choose a file to upload.")
    limit = upload_max_bytes()
    data = _read(file, limit)
    try:
        checked = upload_check(data, max_bytes=limit)
    except UploadRefused as exc:
        raise ValidationError(str(exc)) from exc
    upload = Upload(
        organisation=organisation,
        uploaded_by=acting_user if getattr(acting_user, "pk", None) else None,
        original_name=safe_name(getattr(file, "name", ""), kind=checked.kind),
        kind=checked.kind,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
    )
    upload.file.save("upload", ContentFile(data), save=False)
    stored = upload.file.name
    try:
        upload.save()
        audit_record(
            actor=acting_user,
            action=AuditAction.STORE_UPLOAD,
            obj=upload,
            organisation=organisation,
            after={
                "original_name": upload.original_name,
                "kind": upload.kind,
                "size": upload.size,
                "sha256": upload.sha256,
            },
        )
    except Exception:
        upload.file.storage.delete(stored)  # no row: no file either
        raise
    return upload


@transaction.atomic
def letter_store(*, organisation: Organisation, filename: str, pdf: bytes) -> Upload:
    """Keep a letter the system wrote (`core.letters.letter_pdf`) as an upload of
    `organisation`, checked and audited like any other (`store_upload`, by no one)."""
    return upload_store(
        acting_user=None, organisation=organisation, file=ContentFile(pdf, filename)
    )


ORPHAN_AGE = timedelta(hours=1)


def uploads_sweep(*, now=None, older_than: timedelta = ORPHAN_AGE) -> int:
    """Remove stored files no upload row names: the bytes of an upload whose write was rolled
    back after the file was stored (a later step of the service failed). Only files older than
    `older_than` go, so a file being stored by a write still open is never taken. Returns how
    many were removed; safe to run at any time, and twice."""
    now = now or timezone.now()
    storage = default_storage
    try:
        _dirs, names = storage.listdir(UPLOADS_DIR)
    except FileNotFoundError:
        return 0
    kept = set(Upload.objects.values_list("file", flat=True))
    removed = 0
    for name in names:
        path = f"{UPLOADS_DIR}/{name}"
        if path in kept or storage.get_modified_time(path) > now - older_than:
            continue
        storage.delete(path)
        removed += 1
    return removed
