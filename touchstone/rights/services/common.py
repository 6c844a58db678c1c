"""What every change the applicant makes to their application begins and ends with, and how
the applicant is told of what happens to it."""

from django.core.exceptions import ValidationError
from django.urls import reverse

from touchstone.core.models import Upload
from touchstone.core.permissions import require_perm
from touchstone.core.services import lock_for_change, notify, version_bump
from touchstone.rights import rules
from touchstone.rights.models import Application


def applicant_changing(acting_user, application: Application, expected_version: int | None):
    """The applicant's own change, on the version they opened (the row locked until commit)."""
    require_perm(acting_user, "rights.change_application", application)
    lock_for_change(application, expected_version=expected_version)


def application_touched(application: Application) -> None:
    """A change to one of the application's rows is a new version of the application."""
    version_bump(application)
    application.save(update_fields=["version", "updated_at"])


def portfolio_changing(acting_user, application: Application, expected_version: int | None):
    """The applicant's change to their portfolio: only before the application is submitted,
    or to answer a request for further information (once submitted it is what is assessed)."""
    applicant_changing(acting_user, application, expected_version)
    if application.application_state not in rules.PORTFOLIO_EDITABLE:
        label = rules.APPLICATION_STATES[application.application_state].lower()
        raise ValidationError(f"Your application is {label}: the portfolio cannot be changed now.")


def notify_applicant(
    application: Application,
    subject: str,
    body: str,
    *,
    key: str | None = None,
    attachment: Upload | None = None,
) -> None:
    """Tell the applicant, in the app and by email (once per key: by default, once per
    version of the application), with `attachment` (a decision letter) on the email."""
    notify(
        recipient=application.applicant,
        key=key or f"rights:{application.pk}:v{application.version}",
        subject=subject,
        body=body,
        url=reverse("rights:application", args=[application.pk]),
        attachment=attachment,
    )
