"""Redaction (§38): the personal data likely left in a document of evidence, for the applicant
to remove and the officer to see. The names the portfolio may show (the applicant's, and their
supervisors') are not flagged."""

from dataclasses import asdict

from touchstone.core.extract import TextUnavailable, document_text
from touchstone.core.models import Upload
from touchstone.core.personal_data import find_personal_data
from touchstone.rights.models import Application


def known_names(application: Application) -> list[str]:
    """The names a portfolio is expected to show: the applicant's and their supervisors'."""
    applicant = application.applicant
    names = [applicant.get_full_name() or applicant.get_username()]
    names += list(application.supervisors.values_list("name", flat=True))
    names += list(application.references.values_list("supervisor_name", flat=True))
    return names


def document_findings(document: Upload, *, application: Application) -> tuple[str, list[dict]]:
    """How the document was read ("read", "image" or "unreadable": a key of
    `models.portfolio.TEXT_READ`) and what was found in it, as {kind, text, context}."""
    if document.kind in ("png", "jpeg"):
        return "image", []
    with document.file.open("rb") as stored:
        data = stored.read()
    try:
        text = document_text(data, document.kind)
    except TextUnavailable:
        return "unreadable", []
    found = find_personal_data(text, known_names=known_names(application))
    return "read", [asdict(f) for f in found]
