"""Reading the decision letters of an application: the ones the applicant and the
regulator's officers see, newest first, and one to download."""

from django.db.models import QuerySet

from touchstone.rights.models import Application, DecisionLetter
from touchstone.rights.selectors.applications import application_for


def letters_of(application: Application, *, step: str | None = None) -> QuerySet[DecisionLetter]:
    """The application's decision letters (of one step, when given), newest first."""
    found = application.letters.select_related("upload")
    return found.filter(step=step) if step else found


def letter_for(user, pk: int, upload) -> DecisionLetter | None:
    """The letter of application `pk` kept as upload `upload` (a UUID), if the user may see
    the application (the applicant, or an officer of its regulator)."""
    application = application_for(user, pk)
    if application is None:
        return None
    return letters_of(application).filter(upload_id=upload).first()
