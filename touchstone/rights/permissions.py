"""Who may see and change an application: the applicant their own (and only theirs); the
regulator's officers every application made to it; its committee members the cases referred to
the committee (selectors.committee). django-rules predicates, checked by the
services and selectors."""

import rules

from touchstone.core.models import Role
from touchstone.core.permissions import has_role_in

OFFICER_ROLES = frozenset({Role.ADMIN, Role.OFFICER})

is_rights_officer = has_role_in(OFFICER_ROLES)
# The Admissions and Licensing Committee hears the applications an officer refers to it; its
# members read those cases (never the others), and the officers who refer them read them too.
is_committee_member = has_role_in({Role.COMMITTEE_MEMBER})


@rules.predicate
def is_own_application(user, obj) -> bool:
    application = getattr(obj, "application", obj)
    return bool(
        getattr(user, "is_authenticated", False)
        and application is not None
        and getattr(application, "applicant_id", None) == user.pk
    )


rules.add_perm("rights.view_application", is_own_application | is_rights_officer)
rules.add_perm("rights.change_application", is_own_application)  # the applicant's own steps
rules.add_perm("rights.decide_application", is_rights_officer)
rules.add_perm("rights.view_committee_cases", is_committee_member | is_rights_officer)
rules.add_perm("rights.view_experienceperiod", is_own_application | is_rights_officer)
