"""Who may do what with plans. Checked in services and selectors."""

import rules

from touchstone.core.models import Role
from touchstone.core.permissions import has_role_in, is_member

EDITOR_ROLES = frozenset(
    {Role.ADMIN, Role.OFFICER, Role.BOARD_MEMBER, Role.MANAGER, Role.PROVIDER_ADMIN}
)

can_edit_plans = has_role_in(EDITOR_ROLES)

# Any member of the plan's organisation may read it; editors may change it.
rules.add_perm("plans.view_plan", is_member)
rules.add_perm("plans.view_action", is_member)
rules.add_perm("plans.change_plan", can_edit_plans)
rules.add_perm("plans.change_action", can_edit_plans)
rules.add_perm("plans.add_plan", can_edit_plans)  # object: the organisation
