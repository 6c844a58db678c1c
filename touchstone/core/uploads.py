"""What an uploaded file is, told by its bytes (never by its name or the browser's word): a
PDF, a Word document (DOCX), a PNG or a JPEG, within a size limit. A pure check, for every
module that takes files (`core.services.upload_store` stores what it accepts).

puremagic reads the file's signature (pure Python: no libmagic to install); a DOCX is a zip,
so it is also opened with `zipfile` and must hold `word/document.xml` and a
`[Content_Types].xml` that names a Word document."""

import hashlib
import io
import zipfile
from dataclasses import dataclass

import puremagic

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MB
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# kind: (content type served, words)
KINDS = {
    "pdf": ("application/pdf", "PDF"),
    "docx": (DOCX_TYPE, "Word document"),
    "png": ("image/png", "PNG"),
    "jpeg": ("image/jpeg", "JPEG"),
}
ACCEPT = ".pdf,.docx,.png,.jpg,.jpeg"  # the file input's hint to the browser (not a check)
_SIGNATURES = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpeg"}
_ZIP = b"PK\x03\x04"
_MAX_CONTENT_TYPES_BYTES = 1 * MB  # a zip's manifest bigger than this is not a real DOCX


class UploadRefused(ValueError):
    """A file that is not accepted; the message is one sentence to show."""


@dataclass(frozen=True)
class CheckedFile:
    kind: str  # a key of KINDS
    content_type: str
    size: int
    sha256: str


def size_words(size: int) -> str:
    """A limit in words: 10485760 → "10 MB"."""
    if size >= MB:
        return f"{size / MB:g} MB"
    return f"{max(1, size // 1024)} KB"


def _looks_like(data: bytes) -> str:
    """What the file seems to be, for the refusal's message."""
    try:
        found = puremagic.magic_string(data[: 64 * 1024])
    except (puremagic.PureError, ValueError):
        found = []
    named = [m for m in found if m.mime_type] or found
    if named:
        name = named[0].name.strip() or "another kind of file"
        return f"it looks like {name} ({named[0].extension})"
    return "its kind could not be recognised"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                return False
            manifest = archive.getinfo("[Content_Types].xml")
            if manifest.file_size > _MAX_CONTENT_TYPES_BYTES:
                return False
            return DOCX_MAIN.encode() in archive.read(manifest)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError):
        return False


def _kind_of(data: bytes) -> str | None:
    if data.startswith(_ZIP):
        return "docx" if _is_docx(data) else None
    try:
        found = puremagic.magic_string(data[: 64 * 1024])
    except (puremagic.PureError, ValueError):
        return None
    for match in found:
        kind = _SIGNATURES.get(match.mime_type.lower())
        if kind is not None and match.offset == 0:
            return kind
    return None


def upload_check(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CheckedFile:
    """The file's kind, content type, size and SHA-256, or UploadRefused with a sentence to
    show: empty, too large, or not one of the accepted kinds (saying what it looks like)."""
    if not data:
        raise UploadRefused("The file is empty.")
    if len(data) > max_bytes:
        raise UploadRefused(f"The file is larger than {size_words(max_bytes)}.")
    kind = _kind_of(data)
    if kind is None:
        if data.startswith(_ZIP):
            raise UploadRefused(
                "That file is not a PDF, Word document, PNG or JPEG: it is a zip archive "
                "that is not a Word document."
            )
        raise UploadRefused(
            f"That file is not a PDF, Word document, PNG or JPEG: {_looks_like(data)}."
        )
    content_type, _ = KINDS[kind]
    return CheckedFile(
        kind=kind,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def safe_name(name: str, *, kind: str) -> str:
    """The name the file had on the uploader's computer, kept to show and to download as:
    no folders, no control characters, at most 200 characters, never empty."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>').strip(" .")
    return base[-200:] or f"document.{'jpg' if kind == 'jpeg' else kind}"
