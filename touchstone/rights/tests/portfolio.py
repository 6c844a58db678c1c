"""Portfolios built through the services, as an applicant builds one on the pages."""

from datetime import timedelta

from django.utils import timezone

from touchstone.core.testing import sample_pdf, uploaded
from touchstone.rights.selectors import portfolio_scheme
from touchstone.rights.services import (
    portfolio_evidence_add,
    portfolio_sheet_save,
    portfolio_supervisor_add,
)
from touchstone.rights.tests.build import examples

SUPERVISOR = "Ann Lee"


def sheet_fields(example: str, **changes) -> dict:
    fields = {
        "kind": "logbook",
        "matter": f"Matter {example}",
        "document_type": f"Document {example}",
        "explanation": "How the work meets each criterion.",
        "reflection": "What I learnt.",
        "supervisor": SUPERVISOR,
    }
    return {**fields, **changes}


def supervised(application, name: str = SUPERVISOR, *, current: bool = True):
    return portfolio_supervisor_add(
        acting_user=application.applicant,
        application=application,
        name=name,
        authorised=True,
        current=current,
    )


def with_evidence(application, example: str, *, lines=("A letter of advice",), **changes):
    """The sheet for `example`, saved, with one PDF of evidence dated a month ago."""
    sheet = portfolio_sheet_save(
        acting_user=application.applicant,
        application=application,
        example=example,
        **sheet_fields(example, **changes),
    )
    portfolio_evidence_add(
        acting_user=application.applicant,
        sheet=sheet,
        description=f"Letter for {example}",
        date=timezone.localdate() - timedelta(days=30),
        kind="client_letter",
        file=uploaded(sample_pdf(*lines), name=f"{example}.pdf"),
    )
    return sheet


def complete(application):
    """Every example the scheme asks for, each on a logbook sheet with its evidence."""
    supervised(application)
    scheme = portfolio_scheme(application, as_of=timezone.localdate())
    for example in examples(scheme, application.portfolio_include_optional):
        with_evidence(application, example)
