"""Reading applications: each person sees their own, the regulator's officers every application
made to it; the qualifying-experience check of an application's periods."""

from datetime import date

from django.db.models import Case, CharField, DateField, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Concat, Least, Lower, NullIf, Trim

from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.selectors import organisations_with_perm
from touchstone.rights import rules
from touchstone.rights.models import Application
from touchstone.rights.rules import queue
from touchstone.rights.selectors.schemes import qe_check_for, scheme_today


def granting_regulators() -> QuerySet[Organisation]:
    """The regulators an application can be made to, by name."""
    return Organisation.objects.filter(kind=OrganisationKind.REGULATOR).order_by("name")


def applications_of(user) -> QuerySet[Application]:
    """The user's own applications."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    return Application.objects.filter(applicant=user).select_related("regulator")


_FAR = date(9999, 12, 31)  # "nothing waiting": sorts after every real date
_SUBMITTED_ON = {
    "knowledge": "knowledge_submitted_on",
    "experience": "experience_submitted_on",
    "application": "application_submitted_on",
}


def waiting_q(step: str | None = None) -> Q:
    """Applications with something waiting for the officer (at `step`, or at any step)."""
    steps = [step] if step else list(queue.STEPS)
    found = Q(pk__in=[])
    for name in steps:
        found |= Q(**{f"{name}_state__in": list(queue.WAITING[name])})
    return found


def _waiting_since(step: str):
    """The day `step` was submitted when it waits for the officer, else the far date."""
    return Case(
        When(
            **{f"{step}_state__in": list(queue.WAITING[step])},
            then=Coalesce(F(_SUBMITTED_ON[step]), Value(_FAR)),
        ),
        default=Value(_FAR),
        output_field=DateField(),
    )


_APPLICANT_NAME = Lower(
    Case(
        When(
            Q(applicant__first_name="") & Q(applicant__last_name=""),
            then=F("applicant__username"),
        ),
        default=Trim(Concat("applicant__first_name", Value(" "), "applicant__last_name")),
        output_field=CharField(),
    )
)
_ORDERS = {
    "oldest": (F("waiting_since").asc(nulls_last=True), "experience_submitted_on", "created_at"),
    "newest": (F("waiting_since").desc(nulls_last=True), "-created_at"),
    "name": (F("applicant_name").asc(), "created_at"),
    "name-desc": (F("applicant_name").desc(), "created_at"),
}


def applications_for_officer(
    user,
    *,
    state: str | None = None,
    waiting: str | None = None,
    sort: str | None = None,
) -> QuerySet[Application]:
    """Applications made to the regulators where the user is an officer, the longest waiting
    first (`sort`: one of rules.queue.SORTS). `state` narrows to one state of one step
    ("application:under_assessment"; a bare state is the qualifying experience's, as the old
    links say); `waiting` to those waiting for the officer at a step ("any" for any step).
    Each carries `waiting_since`: the day the longest-waiting step waiting for the officer
    was submitted (None when nothing waits)."""
    found = (
        Application.objects.filter(
            regulator__in=organisations_with_perm(user, "rights.decide_application")
        )
        .select_related("regulator", "applicant")
        .annotate(
            waiting_since=NullIf(
                Least(*(_waiting_since(step) for step in queue.STEPS)), Value(_FAR)
            ),
            applicant_name=_APPLICANT_NAME,
        )
    )
    if state:
        chosen = queue.state_choice(state)
        if chosen is None:
            return found.none()
        step, code = chosen
        found = found.filter(**{f"{step}_state": code})
    if waiting:
        found = found.filter(waiting_q(None if waiting == "any" else waiting))
    return found.order_by(*_ORDERS.get(sort or queue.DEFAULT_SORT, _ORDERS[queue.DEFAULT_SORT]))


def officer_queue_counts(user) -> dict[str, dict[str, int]]:
    """How many of the officer's applications are in each state of each step."""
    counts = {step: dict.fromkeys(states, 0) for step, states in queue.STEP_STATES.items()}
    rows = Application.objects.filter(
        regulator__in=organisations_with_perm(user, "rights.decide_application")
    ).values_list("knowledge_state", "experience_state", "application_state")
    for states in rows:
        for step, code in zip(queue.STEPS, states, strict=True):
            if code in counts[step]:
                counts[step][code] += 1
    return counts


def queue_row(application: Application, *, as_of: date) -> dict:
    """One row of the officers' queue: each step's state in words, what waits for the
    officer, and the days since the longest-waiting of those steps was submitted."""
    states = {step: getattr(application, f"{step}_state") for step in queue.STEPS}
    since = getattr(application, "waiting_since", None)
    return {
        "application": application,
        "states": [
            {"step": queue.STEPS[step], "label": queue.STEP_STATES[step].get(code, code)}
            for step, code in states.items()
        ],
        "waiting": [words for _, words in queue.waiting_for_officer(states)],
        "since": since,
        "days": queue.days_waiting(since, as_of),
    }


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
