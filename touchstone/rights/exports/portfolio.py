"""The portfolio compiled for assessment (§57): a contents page, then each sheet in the
scheme's order (1.1(1) … 6.4, and 6.5 when given) followed by its evidence. PDF evidence is
appended as it is; a Word document's text and an image are set on pages of their own. When the
whole would be larger than the scheme's limit (10 MB), one PDF per competency, in a zip.

The sheets, the contents and the non-PDF evidence are laid out in two WeasyPrint passes in
all (not one per sheet), and the evidence PDFs are copied in by pypdf without being re-read."""

import base64
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from pypdf import PdfReader, PdfWriter

from touchstone.core.extract import TextUnavailable, document_text
from touchstone.rights import rules
from touchstone.rights.models import Application, PortfolioSheet, SheetEvidence
from touchstone.rights.selectors import portfolio_scheme, portfolio_sheets

MB = 1024 * 1024
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CompiledPortfolio:
    name: str
    content_type: str
    data: bytes
    files: int  # 1, or the number of competencies' PDFs in the zip


@dataclass
class _Item:
    sheet: PortfolioSheet
    outcome: str  # the outcome's title
    pdfs: list[tuple[SheetEvidence, PdfReader]]  # appended after the sheet's own pages
    inline: list[dict]  # evidence set on pages of the sheet's part: text or an image


def _read(evidence: SheetEvidence) -> bytes:
    with evidence.document.file.open("rb") as stored:
        return stored.read()


def _item(sheet: PortfolioSheet, titles: dict[str, str]) -> _Item:
    pdfs, inline = [], []
    for evidence in sheet.evidence.all():
        data, kind = _read(evidence), evidence.document.kind
        if kind == "pdf":
            pdfs.append((evidence, PdfReader(io.BytesIO(data))))
        elif kind == "docx":
            try:
                text = document_text(data, "docx")
            except TextUnavailable:
                text = "The text of this Word document could not be read."
            inline.append({"evidence": evidence, "text": text})
        else:
            uri = f"data:{evidence.document.content_type};base64,{base64.b64encode(data).decode()}"
            inline.append({"evidence": evidence, "image": uri})
    return _Item(sheet, titles[rules.outcome_of(sheet.example)], pdfs, inline)


def _ordered(application: Application, scheme: rules.Scheme) -> list[list[PortfolioSheet]]:
    """The sheets by competency, each in the scheme's order of its examples."""
    by_example = {s.example: s for s in portfolio_sheets(application)}
    include = application.portfolio_include_optional or "6.5" in by_example
    return [
        [by_example[e] for e in rules.examples_of(c, include) if e in by_example]
        for c in scheme.competencies
    ]


def _html_pages(html: str) -> tuple[PdfReader, dict[str, int]]:
    """The HTML laid out: its PDF, and the page each element with an id starts on."""
    from weasyprint import HTML  # imported late: it loads pango and fonts

    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
    starts: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            starts.setdefault(anchor, number)
    return PdfReader(io.BytesIO(document.write_pdf())), starts


def _part(application: Application, items: list[_Item], title: str, progress: Progress) -> bytes:
    """One PDF: contents, then each sheet's pages and its evidence."""
    context = {"application": application, "items": items, "title": title}
    body, starts = _html_pages(render_to_string("rights/portfolio_pdf.html", context))
    ids = [f"sheet-{i}" for i in range(len(items))]
    bounds = [starts[i] for i in ids] + [len(body.pages)]
    sizes = [
        (bounds[n + 1] - bounds[n]) + sum(len(r.pages) for _, r in item.pdfs)
        for n, item in enumerate(items)
    ]

    def contents(first: int) -> PdfReader:
        numbers, page = [], first
        for size in sizes:
            numbers.append(page + 1)
            page += size
        rows = [{"item": i, "page": p} for i, p in zip(items, numbers, strict=True)]
        html = render_to_string("rights/portfolio_contents.html", {**context, "rows": rows})
        return _html_pages(html)[0]

    length = len(contents(0).pages)  # the contents' own length, then numbered after it
    writer = PdfWriter()
    writer.append(contents(length), import_outline=False)
    for n, item in enumerate(items):
        page = len(writer.pages)
        writer.append(body, pages=(bounds[n], bounds[n + 1]), import_outline=False)
        for _evidence, reader in item.pdfs:
            writer.append(reader, import_outline=False)
        writer.add_outline_item(title=f"{item.sheet.example}: {item.outcome}", page_number=page)
        progress(n + 1, len(items))
    writer.add_outline_item(title="Contents", page_number=0)
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def compile_portfolio(application: Application, *, progress: Progress | None = None):
    """The portfolio as one PDF, or a zip of one PDF per competency when one PDF would be
    larger than the scheme's portfolio limit (§57)."""
    progress = progress or (lambda done, total: None)
    scheme = portfolio_scheme(application, as_of=timezone.localdate())
    limit = int(dict(scheme.facts).get("portfolio_max_mb") or 10) * MB
    titles = {o.code: o.title for c in scheme.competencies for o in c.outcomes}
    groups = [[_item(s, titles) for s in group] for group in _ordered(application, scheme)]
    everything = [item for group in groups for item in group]
    applicant = application.applicant.get_full_name() or application.applicant.get_username()
    stem = f"portfolio-{slugify(applicant) or application.pk}"
    whole = _part(application, everything, f"Portfolio of evidence: {applicant}", progress)
    if len(whole) <= limit:
        return CompiledPortfolio(f"{stem}.pdf", "application/pdf", whole, 1)
    buffer = io.BytesIO()
    files = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for competency, group in zip(scheme.competencies, groups, strict=True):
            if not group:
                continue
            title = f"Portfolio of evidence: {applicant}, competency {competency.number}"
            archive.writestr(
                f"{stem}-competency-{competency.number}.pdf",
                _part(application, group, title, progress),
            )
            files += 1
    return CompiledPortfolio(f"{stem}.zip", "application/zip", buffer.getvalue(), files)
