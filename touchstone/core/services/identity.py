"""Organisations, users, memberships and people."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import LoginAttempt, Membership, Organisation, Person, User
from touchstone.core.services.audit import audit_record, snapshot


@transaction.atomic
def organisation_create(*, acting_user, slug: str, name: str, kind: str) -> Organisation:
    organisation = Organisation(slug=slug, name=name, kind=kind)
    organisation.full_clean()
    organisation.save()
    audit_record(actor=acting_user, action="create", obj=organisation, after=snapshot(organisation))
    return organisation


@transaction.atomic
def user_create(
    *,
    acting_user,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    audit_record(
        actor=acting_user,
        action="create",
        obj=user,
        after=snapshot(user, ["username", "first_name", "last_name", "email"]),
    )
    return user


@transaction.atomic
def membership_grant(
    *, acting_user, user: User, organisation: Organisation, role: str
) -> Membership:
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    if created:
        audit_record(
            actor=acting_user,
            action="grant_role",
            obj=membership,
            organisation=organisation,
            after={"user": user.username, "role": role},
        )
    if hasattr(user, "_touchstone_roles"):
        del user._touchstone_roles
    return membership


@transaction.atomic
def person_create(
    *,
    acting_user,
    organisation: Organisation | None,
    full_name: str,
    initials: str = "",
    email: str = "",
    user: User | None = None,
) -> Person:
    person = Person(
        organisation=organisation, full_name=full_name, initials=initials, email=email, user=user
    )
    person.full_clean()
    person.save()
    audit_record(actor=acting_user, action="create", obj=person, after=snapshot(person))
    return person


def login_is_locked(*, username: str, ip_address: str | None) -> bool:
    """Too many recent failures for this username, or from this address."""
    since = timezone.now() - timedelta(minutes=settings.TOUCHSTONE_LOGIN_WINDOW_MINUTES)
    limit = settings.TOUCHSTONE_LOGIN_MAX_FAILURES
    failures = LoginAttempt.objects.filter(attempted_at__gte=since, succeeded=False)
    if failures.filter(username__iexact=username).count() >= limit:
        return True
    return bool(ip_address) and failures.filter(ip_address=ip_address).count() >= limit * 4


def login_attempt_record(*, username: str, ip_address: str | None, succeeded: bool) -> None:
    LoginAttempt.objects.create(
        username=username[:150], ip_address=ip_address or None, succeeded=succeeded
    )
