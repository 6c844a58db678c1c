"""Reading applications: each person sees their own, the regulator's officers every application
made to it; the qualifying-experience check of an application's periods."""

from datetime import date

from django.db.models import QuerySet

from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.selectors import organisations_with_perm
from touchstone.rights import rules
from touchstone.rights.models import Application
from touchstone.rights.selectors.schemes import qe_check_for, scheme_today


def granting_regulators() -> QuerySet[Organisation]:
    """The regulators an application can be made to, by name."""
    return Organisation.objects.filter(kind=OrganisationKind.REGULATOR).order_by("name")


def applications_of(user) -> QuerySet[Application]:
    """The user's own applications."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    return Application.objects.filter(applicant=user).select_related("regulator")


def applications_for_officer(user, *, state: str | None = None) -> QuerySet[Application]:
    """Applications made to the regulators where the user is an officer, oldest first."""
    found = Application.objects.filter(
        regulator__in=organisations_with_perm(user, "rights.decide_application")
    ).select_related("regulator", "applicant")
    if state:
        found = found.filter(experience_state=state)
    return found.order_by("experience_submitted_on", "created_at")


def application_for(user, pk: int) -> Application | None:
    """The application if the user may see it (their own, or one they are an officer for)."""
    application = Application.objects.select_related("regulator", "applicant").filter(pk=pk).first()
    if application is None or not user.has_perm("rights.view_application", application):
        return None
    return application


def experience_input(application: Application, *, as_of: date) -> dict:
    """The application's periods as the qualifying-experience check reads them."""
    return {
        "as_of": as_of.isoformat(),
        "periods": [period.as_check_input() for period in application.periods.all()],
    }


def experience_check(application: Application, *, as_of: date) -> dict:
    """The qualifying-experience check of the application's periods as of `as_of`, under the
    version of its scheme in force that day (the same check as the API and the command)."""
    return qe_check_for(application.scheme, experience_input(application, as_of=as_of))


def accredited_for(application: Application) -> tuple[tuple[str, str], ...]:
    """(code, name) of each accredited qualification (§14) the application's scheme lists."""
    facts = dict(scheme_today(application.scheme).facts)
    return rules.accredited_qualifications(facts.get("accredited_qualifications"))


def knowledge_missing_for(application: Application) -> list[str]:
    """What the application's step 1 evidence lacks before it can be submitted."""
    return rules.knowledge_missing(
        route=application.knowledge_route,
        qualification=application.knowledge_qualification,
        description=application.knowledge_description,
        has_document=application.knowledge_document_id is not None,
        qualifications=[code for code, _ in accredited_for(application)],
    )


def knowledge_document_for(user, pk: int, document: str) -> Application | None:
    """The application whose step 1 document `document` (an Upload's UUID) is, if the user may
    see the application (the applicant, or an officer of its regulator)."""
    found = application_for(user, pk)
    if found is None or str(found.knowledge_document_id or "") != str(document):
        return None
    return found


def qualification_name(application: Application) -> str:
    """The accredited qualification's name in the scheme's words (its code if it has gone)."""
    names = dict(accredited_for(application))
    return names.get(application.knowledge_qualification, application.knowledge_qualification)
