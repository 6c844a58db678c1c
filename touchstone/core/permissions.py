"""Object-level permission predicates (django-rules), shared by every module.

Each module registers its own permissions in its `permissions.py` from these building blocks; the
services and selectors check them, so the web UI, the API, the CLI and tasks all obey the same
rules. A user's powers come only from their memberships (organisation + role).
"""

from collections.abc import Iterable

import rules
from django.core.exceptions import PermissionDenied

from touchstone.core.models import Membership, Organisation, Role

STAFF_ROLES = frozenset(
    {
        Role.ADMIN,
        Role.OFFICER,
        Role.CASEWORKER,
        Role.COMMITTEE_MEMBER,
        Role.BOARD_MEMBER,
        Role.MANAGER,
        Role.PROVIDER_ADMIN,
    }
)


def organisation_of(obj) -> Organisation | None:
    """The organisation an object belongs to: itself, or its `organisation` attribute."""
    if obj is None:
        return None
    if isinstance(obj, Organisation):
        return obj
    return getattr(obj, "organisation", None)


def roles_in(user, organisation: Organisation | None) -> set[str]:
    if organisation is None or not getattr(user, "is_authenticated", False):
        return set()
    cache = getattr(user, "_touchstone_roles", None)
    if cache is None:
        cache = {}
        for org_id, role in Membership.objects.filter(user=user).values_list(
            "organisation_id", "role"
        ):
            cache.setdefault(org_id, set()).add(role)
        user._touchstone_roles = cache
    return cache.get(organisation.pk, set())


def has_role_in(roles: Iterable[str]):
    wanted = frozenset(roles)

    @rules.predicate
    def predicate(user, obj) -> bool:
        return bool(roles_in(user, organisation_of(obj)) & wanted)

    return predicate


is_member = rules.predicate(lambda user, obj: bool(roles_in(user, organisation_of(obj))))
is_staff_member = has_role_in(STAFF_ROLES)
is_org_admin = has_role_in({Role.ADMIN})

rules.add_perm("core.view_organisation", is_member)
rules.add_perm("core.manage_organisation", is_org_admin)
rules.add_perm("core.view_audit", is_staff_member)


def require_perm(user, perm: str, obj) -> None:
    """Raise PermissionDenied unless `user` has `perm` on `obj`.

    `user=None` means a trusted system caller (a management command or a task acting for the
    body itself); every web and API path passes the signed-in user.
    """
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied("You do not have permission to do that.")
