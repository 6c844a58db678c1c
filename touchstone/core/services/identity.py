"""Organisations, users, memberships and people."""

from dataclasses import dataclass
from datetime import timedelta
from math import ceil

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from touchstone.core import rules
from touchstone.core.models import LoginAttempt, Membership, Organisation, Person, User
from touchstone.core.services.audit import AuditAction, audit_record, snapshot


@transaction.atomic
def organisation_create(*, acting_user, slug: str, name: str, kind: str) -> Organisation:
    organisation = Organisation(slug=slug, name=name, kind=kind)
    organisation.full_clean()
    organisation.save()
    audit_record(
        actor=acting_user, action=AuditAction.CREATE, obj=organisation, after=snapshot(organisation)
    )
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
        action=AuditAction.CREATE,
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
            action=AuditAction.GRANT_ROLE,
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
    audit_record(actor=acting_user, action=AuditAction.CREATE, obj=person, after=snapshot(person))
    return person


@dataclass(frozen=True)
class SignInRefusal:
    """Why a sign-in attempt is not even checked, and for how long."""

    reason: str  # "address" or "account"
    retry_after: int  # seconds


def login_refusal(*, username: str, ip_address: str | None) -> SignInRefusal | None:
    """Whether to check this sign-in attempt at all, counted separately per address and per
    account over the last `TOUCHSTONE_LOGIN_WINDOW_MINUTES`:

    - an address with `TOUCHSTONE_LOGIN_ADDRESS_MAX_FAILURES` failures (on any accounts) is
      refused until they age out: one client guessing many accounts;
    - an account with `TOUCHSTONE_LOGIN_MAX_FAILURES` failures (from any addresses) is slowed,
      not locked: each further attempt waits 1, 2, 4 … seconds after the latest failure, at
      most `TOUCHSTONE_LOGIN_MAX_DELAY_SECONDS`, so guessing is slow while the owner, from
      anywhere, waits at most that long.
    """
    now = timezone.now()
    since = now - timedelta(minutes=settings.TOUCHSTONE_LOGIN_WINDOW_MINUTES)
    failures = LoginAttempt.objects.filter(attempted_at__gte=since, succeeded=False)
    if ip_address:
        from_address = failures.filter(ip_address=ip_address)
        if from_address.count() >= settings.TOUCHSTONE_LOGIN_ADDRESS_MAX_FAILURES:
            oldest = from_address.order_by("attempted_at").values_list("attempted_at", flat=True)
            ages_out = oldest[0] + timedelta(minutes=settings.TOUCHSTONE_LOGIN_WINDOW_MINUTES)
            return SignInRefusal("address", max(1, ceil((ages_out - now).total_seconds())))
    account = failures.filter(username__iexact=username).aggregate(
        count=Count("id"), latest=Max("attempted_at")
    )
    delay = rules.sign_in_delay(
        account["count"],
        free=settings.TOUCHSTONE_LOGIN_MAX_FAILURES,
        max_seconds=settings.TOUCHSTONE_LOGIN_MAX_DELAY_SECONDS,
    )
    if delay and account["latest"] is not None:
        wait = (account["latest"] + timedelta(seconds=delay) - now).total_seconds()
        if wait > 0:
            return SignInRefusal("account", ceil(wait))
    return None


def login_attempts_forget(*, as_of=None) -> int:
    """Forget sign-in attempts (usernames tried, addresses) older than
    `TOUCHSTONE_LOGIN_ATTEMPTS_KEPT_DAYS` (run daily): long enough to look back on an attack,
    not kept for ever. Returns how many were forgotten."""
    cutoff = (as_of or timezone.now()) - timedelta(
        days=settings.TOUCHSTONE_LOGIN_ATTEMPTS_KEPT_DAYS
    )
    deleted, _ = LoginAttempt.objects.filter(attempted_at__lt=cutoff).delete()
    return deleted


def login_attempt_record(*, username: str, ip_address: str | None, succeeded: bool) -> None:
    LoginAttempt.objects.create(
        username=username[:150], ip_address=ip_address or None, succeeded=succeeded
    )
