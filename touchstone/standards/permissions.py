"""Who may do what with the framework library and with the accreditation scheme (below).
The library: anyone may read a framework (the IQS "can be used free-of-charge by anyone"); a
standards body's administrators and officers load frameworks and read their load history.
django-rules predicates, checked by the services and selectors."""

import rules

from touchstone.core.models import Membership, OrganisationKind, Role
from touchstone.core.permissions import has_role_in, organisation_of, roles_in

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


# The accreditation scheme. A provider's people see their own accreditations; those who run
# the provider (its administrators and managers) apply, answer and submit. A standards body's
# administrators and officers see the accreditations it holds and record fees paid. Nobody
# else sees anything. The object is an accreditation, an assessment, or (to apply) the
# provider organisation itself.
PROVIDER_ROLES = frozenset({Role.PROVIDER_ADMIN, Role.ADMIN, Role.MANAGER})


def _provider_of(obj):
    accreditation = getattr(obj, "accreditation", obj)
    if hasattr(accreditation, "provider"):
        return accreditation.provider
    return obj if getattr(obj, "kind", None) == OrganisationKind.PROVIDER else None


def _body_of(obj):
    accreditation = getattr(obj, "accreditation", obj)
    body = getattr(accreditation, "standards_body", None)
    return body if getattr(body, "kind", None) == OrganisationKind.STANDARDS_BODY else None


@rules.predicate
def is_provider_member(user, obj) -> bool:
    return bool(roles_in(user, _provider_of(obj)))


@rules.predicate
def runs_the_provider(user, obj) -> bool:
    return bool(roles_in(user, _provider_of(obj)) & PROVIDER_ROLES)


@rules.predicate
def is_accrediting_staff(user, obj) -> bool:
    return bool(roles_in(user, _body_of(obj)) & STAFF_ROLES)


rules.add_perm("standards.apply_accreditation", runs_the_provider)
rules.add_perm("standards.answer_assessment", runs_the_provider)
rules.add_perm("standards.view_accreditation", is_provider_member | is_accrediting_staff)
rules.add_perm("standards.record_fee_payment", is_accrediting_staff)
# Exports of every accreditation a body holds: the object is the standards body itself.
rules.add_perm("standards.export_accreditations", is_standards_staff)
