"""Who may see and change the register's private side: the regulator's officers."""

import rules

from touchstone.core.models import Role
from touchstone.core.permissions import has_role_in, is_staff_member

is_register_officer = has_role_in({Role.ADMIN, Role.OFFICER})

rules.add_perm("register.view_registrant", is_staff_member)
rules.add_perm("register.change_registrant", is_register_officer)
rules.add_perm("register.view_finding", is_staff_member)
rules.add_perm("register.change_finding", is_register_officer)
rules.add_perm("register.view_cpdrecord", is_staff_member)
