"""The fees an application is invoiced for (§22, §60): the officer records a payment. Paying
step 4's fee while it is due sends the declarations (services/declarations.py)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.core.models import Invoice
from touchstone.core.permissions import require_perm
from touchstone.core.selectors import invoices_for
from touchstone.core.services import invoice_record_payment
from touchstone.rights.models import Application
from touchstone.rights.services.common import notify_applicant
from touchstone.rights.services.declarations import fee_paid


@transaction.atomic
def fee_payment_record(
    *, acting_user, application: Application, invoice: Invoice, paid_on: date, reference: str = ""
) -> Invoice:
    """An officer records that the applicant paid one of the application's invoices; the
    applicant is told. When it is the application's fee (§60) and the fee is due, the
    application moves on to its declarations, which are sent to the applicant and the
    supervisor in the same transaction."""
    require_perm(acting_user, "rights.decide_application", application)
    if not invoices_for(application).filter(pk=invoice.pk).exists():
        raise ValidationError("That invoice is not this application's.")
    paid = invoice_record_payment(
        acting_user=acting_user, invoice=invoice, paid_on=paid_on, reference=reference
    )
    notify_applicant(
        application,
        f"We have your payment for invoice {paid.number}",
        f"Thank you: we have recorded your payment of invoice {paid.number} "
        f"({paid.description}) on {paid_on:%d %B %Y}.",
        key=f"rights:invoice:{paid.pk}:paid",
    )
    # The declarations sent, each with the token just emailed (never stored), for a caller
    # handing them over itself (the demo data signs them).
    paid.declarations_sent = fee_paid(acting_user, application, paid)
    return paid
