"""Access links: issuing one (emailed after commit), spending it once, revoking it.

A link carries a random token; only its SHA-256 is stored. Spending locks the row inside the
caller's transaction, so of two submissions through one link only the first is taken."""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import AccessLink, Organisation
from touchstone.core.services.audit import AuditAction, audit_record

REFUSALS = {
    "unknown": "This link is not one we sent. Check you copied the whole address from the email.",
    "used": "This link has already been used: it works once.",
    "expired": "This link has expired. Ask for a new one.",
    "revoked": "This link was withdrawn and no longer works.",
}


class LinkRefused(Exception):
    """A link that cannot be used; `reason` is a key of REFUSALS."""

    def __init__(self, reason: str):
        super().__init__(REFUSALS[reason])
        self.reason = reason


@dataclass(frozen=True)
class LinkHolder:
    """The person acting through a link, as the audit log names them (they have no account)."""

    name: str
    email: str
    pk = None

    def get_full_name(self) -> str:
        return f"{self.name} <{self.email}> (by emailed link)"

    def get_username(self) -> str:
        return self.email


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_refusal(link: AccessLink | None, now=None) -> str | None:
    """Why `link` cannot be used now (a key of REFUSALS), or None when it can."""
    now = now or timezone.now()
    if link is None:
        return "unknown"
    if link.used_at is not None:
        return "used"
    if link.revoked_at is not None:
        return "revoked"
    if link.expires_at <= now:
        return "expired"
    return None


def access_link_issue(
    *,
    acting_user,
    organisation: Organisation,
    purpose: str,
    name: str,
    email: str,
    valid_for: timedelta,
    path_for: Callable[[str], str],
    subject: str,
    body: str,
    expires_at=None,
) -> tuple[AccessLink, str]:
    """A new link for `name` at `email`, emailed to them once the caller's transaction commits.
    `path_for(token)` is the page's path; the email gives it after `body`. Returns the link and
    its token (the token is not kept)."""
    token = secrets.token_urlsafe(32)
    link = AccessLink.objects.create(
        organisation=organisation,
        purpose=purpose,
        token_hash=token_hash(token),
        name=name,
        email=email,
        expires_at=expires_at or timezone.now() + valid_for,
        created_by=acting_user if getattr(acting_user, "pk", None) else None,
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.ISSUE_LINK,
        obj=link,
        after={"purpose": purpose, "email": email, "expires_at": link.expires_at},
    )
    url = f"{settings.TOUCHSTONE_BASE_URL}{path_for(token)}"
    message = f"{body}\n\n{url}\n\nThe link works once, until {link.expires_at:%d %B %Y}."
    transaction.on_commit(
        lambda: send_mail(
            subject=subject,
            message=message,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    )
    return link, token


def access_link_spend(*, token: str, purpose: str, ip_address: str | None) -> AccessLink:
    """Mark the link used, from `ip_address`. Call inside the transaction that records what was
    done through it: the row is locked, so a second submission waits and is then refused
    (LinkRefused)."""
    link = (
        AccessLink.objects.select_for_update()
        .filter(token_hash=token_hash(token), purpose=purpose)
        .first()
    )
    reason = link_refusal(link)
    if reason:
        raise LinkRefused(reason)
    link.used_at, link.used_from = timezone.now(), ip_address
    link.save(update_fields=["used_at", "used_from"])
    audit_record(
        actor=LinkHolder(link.name, link.email),
        action=AuditAction.USE_LINK,
        obj=link,
        after={"used_at": link.used_at, "used_from": ip_address},
    )
    return link


def access_link_revoke(*, acting_user, link: AccessLink) -> bool:
    """Stop an unused link working; False when it was already used, expired or revoked."""
    with transaction.atomic():
        locked = AccessLink.objects.select_for_update().get(pk=link.pk)
        if link_refusal(locked):
            return False
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        audit_record(actor=acting_user, action=AuditAction.REVOKE_LINK, obj=locked)
    link.revoked_at = locked.revoked_at
    return True
