"""Who may see and act on cases: the staff of the organisation that runs the case's scheme
(an ombudsman's for ombudsman complaints, a regulator's for conduct cases), and no one else.
Which of them may move a case on from a stage is the scheme's own data (`roles` of each stage,
checked by `rules.move_refusal`). django-rules predicates, checked by the services and
selectors."""

import rules

from touchstone.casework.models import SCHEME_ORGANISATION, Case
from touchstone.core.models import Role
from touchstone.core.permissions import has_role_in, organisation_of

CASEWORK_ROLES = frozenset({Role.ADMIN, Role.OFFICER, Role.CASEWORKER, Role.COMMITTEE_MEMBER})
HANDLER_ROLES = frozenset({Role.ADMIN, Role.OFFICER, Role.CASEWORKER})
ADJUDICATOR_ROLES = frozenset({Role.ADMIN, Role.OFFICER})
SCORECARD_ROLES = frozenset(
    {Role.ADMIN, Role.OFFICER, Role.CASEWORKER, Role.MANAGER, Role.BOARD_MEMBER}
)
TARGET_ROLES = frozenset({Role.ADMIN, Role.MANAGER})
PANEL_ROLES = frozenset({Role.COMMITTEE_MEMBER})
COUNCIL_RECORD_ROLES = frozenset({Role.ADMIN})


@rules.predicate
def runs_the_scheme(user, obj) -> bool:
    """A case belongs to an organisation of the kind that runs its scheme; an organisation
    (for its scorecard, its targets, a new case) is of a kind that runs one."""
    if not isinstance(obj, Case):
        organisation = organisation_of(obj)
        return organisation is not None and organisation.kind in SCHEME_ORGANISATION.values()
    wanted = SCHEME_ORGANISATION.get(obj.scheme)
    return wanted is not None and obj.organisation.kind == wanted


rules.add_perm("casework.view_case", has_role_in(CASEWORK_ROLES) & runs_the_scheme)
rules.add_perm("casework.add_case", has_role_in(HANDLER_ROLES) & runs_the_scheme)
rules.add_perm("casework.change_case", has_role_in(CASEWORK_ROLES) & runs_the_scheme)
# Accepting and triaging a case is casework staff's, never a panel member's: a panel decides
# the cases the scheme puts before it.
rules.add_perm("casework.handle_case", has_role_in(HANDLER_ROLES) & runs_the_scheme)
rules.add_perm("casework.assign_case", has_role_in(ADJUDICATOR_ROLES) & runs_the_scheme)
rules.add_perm(
    "casework.decide_service_complaint", has_role_in(ADJUDICATOR_ROLES) & runs_the_scheme
)
rules.add_perm("casework.view_scorecard", has_role_in(SCORECARD_ROLES) & runs_the_scheme)
rules.add_perm("casework.change_kpitarget", has_role_in(TARGET_ROLES) & runs_the_scheme)
rules.add_perm("casework.view_kpitarget", has_role_in(SCORECARD_ROLES) & runs_the_scheme)
rules.add_perm("casework.change_councilseat", has_role_in(COUNCIL_RECORD_ROLES) & runs_the_scheme)
