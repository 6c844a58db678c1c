"""Invoices: numbered in sequence per organisation and year (never twice, even when raised at
the same moment), for the record they were raised for, and paid once."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from touchstone.core.models import AuditEvent, Invoice
from touchstone.core.selectors import invoices_for
from touchstone.core.services import invoice_raise, invoice_record_payment
from touchstone.core.testing import run_together, two_writers_can_overlap


def _raise(organisation, payer, subject, day=date(2026, 3, 1), amount=Decimal("150.00")):
    return invoice_raise(
        acting_user=None,
        organisation=organisation,
        payer=payer,
        subject=subject,
        description="Qualifying experience assessment fee",
        amount=amount,
        raised_on=day,
    )


@pytest.mark.django_db
def test_invoices_are_numbered_in_sequence_per_organisation_and_year(
    organisation, other_organisation, officer
):
    numbers = [
        _raise(organisation, officer, officer).number,
        _raise(organisation, officer, officer).number,
        _raise(other_organisation, officer, officer).number,
        _raise(organisation, officer, officer, day=date(2027, 1, 2)).number,
    ]
    assert numbers == [
        "IPS-2026-00001",
        "IPS-2026-00002",
        "OTHER-BODY-2026-00001",
        "IPS-2027-00001",
    ]
    assert AuditEvent.objects.filter(action="raise_invoice").count() == 4


@pytest.mark.django_db
def test_an_invoice_belongs_to_its_record_and_may_await_its_amount(
    organisation, officer, make_user
):
    someone = make_user("someone")
    to_confirm = _raise(organisation, someone, someone, amount=None)
    _raise(organisation, officer, officer)
    assert list(invoices_for(someone)) == [to_confirm]
    assert to_confirm.amount is None and not to_confirm.paid
    with pytest.raises(ValidationError):
        _raise(organisation, someone, someone, amount=Decimal("-1"))
    assert Invoice.objects.count() == 2


@pytest.mark.django_db
def test_a_payment_is_recorded_once_and_not_before_the_invoice(organisation, officer):
    invoice = _raise(organisation, officer, officer)
    with pytest.raises(ValidationError):
        invoice_record_payment(acting_user=officer, invoice=invoice, paid_on=date(2026, 2, 1))
    invoice_record_payment(
        acting_user=officer, invoice=invoice, paid_on=date(2026, 3, 9), reference=" BACS 771 "
    )
    stored = Invoice.objects.get()
    assert (stored.paid_on, stored.payment_reference) == (date(2026, 3, 9), "BACS 771")
    with pytest.raises(ValidationError, match="already paid"):
        invoice_record_payment(acting_user=officer, invoice=invoice, paid_on=date(2026, 3, 10))
    assert AuditEvent.objects.filter(action="record_payment").count() == 1


@pytest.mark.skipif(not two_writers_can_overlap(), reason="a race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_invoices_raised_at_once_get_two_numbers(organisation, officer):
    results = run_together(
        lambda: _raise(organisation, officer, officer),
        lambda: _raise(organisation, officer, officer),
    )
    assert all(isinstance(r, Invoice) for r in results), results
    assert sorted(r.number for r in results) == ["IPS-2026-00001", "IPS-2026-00002"]
