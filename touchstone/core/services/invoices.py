"""Raising an invoice for a fee and recording its payment. The module whose record it is checks
who may do either; the number is the organisation's next in its year, taken under a lock on the
organisation's row so two invoices raised at once never share one."""

from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max

from touchstone.core.models import Invoice, Organisation
from touchstone.core.services.audit import AuditAction, audit_record


def invoice_number(organisation: Organisation, year: int, sequence: int) -> str:
    return f"{organisation.slug.upper()}-{year}-{sequence:05d}"


@transaction.atomic
def invoice_raise(
    *,
    acting_user,
    organisation: Organisation,
    payer,
    subject: models.Model,
    description: str,
    amount: Decimal | None,
    raised_on: date,
) -> Invoice:
    """An invoice from `organisation` to `payer` for `subject` (the record the fee is for),
    numbered next in the organisation's year. `amount` None: the fee is to be confirmed."""
    if amount is not None and amount < 0:
        raise ValidationError({"amount": "An invoice cannot be for less than nothing."})
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    year = raised_on.year
    last = Invoice.objects.filter(organisation=organisation, year=year).aggregate(Max("sequence"))
    sequence = (last["sequence__max"] or 0) + 1
    invoice = Invoice.objects.create(
        organisation=organisation,
        year=year,
        sequence=sequence,
        number=invoice_number(organisation, year, sequence),
        payer=payer,
        description=description[:300],
        amount=amount,
        raised_on=raised_on,
        content_type=ContentType.objects.get_for_model(subject.__class__),
        object_id=str(subject.pk),
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.RAISE_INVOICE,
        obj=invoice,
        organisation=organisation,
        after={"number": invoice.number, "amount": amount, "for": str(subject)[:200]},
    )
    return invoice


@transaction.atomic
def invoice_record_payment(
    *, acting_user, invoice: Invoice, paid_on: date, reference: str = ""
) -> Invoice:
    """Record that the invoice was paid, once: a second record is refused."""
    locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if locked.paid:
        raise ValidationError(f"Invoice {locked.number} was already paid on {locked.paid_on}.")
    if paid_on < locked.raised_on:
        raise ValidationError({"paid_on": "The payment cannot be before the invoice was raised."})
    locked.paid_on, locked.payment_reference = paid_on, (reference or "").strip()[:100]
    locked.save(update_fields=["paid_on", "payment_reference"])
    audit_record(
        actor=acting_user,
        action=AuditAction.RECORD_PAYMENT,
        obj=locked,
        after={"paid_on": paid_on, "reference": locked.payment_reference},
    )
    invoice.paid_on, invoice.payment_reference = locked.paid_on, locked.payment_reference
    return locked
