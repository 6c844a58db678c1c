"""The text of an uploaded document, for checks that read what it says (the personal data left
in it: `core.personal_data`). A pure function of the bytes and the kind `core.uploads` found.

A PDF is read with pypdf (the text of every page) and a Word document with python-docx (its
paragraphs and tables in order, then its text boxes, then the headers and footers of each
section; footnotes and comments are not read). Images are not
read: there is no OCR, so a PNG or a JPEG gives "" and a page showing the result should say
that pictures were not checked; a scanned PDF (pages that are pictures) gives little or no
text for the same reason. The text is bounded (`MAX_CHARS`, `MAX_PAGES`, and the unpacked size
of a Word document) so that no file can stall a request."""

import io
import zipfile

MAX_CHARS = 2_000_000  # the text read stops here (about 600 pages of dense prose)
MAX_PAGES = 2_000  # a PDF's pages read at most
MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024  # a Word document bigger than this unpacked is not read
IMAGE_KINDS = frozenset({"png", "jpeg"})
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_BOX, _PARAGRAPH, _RUN_TEXT = f"{_W}txbxContent", f"{_W}p", f"{_W}t"
# A text box is written twice, the second time for older readers: that one is skipped.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class TextUnavailable(ValueError):
    """A document whose text cannot be read; the message is one sentence to show."""


class _Text:
    """Pieces of text joined by new lines, up to a number of characters."""

    def __init__(self, max_chars: int):
        self.parts: list[str] = []
        self.left = max_chars

    @property
    def full(self) -> bool:
        return self.left <= 0

    def add(self, piece: str) -> None:
        if piece and not self.full:
            piece = piece[: self.left]
            self.parts.append(piece)
            self.left -= len(piece) + 1

    def __str__(self) -> str:
        return "\n".join(self.parts)


def document_text(data: bytes, kind: str, *, max_chars: int = MAX_CHARS) -> str:
    """The text of a document of a kind of `core.uploads.KINDS` ("pdf", "docx", "png",
    "jpeg"), at most `max_chars` characters of it; "" for an image (images are not read).
    TextUnavailable with a sentence to show if the file cannot be read."""
    if kind in IMAGE_KINDS:
        return ""
    if kind == "pdf":
        return _pdf_text(data, max_chars)
    if kind == "docx":
        return _docx_text(data, max_chars)
    raise ValueError(f"Not a kind of upload: {kind!r}")


def _pdf_text(data: bytes, max_chars: int) -> str:
    from pypdf import PdfReader

    text = _Text(max_chars)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise TextUnavailable("The PDF is protected by a password, so its text was not read.")
        for number, page in enumerate(reader.pages):
            if text.full or number >= MAX_PAGES:
                break
            text.add(page.extract_text() or "")
    except TextUnavailable:
        raise
    except Exception as exc:  # a damaged file fails in many ways inside pypdf
        raise TextUnavailable("The PDF could not be read: it may be damaged.") from exc
    return str(text)


def _docx_text(data: bytes, max_chars: int) -> str:
    import docx
    from docx.table import Table

    def add_block(container) -> None:
        for block in container.iter_inner_content():
            if text.full:
                return
            if isinstance(block, Table):
                add_table(block)
            else:
                text.add(block.text)

    def add_table(table) -> None:
        for row in table.rows:
            seen = set()  # a merged cell appears once for each column it spans
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    add_block(cell)

    def add_part(container) -> None:
        add_block(container)
        for box in container.part.element.iter(_TEXT_BOX):
            if not any(above.tag == _FALLBACK for above in box.iterancestors()):
                for paragraph in box.iter(_PARAGRAPH):
                    text.add("".join(t.text or "" for t in paragraph.iter(_RUN_TEXT)))

    text = _Text(max_chars)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED_BYTES:
                raise TextUnavailable("The Word document is too large to read.")
        document = docx.Document(io.BytesIO(data))
        add_part(document)
        for section in document.sections:
            for part in (
                section.header,
                section.first_page_header,
                section.even_page_header,
                section.footer,
                section.first_page_footer,
                section.even_page_footer,
            ):
                if not part.is_linked_to_previous:
                    add_part(part)
    except TextUnavailable:
        raise
    except Exception as exc:  # a damaged file fails in many ways inside zipfile, lxml, docx
        raise TextUnavailable("The Word document could not be read: it may be damaged.") from exc
    return str(text)
