"""Reading step 4, the application: what it still needs on a day (the form, steps 1 and 2
confirmed, the portfolio complete, a recent enough reference), as the page and the submitting
service both ask."""

from datetime import date

from django.utils import timezone

from touchstone.core.inputs import phone_number_possible
from touchstone.register.selectors import registrant_for_member
from touchstone.rights import rules
from touchstone.rights.models import Application
from touchstone.rights.selectors.portfolio import portfolio_check
from touchstone.rights.selectors.references import given_reference, reference_terms_for


def application_needs(
    application: Application, *, on: date, check: dict | None = None
) -> list[rules.Needed]:
    """What the application still needs to be submitted on `on` (none: it can be), each in a
    sentence citing the handbook; `check` is the portfolio check as of `on`, when the caller
    already has it."""
    check = check if check is not None else portfolio_check(application, as_of=on)
    reference = given_reference(application)
    return rules.application_missing(
        form_complete=not rules.form_errors(
            application.form_answers, phone_ok=phone_number_possible
        ),
        knowledge_state=application.knowledge_state,
        experience_state=application.experience_state,
        portfolio_complete=check["complete"],
        portfolio_errors=len(check["errors"]),
        reference_given_on=timezone.localtime(reference.given_at).date() if reference else None,
        application_date=on,
        reuse_months=reference_terms_for(application).reuse_months,
    )


def registrant_to_admit(application: Application):
    """The applicant's entry on the regulator's register (their account linked to it, its
    status read with it), which approval adds the right to; None while they have none."""
    found = registrant_for_member(application.applicant)
    if found is None or found.regulator_id != application.regulator_id:
        return None
    return found
