"""Access links: only the token's hash is kept, the link is emailed once the write commits, it
works once and until it expires, and of two submissions through it only one is taken."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import AccessLink, AuditEvent
from touchstone.core.selectors import access_link_open
from touchstone.core.services import (
    REFUSALS,
    LinkRefused,
    access_link_issue,
    access_link_revoke,
    access_link_spend,
    link_refusal,
    token_hash,
)
from touchstone.core.testing import run_together, two_writers_can_overlap

PURPOSE = "test.link"


def _issue(organisation, officer, **changes):
    arguments = {
        "acting_user": officer,
        "organisation": organisation,
        "purpose": PURPOSE,
        "name": "Ann Lee",
        "email": "ann@example.org",
        "valid_for": timedelta(days=3),
        "path_for": lambda token: f"/somewhere/{token}/",
        "subject": "Please give a reference",
        "body": "Use the link below.",
        **changes,
    }
    return access_link_issue(**arguments)


@pytest.fixture
def issued(organisation, officer):
    return _issue(organisation, officer)


@pytest.mark.django_db
def test_only_the_hash_is_kept_and_the_link_is_emailed_after_commit(
    organisation, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        link, token = _issue(organisation, officer)
        assert not mail.outbox  # nothing is sent before the write commits
    assert len(callbacks) == 1
    assert len(token) >= 40 and link.token_hash == token_hash(token) != token
    stored = AccessLink.objects.filter(pk=link.pk).values().get()
    assert token not in str(stored)
    (sent,) = mail.outbox
    assert sent.to == ["ann@example.org"] and sent.subject == "Please give a reference"
    assert f"/somewhere/{token}/" in sent.body and "works once" in sent.body
    assert timedelta(days=3) - (link.expires_at - timezone.now()) < timedelta(minutes=1)


@pytest.mark.django_db
def test_an_email_is_not_sent_when_the_write_is_rolled_back(
    organisation, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                _issue(organisation, officer)
                raise RuntimeError("a later step of the service fails")
        except RuntimeError:
            pass
    assert not mail.outbox and not AccessLink.objects.exists()


@pytest.mark.django_db
def test_two_links_never_share_a_token(organisation, officer):
    tokens = {_issue(organisation, officer)[1] for _ in range(20)}
    assert len(tokens) == 20


@pytest.mark.django_db
def test_spending_marks_it_used_from_the_address_and_audits_the_holder(issued):
    link, token = issued
    spent = access_link_spend(token=token, purpose=PURPOSE, ip_address="192.0.2.7")
    assert spent.pk == link.pk and spent.used_from == "192.0.2.7" and spent.used_at
    event = AuditEvent.objects.filter(action="use_link").get()
    assert event.actor is None and "ann@example.org" in event.actor_label
    assert "emailed link" in event.actor_label


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (lambda link, token: (token + "x", PURPOSE), "unknown"),
        (lambda link, token: (token, "other.purpose"), "unknown"),
        (lambda link, token: ("", PURPOSE), "unknown"),
        (
            lambda link, token: (
                AccessLink.objects.filter(pk=link.pk).update(used_at=timezone.now()),
                (token, PURPOSE),
            )[1],
            "used",
        ),
        (
            lambda link, token: (
                AccessLink.objects.filter(pk=link.pk).update(expires_at=timezone.now()),
                (token, PURPOSE),
            )[1],
            "expired",
        ),
        (
            lambda link, token: (
                AccessLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now()),
                (token, PURPOSE),
            )[1],
            "revoked",
        ),
    ],
)
def test_a_link_that_cannot_be_used_is_refused_with_its_reason(issued, spoil, reason):
    token, purpose = spoil(*issued)
    with pytest.raises(LinkRefused) as opened:
        access_link_open(token, purpose)
    assert opened.value.reason == reason and str(opened.value) == REFUSALS[reason]
    before = AuditEvent.objects.count()
    with pytest.raises(LinkRefused):
        access_link_spend(token=token, purpose=purpose, ip_address=None)
    assert AuditEvent.objects.count() == before
    assert AccessLink.objects.filter(used_from__isnull=False).count() == 0


@pytest.mark.django_db
def test_it_works_once(issued):
    _link, token = issued
    assert access_link_open(token, PURPOSE)
    access_link_spend(token=token, purpose=PURPOSE, ip_address=None)
    with pytest.raises(LinkRefused, match="already been used"):
        access_link_spend(token=token, purpose=PURPOSE, ip_address=None)


def test_refusal_reasons_in_order_of_what_happened_first():
    now = timezone.now()
    later = now + timedelta(days=1)
    table = [
        (None, "unknown"),
        (AccessLink(expires_at=later), None),
        (AccessLink(expires_at=now), "expired"),
        (AccessLink(expires_at=now - timedelta(days=1), used_at=now), "used"),
        (AccessLink(expires_at=later, revoked_at=now), "revoked"),
        (AccessLink(expires_at=later, used_at=now, revoked_at=now), "used"),
    ]
    for link, reason in table:
        assert link_refusal(link, now) == reason, (link, reason)


@pytest.mark.django_db
def test_revoking_stops_it_and_says_so_once(issued, officer):
    link, token = issued
    assert access_link_revoke(acting_user=officer, link=link) is True
    assert link.revoked_at is not None
    assert access_link_revoke(acting_user=officer, link=link) is False
    assert AuditEvent.objects.filter(action="revoke_link").count() == 1
    with pytest.raises(LinkRefused, match="withdrawn"):
        access_link_spend(token=token, purpose=PURPOSE, ip_address=None)


@pytest.mark.django_db
def test_a_used_link_is_not_revoked(issued, officer):
    link, token = issued
    access_link_spend(token=token, purpose=PURPOSE, ip_address=None)
    assert access_link_revoke(acting_user=officer, link=link) is False
    assert AccessLink.objects.get(pk=link.pk).revoked_at is None


@pytest.mark.skipif(not two_writers_can_overlap(), reason="a race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_submissions_through_one_link_at_once_take_one(organisation, officer):
    _link, token = _issue(organisation, officer)

    def spend():
        with transaction.atomic():
            return access_link_spend(token=token, purpose=PURPOSE, ip_address="192.0.2.1")

    results = run_together(spend, spend)
    taken = [r for r in results if isinstance(r, AccessLink)]
    refused = [r for r in results if isinstance(r, LinkRefused)]
    assert len(taken) == 1 and len(refused) == 1 and refused[0].reason == "used"
    assert AuditEvent.objects.filter(action="use_link").count() == 1
