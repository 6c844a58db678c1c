"""Who may do what with the framework library: anyone may read a framework (the IQS "can be
used free-of-charge by anyone"); a standards body's administrators and officers load
frameworks and read their load history. django-rules predicates, checked by the services and
selectors."""

import rules

from touchstone.core.models import Membership, OrganisationKind, Role
from touchstone.core.permissions import has_role_in, organisation_of

STAFF_ROLES = frozenset({Role.ADMIN, Role.OFFICER})


@rules.predicate
def is_standards_body(user, obj) -> bool:
    organisation = organisation_of(obj)
    return organisation is not None and organisation.kind == OrganisationKind.STANDARDS_BODY


is_standards_staff = has_role_in(STAFF_ROLES) & is_standards_body


@rules.predicate
def is_standards_staff_anywhere(user, obj=None) -> bool:
    """Staff of any standards body: the library is shared, not any one body's."""
    return bool(
        getattr(user, "is_authenticated", False)
        and Membership.objects.filter(
            user=user,
            role__in=STAFF_ROLES,
            organisation__kind=OrganisationKind.STANDARDS_BODY,
        ).exists()
    )


rules.add_perm("standards.load_framework", is_standards_staff)
rules.add_perm("standards.view_framework", is_standards_staff_anywhere)
