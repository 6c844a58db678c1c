"""Staff reads: a regulator's officers see its whole register, private fields included."""

from django.db.models import Q, QuerySet

from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.selectors import organisations_with_perm
from touchstone.register import rules
from touchstone.register.models import Category, Finding, PracticeRight, Registrant, Status
from touchstone.register.selectors.names import name_matches_q


def officer_organisations(user) -> QuerySet[Organisation]:
    """The regulators whose register this user keeps (rule `register.view_registrant`)."""
    return organisations_with_perm(
        user, "register.view_registrant", kind=OrganisationKind.REGULATOR
    )


def staff_search(user, *, q: str = "") -> QuerySet[Registrant]:
    """Search by name (tolerant), number or email, within the user's regulators."""
    queryset = Registrant.objects.filter(regulator__in=officer_organisations(user)).select_related(
        "category", "status"
    )
    q = q.strip()[:200]
    if q:
        words = rules.name_words(q)[: rules.MAX_QUERY_WORDS]
        condition = Q(number=q.upper()) | Q(email__iexact=q)
        name_condition = name_matches_q(words) if words else None
        if name_condition is not None:
            condition |= name_condition
        queryset = queryset.filter(condition)
    return queryset.order_by("search_name", "number")


def registrant_for_staff(user, *, pk: int) -> Registrant:
    """One registrant with everything about them, if the user may see the private side."""
    registrant = (
        Registrant.objects.select_related("category", "status", "entity", "regulator", "user")
        .prefetch_related(
            "rights__right_type", "findings", "status_changes__status", "cpd", "offices"
        )
        .filter(pk=pk)
        .first()
    )
    if registrant is None or not user.has_perm("register.view_registrant", registrant):
        raise Registrant.DoesNotExist(pk)
    return registrant


def right_for_staff(user, *, pk: int) -> PracticeRight:
    right = PracticeRight.objects.select_related("registrant__regulator", "right_type").get(pk=pk)
    if not user.has_perm("register.view_registrant", right.registrant):
        raise PracticeRight.DoesNotExist(pk)
    return right


def finding_for_staff(user, *, pk: int) -> Finding:
    finding = Finding.objects.select_related("registrant__regulator").get(pk=pk)
    if not user.has_perm("register.view_finding", finding):
        raise Finding.DoesNotExist(pk)
    return finding


def category_for_code(code: str) -> Category | None:
    """The register category of that code (another module admits a member to it)."""
    return Category.objects.filter(code=code).first() if code else None


def status_for_code(code: str) -> Status | None:
    """The register status of that code."""
    return Status.objects.filter(code=code).first() if code else None
