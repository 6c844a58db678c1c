"""Reading supervisors' references: an application's, the one given, and what the scheme asks."""

from touchstone.rights import rules
from touchstone.rights.models import Application, SupervisorReference
from touchstone.rights.selectors.schemes import scheme_today


def reference_terms_for(application: Application) -> rules.ReferenceTerms:
    return rules.reference_terms(scheme_today(application.scheme))


def references_of(application: Application) -> list[SupervisorReference]:
    """The application's references, newest first, with their links; each carries
    `comment_rows`, the supervisor's comment on each point the scheme asks about."""
    points = reference_terms_for(application).points
    found = list(application.references.select_related("link"))
    for reference in found:
        reference.comment_rows = [(p.ask, reference.comments.get(p.code, "")) for p in points]
    return found


def open_reference(application: Application) -> SupervisorReference | None:
    """The reference asked for and not yet given, withdrawn or lapsed."""
    return application.references.filter(state="invited").select_related("link").first()


def given_reference(application: Application) -> SupervisorReference | None:
    """The newest reference the supervisor has given."""
    return application.references.filter(state="given").order_by("-given_at").first()


def reference_for_link(link) -> SupervisorReference:
    """The reference an open link was sent for, with its application."""
    return SupervisorReference.objects.select_related(
        "application__applicant", "application__regulator"
    ).get(link=link)
