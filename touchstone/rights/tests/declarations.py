"""Step 4 set up in tests as far as its declarations: an application submitted with a given
reference and a few sheets, its fee invoiced, and the declarations sent."""

from django.utils import timezone

from touchstone.core.models import Invoice
from touchstone.core.services import invoice_raise
from touchstone.rights import rules
from touchstone.rights.models import Application, Declaration
from touchstone.rights.selectors import scheme_today
from touchstone.rights.services import declarations_send, portfolio_sheet_save
from touchstone.rights.services.declarations import APPLICATION_FEE
from touchstone.rights.tests import references
from touchstone.rights.tests.portfolio import sheet_fields

SHEETS = ("2.3", "1.1(2)")  # written out of order: the declarations list them in the scheme's
STATEMENT_EXAMPLE = "1.1(1)"


def with_sheets(application: Application) -> None:
    """Two logbook sheets and a personal statement."""
    for example in SHEETS:
        portfolio_sheet_save(
            acting_user=application.applicant,
            application=application,
            example=example,
            **sheet_fields(example),
        )
    portfolio_sheet_save(
        acting_user=application.applicant,
        application=application,
        example=STATEMENT_EXAMPLE,
        kind="personal_statement",
        reason="It was a conversation on the telephone.",
        work_date=timezone.localdate(),
        explanation="How the work met the outcome.",
        reflection="What I learnt.",
        supervisor="Ann Lee",
    )


def application_fee(application: Application, *, raised_on=None) -> Invoice:
    """The step 4 invoice, as the submission raises it: described by the scheme's fee name."""
    fee = rules.scheme_fee(scheme_today(application.scheme), APPLICATION_FEE)
    return invoice_raise(
        acting_user=None,
        organisation=application.regulator,
        payer=application.applicant,
        subject=application,
        description=fee.name,
        amount=fee.amount,
        raised_on=raised_on or timezone.localdate(),
    )


def submitted(application: Application, *, state: str = "fee_due", reference=None) -> Application:
    """The application as submitted (with a reference given, unless one is passed) and in
    `state` (fields set directly: the submission is another service's)."""
    with_sheets(application)
    application.refresh_from_db()
    reference = reference or references.given(application)
    application.application_state = state
    application.application_submitted_on = timezone.localdate()
    application.application_reference = reference
    application.save()
    return application


def sent(application: Application) -> list[Declaration]:
    """The application's declarations sent (the applicant's, then the supervisor's), each with
    its `link_token`."""
    submitted(application, state="declarations_pending")
    found = declarations_send(acting_user=None, application=application)
    application.refresh_from_db()
    return found
