"""Which cases a person may see: those of the organisations where they hold a casework role,
under the scheme that organisation runs."""

from django.db.models import Q, QuerySet

from touchstone.casework.models import SCHEME_ORGANISATION, Case
from touchstone.casework.permissions import CASEWORK_ROLES
from touchstone.core.models import Membership


def cases_for_user(user) -> QuerySet[Case]:
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    organisations = Membership.objects.filter(user=user, role__in=CASEWORK_ROLES).values(
        "organisation_id"
    )
    runs = Q()
    for scheme, kind in SCHEME_ORGANISATION.items():
        runs |= Q(scheme=scheme, organisation__kind=kind)
    return Case.objects.filter(runs, organisation_id__in=organisations)


def case_for_staff(user, *, pk: int) -> Case:
    """The case, if the user may see it (Case.DoesNotExist otherwise: a 404, not a 403)."""
    return cases_for_user(user).select_related("organisation", "provider", "caseworker").get(pk=pk)


def case_timeline(case: Case) -> QuerySet:
    return case.events.select_related("actor").order_by("at", "pk")
