"""§22: the qualifying experience's assessment fee is invoiced on submission; an officer of the
regulator records its payment, once, and the applicant is told."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from touchstone.core.models import Invoice, Notification, Role
from touchstone.core.selectors import invoices_for
from touchstone.core.testing import client_for, sent
from touchstone.rights.services import (
    application_start,
    experience_period_add,
    experience_submit,
    fee_payment_record,
)
from touchstone.rights.tests import references

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def application(make_user, organisation):
    applicant = make_user("sam")
    found = application_start(acting_user=applicant, regulator=organisation, scheme="immigration")
    experience_period_add(
        acting_user=applicant,
        application=found,
        kind="work",
        start=TODAY - timedelta(days=400),
        hours=900,
        tasks=["advising"],
    )
    references.given(found)
    experience_submit(acting_user=applicant, application=found)
    found.refresh_from_db()
    return found


def test_the_officer_records_the_payment_once_and_the_applicant_is_told(application, officer):
    (invoice,) = invoices_for(application)
    fee_payment_record(
        acting_user=officer, application=application, invoice=invoice, paid_on=TODAY, reference="B1"
    )
    assert Invoice.objects.get().paid_on == TODAY
    note = Notification.objects.filter(recipient=application.applicant).latest("pk")
    assert invoice.number in note.subject
    with pytest.raises(ValidationError, match="already paid"):
        fee_payment_record(
            acting_user=officer, application=application, invoice=invoice, paid_on=TODAY
        )


def test_only_the_regulators_officers_record_a_payment(application, make_user, other_organisation):
    (invoice,) = invoices_for(application)
    outsider = make_user("outsider", (other_organisation, Role.OFFICER))
    for someone in (application.applicant, outsider, make_user("stranger")):
        with pytest.raises(PermissionDenied):
            fee_payment_record(
                acting_user=someone, application=application, invoice=invoice, paid_on=TODAY
            )
    assert not Invoice.objects.get().paid


def test_another_applications_invoice_is_refused(application, officer, make_user, organisation):
    other = application_start(
        acting_user=make_user("kim"), regulator=organisation, scheme="immigration"
    )
    (invoice,) = invoices_for(application)
    with pytest.raises(ValidationError, match="not this application's"):
        fee_payment_record(acting_user=officer, application=other, invoice=invoice, paid_on=TODAY)


def test_the_case_page_records_the_payment(application, officer):
    (invoice,) = invoices_for(application)
    client = client_for(officer)
    case = client.get(f"/rights/staff/{application.pk}/").content.decode()
    assert f"Invoice {invoice.number}" in case and "not paid yet" in case
    url = f"/rights/staff/{application.pk}/invoices/{invoice.pk}/paid/"
    future = TODAY + timedelta(days=2)
    refused = client.post(
        url,
        sent(
            **{
                "paid_on-day": future.day,
                "paid_on-month": future.month,
                "paid_on-year": future.year,
            }
        ),
    )
    assert refused.status_code == 200 and not Invoice.objects.get().paid
    done = client.post(
        url,
        sent(
            **{"paid_on-day": TODAY.day, "paid_on-month": TODAY.month, "paid_on-year": TODAY.year},
            reference="BACS 42",
        ),
        follow=True,
    ).content.decode()
    assert "Payment of invoice" in done and "(BACS 42)" in done
    assert client.get(url).status_code == 404  # paid: nothing left to record
    mine = client_for(application.applicant).get(
        f"/rights/applications/{application.pk}/experience/"
    )
    assert f"Invoice {invoice.number}" in mine.content.decode()
