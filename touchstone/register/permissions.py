"""Who may see and change the register's private side: the regulator's officers (officer or
administrator of the regulator the registrant belongs to). Members see their own CPD."""

import rules

from touchstone.core.models import Role
from touchstone.core.permissions import has_role_in

OFFICER_ROLES = frozenset({Role.ADMIN, Role.OFFICER})

is_register_officer = has_role_in(OFFICER_ROLES)


@rules.predicate
def is_own_cpd_record(user, record) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and record is not None
        and getattr(record.registrant, "user_id", None) == user.pk
    )


rules.add_perm("register.view_registrant", is_register_officer)
rules.add_perm("register.change_registrant", is_register_officer)
rules.add_perm("register.view_finding", is_register_officer)
rules.add_perm("register.change_finding", is_register_officer)
rules.add_perm("register.view_practiceright", is_register_officer)
rules.add_perm("register.view_cpdrecord", is_register_officer | is_own_cpd_record)
rules.add_perm("register.view_cpdsample", is_register_officer)
