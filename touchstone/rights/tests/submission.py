"""Applications brought to step 4 through the services, as an applicant and an officer would:
technical knowledge and qualifying experience confirmed, the portfolio complete, the
supervisor's reference given and the application form answered."""

from datetime import date, timedelta

from django.utils import timezone

from touchstone.core.testing import sample_pdf, uploaded
from touchstone.register.models import Category, Status
from touchstone.register.services import registrant_create
from touchstone.rights.selectors import accredited_for
from touchstone.rights.services import (
    application_form_save,
    experience_decide,
    experience_period_add,
    experience_submit,
    knowledge_decide,
    knowledge_evidence_set,
    knowledge_submit,
)
from touchstone.rights.tests import portfolio, references

ANSWERS = {
    "address": "1 High Street\nBedford\nMK40 1AA",
    "phone": "01632 960 001",
    "employer": "Patel Immigration Law",
    "job_title": "Paralegal",
    "membership_number": "",
    "character": "no",
    "character_details": "",
}


def confirmed_steps(application, officer) -> None:
    """Steps 1 and 2 submitted and confirmed by `officer` (a letter for each), with the
    supervisor's reference given today."""
    applicant = application.applicant
    knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="accredited",
        qualification=accredited_for(application)[0][0],
        file=uploaded(sample_pdf("Certificate"), name="certificate.pdf"),
    )
    knowledge_submit(acting_user=applicant, application=application)
    knowledge_decide(acting_user=officer, application=application, action="meets")
    experience_period_add(
        acting_user=applicant,
        application=application,
        kind="work",
        start=timezone.localdate() - timedelta(days=700),
        hours=2400,
        tasks=["advising", "drafting"],
    )
    references.given(application)
    experience_submit(acting_user=applicant, application=application)
    experience_decide(acting_user=officer, application=application, action="meets")
    application.refresh_from_db()


def ready(application, officer):
    """The application with everything step 4 asks for: it can be submitted today."""
    confirmed_steps(application, officer)
    portfolio.complete(application)
    application.refresh_from_db()
    application_form_save(
        acting_user=application.applicant, application=application, answers=dict(ANSWERS)
    )
    application.refresh_from_db()
    return application


def on_register(application, *, status: str = "active", number: str = "100001"):
    """The applicant's own entry on the regulator's register (a Chartered Legal Executive),
    their account linked to it."""
    user = application.applicant
    return registrant_create(
        acting_user=None,
        regulator=application.regulator,
        status=Status.objects.get(code=status),
        number=number,
        kind="individual",
        given_names=user.first_name or user.username,
        family_name=user.last_name or "Applicant",
        category=Category.objects.get(code="chartered_legal_executive"),
        admitted_on=date(2015, 1, 1),
        user=user,
    )
