"""Demo applications at step 4 (deterministic), each built through the services as an
applicant, their supervisor and an officer would: one ready to submit, one whose fee is due,
one waiting for the supervisor's declaration, one under assessment ready to approve (on the
register, so approving grants the right) and one referred to the Admissions and Licensing
Committee with its hearing date."""

from datetime import timedelta

from django.utils import timezone

from touchstone.core.models import User
from touchstone.core.selectors import invoices_for
from touchstone.register.selectors import (
    category_for_code,
    registrant_for_member,
    status_for_code,
)
from touchstone.register.services import registrant_create
from touchstone.rights.models import Application
from touchstone.rights.services import (
    application_decide,
    application_form_save,
    application_submit,
    declaration_sign,
    fee_payment_record,
)

# Where each demo applicant's step 4 stands, in the order they go through it.
STEP4 = ("ready", "fee_due", "declaring", "assessed", "referred_to_committee")
DEMO_AGENT = "Touchstone demo data"


def answers(user: User, employer: str) -> dict:
    return {
        "address": f"{10 + user.pk} Harpur Street\nBedford\nMK40 1LA",
        "phone": "01632 960 123",
        "employer": employer,
        "job_title": "Paralegal",
        "membership_number": "",
        "character": "no",
        "character_details": "",
    }


def _on_register(application: Application, number: str) -> None:
    """An entry on the regulator's register for the applicant, their account linked to it."""
    user = application.applicant
    if registrant_for_member(user) is not None:
        return
    registrant_create(
        acting_user=None,
        regulator=application.regulator,
        status=status_for_code("active"),
        number=number,
        kind="individual",
        given_names=user.first_name,
        family_name=user.last_name,
        category=category_for_code("chartered_legal_executive"),
        admitted_on=timezone.localdate() - timedelta(days=2000),
        town="Bedford",
        user=user,
    )


def advance(application: Application, officer: User, state: str, *, employer: str, number: str):
    """Step 4 brought to `state` (one of STEP4) for an application whose first three steps are
    done."""
    user = application.applicant
    application_form_save(
        acting_user=user, application=application, answers=answers(user, employer)
    )
    if state == "ready":
        return
    application_submit(acting_user=user, application=Application.objects.get(pk=application.pk))
    if state == "fee_due":
        return
    application.refresh_from_db()
    invoice = invoices_for(application).filter(paid_on__isnull=True).latest("pk")
    paid = fee_payment_record(
        acting_user=officer,
        application=application,
        invoice=invoice,
        paid_on=timezone.localdate(),
        reference=f"BACS {invoice.number}",
    )
    for declaration in paid.declarations_sent:
        if state == "declaring" and declaration.role == "supervisor":
            continue  # the supervisor has not signed yet
        declaration_sign(
            token=declaration.link_token,
            signed_name=declaration.name,
            confirms=True,
            ip="127.0.0.1",
            user_agent=DEMO_AGENT,
        )
    if state == "declaring":
        return
    _on_register(application, number)
    if state == "referred_to_committee":
        application.refresh_from_db()
        application_decide(
            acting_user=officer,
            application=application,
            action="refer",
            reasons="Example 1.4's solution rests on a concession the Home Office has since "
            "withdrawn: whether it still shows the outcome is for the committee.",
            hearing_on=timezone.localdate() + timedelta(days=14),
        )
