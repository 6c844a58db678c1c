"""The text of uploaded documents (core.extract): PDFs and Word documents read, images not,
damaged files refused with a sentence, and the text bounded. No database."""

import io
import zipfile

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from touchstone.core.extract import TextUnavailable, document_text
from touchstone.core.pdf import simple_pdf
from touchstone.core.testing import sample_docx, sample_jpeg, sample_pdf, sample_png


def word_document(*, header: str = "", footer: str = "") -> bytes:
    document = docx.Document()
    document.add_paragraph("Supervisor's statement")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Client"
    table.cell(0, 1).text = "Jane Smith, 12 Acacia Avenue"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "A merged cell"
    document.add_paragraph("After the table")
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_pdf_gives_the_text_of_its_lines():
    data = simple_pdf(["Statement of Jane Smith", "Email jane@example.com (work)"])
    assert document_text(data, "pdf") == "Statement of Jane Smith\nEmail jane@example.com (work)"


def test_a_pdf_of_several_pages_gives_every_page():
    from pypdf import PdfWriter

    writer = PdfWriter()
    for line in ("First page", "Second page"):
        writer.append(io.BytesIO(simple_pdf([line])))
    buffer = io.BytesIO()
    writer.write(buffer)
    assert document_text(buffer.getvalue(), "pdf") == "First page\nSecond page"


def test_a_word_document_gives_paragraphs_and_table_cells_in_order():
    text = document_text(word_document(), "docx")
    assert text.split("\n") == [
        "Supervisor's statement",
        "Client",
        "Jane Smith, 12 Acacia Avenue",
        "A merged cell",  # once, though it spans two columns
        "After the table",
    ]


def test_a_word_document_gives_its_header_and_footer_last():
    text = document_text(word_document(header="Ref B1234567", footer="Page 1"), "docx")
    assert text.split("\n")[-2:] == ["Ref B1234567", "Page 1"]


TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Client: </w:t></w:r>'
    "<w:r><w:t>Ahmed Hassan</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Client: Ahmed "
    "Hassan</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r>"
)


def test_a_word_document_gives_its_text_boxes_once():
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Letterhead")
    paragraph._p.append(parse_xml(TEXT_BOX))
    buffer = io.BytesIO()
    document.save(buffer)
    assert document_text(buffer.getvalue(), "docx") == "Letterhead\nClient: Ahmed Hassan"


def test_the_smallest_word_document_is_read():
    assert document_text(sample_docx("Only this"), "docx") == "Only this"


@pytest.mark.parametrize("image", [sample_png, sample_jpeg])
def test_images_are_not_read(image):
    kind = "png" if image is sample_png else "jpeg"
    assert document_text(image(), kind) == ""


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (b"%PDF-1.4\nnot really a PDF", "pdf", "The PDF could not be read: it may be damaged."),
        (sample_pdf()[:60], "pdf", "The PDF could not be read: it may be damaged."),
        (b"", "pdf", "The PDF could not be read: it may be damaged."),
        (
            b"PK\x03\x04 not a zip",
            "docx",
            "The Word document could not be read: it may be damaged.",
        ),
        (
            sample_docx()[:100],
            "docx",
            "The Word document could not be read: it may be damaged.",
        ),
        (sample_pdf(), "docx", "The Word document could not be read: it may be damaged."),
    ],
    ids=["pdf-junk", "pdf-cut", "pdf-empty", "docx-not-zip", "docx-cut", "pdf-as-docx"],
)
def test_a_damaged_file_cannot_be_read(data, kind, message):
    with pytest.raises(TextUnavailable) as raised:
        document_text(data, kind)
    assert str(raised.value) == message


def test_a_zip_missing_the_document_cannot_be_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(TextUnavailable):
        document_text(buffer.getvalue(), "docx")


def test_a_pdf_with_a_password_is_not_read():
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(simple_pdf(["Secret"])))
    writer.encrypt(user_password="open sesame", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(TextUnavailable) as raised:
        document_text(buffer.getvalue(), "pdf")
    assert str(raised.value) == "The PDF is protected by a password, so its text was not read."


def test_a_pdf_encrypted_without_a_password_is_read():
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(simple_pdf(["Not secret"])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert document_text(buffer.getvalue(), "pdf") == "Not secret"


def test_a_word_document_too_large_unpacked_is_not_read(monkeypatch):
    monkeypatch.setattr("touchstone.core.extract.MAX_DOCX_UNPACKED_BYTES", 1000)
    with pytest.raises(TextUnavailable) as raised:
        document_text(word_document(), "docx")
    assert str(raised.value) == "The Word document is too large to read."


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_text_stops_at_the_limit(kind):
    lines = [f"Line {n} of a long document" for n in range(40)]
    if kind == "pdf":
        data = simple_pdf(lines)
    else:
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        buffer = io.BytesIO()
        document.save(buffer)
        data = buffer.getvalue()
    whole = document_text(data, kind)
    assert whole.split("\n") == lines
    assert document_text(data, kind, max_chars=50) == whole[:50]
    assert document_text(data, kind, max_chars=len(whole)) == whole


def test_a_pdf_stops_at_the_most_pages(monkeypatch):
    from pypdf import PdfWriter

    monkeypatch.setattr("touchstone.core.extract.MAX_PAGES", 2)
    writer = PdfWriter()
    for line in ("One", "Two", "Three"):
        writer.append(io.BytesIO(simple_pdf([line])))
    buffer = io.BytesIO()
    writer.write(buffer)
    assert document_text(buffer.getvalue(), "pdf") == "One\nTwo"


def test_a_kind_that_is_not_an_upload_is_a_mistake():
    with pytest.raises(ValueError, match="Not a kind of upload"):
        document_text(b"text", "txt")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["pdf", "docx"]))
def test_any_bytes_give_text_or_a_sentence(data, kind):
    try:
        assert isinstance(document_text(data, kind), str)
    except TextUnavailable as refused:
        assert str(refused).endswith(".")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=3000), st.sampled_from(["pdf", "docx"]))
def test_a_cut_off_document_gives_text_or_a_sentence(cut, kind):
    data = (sample_pdf("Cut short") if kind == "pdf" else word_document())[:cut]
    try:
        assert isinstance(document_text(data, kind), str)
    except TextUnavailable as refused:
        assert str(refused).endswith(".")
