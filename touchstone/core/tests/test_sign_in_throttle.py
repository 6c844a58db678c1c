"""Sign-in throttling: the client address is believed only from a trusted proxy; an address is
throttled on its own failures, an account on its own, and an account is slowed, never locked.

The pure rules behind it (`client_address`, `sign_in_delay`) are tabled in test_core_rules.py."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.test import Client, override_settings
from django.utils import timezone

from touchstone.core.models import LoginAttempt
from touchstone.core.rules import parse_networks

PROXY = "10.0.0.1"
TRUSTED = parse_networks("10.0.0.1, 192.168.0.0/16")


def _attempt(client, username, password, address):
    return client.post(
        "/sign-in/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def _age_attempts(seconds: int) -> None:
    LoginAttempt.objects.update(attempted_at=F("attempted_at") - timedelta(seconds=seconds))


@pytest.mark.django_db
@override_settings(TOUCHSTONE_TRUSTED_PROXIES=TRUSTED, TOUCHSTONE_LOGIN_ADDRESS_MAX_FAILURES=20)
def test_behind_the_proxy_one_address_failing_does_not_shut_out_others(make_user):
    make_user("alice", password="right-password")
    guesser = "198.51.100.66"
    client = Client()
    for n in range(20):  # one failure each on twenty accounts: no account slows down
        _attempt(client, f"user{n}", "wrong", guesser)
    assert set(LoginAttempt.objects.values_list("ip_address", flat=True)) == {guesser}
    refused = _attempt(client, "alice", "right-password", guesser)
    assert b"Too many failed sign-in attempts from your network" in refused.content
    assert _attempt(Client(), "alice", "right-password", "203.0.113.5").status_code == 302


@pytest.mark.django_db
@override_settings(TOUCHSTONE_LOGIN_ADDRESS_MAX_FAILURES=20)
def test_a_forged_forwarded_for_header_does_not_change_the_address(make_user):
    client = Client()
    for n in range(20):  # from one address, each claiming another
        client.post(
            "/sign-in/",
            {"username": f"user{n}", "password": "wrong"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    assert set(LoginAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    refused = client.post(
        "/sign-in/",
        {"username": "anyone", "password": "x"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.200",
    )
    assert b"from your network" in refused.content


@pytest.mark.django_db
@override_settings(
    TOUCHSTONE_TRUSTED_PROXIES=TRUSTED,
    TOUCHSTONE_LOGIN_MAX_FAILURES=5,
    TOUCHSTONE_LOGIN_MAX_DELAY_SECONDS=60,
)
def test_an_attacked_account_is_slowed_and_its_owner_still_signs_in(make_user):
    make_user("alice", password="right-password")
    attacker = Client()
    for n in range(5):
        assert _attempt(attacker, "alice", "wrong", f"198.51.100.{n}").status_code == 200
    owner = Client()
    waiting = _attempt(owner, "alice", "right-password", "203.0.113.5")
    assert b"Wait 1 second, then try again" in waiting.content  # slowed, for a second
    assert LoginAttempt.objects.filter(succeeded=False).count() == 5  # a wait is not a failure
    _age_attempts(1)
    assert _attempt(owner, "alice", "right-password", "203.0.113.5").status_code == 302

    # A hundred more failures in the window: still at most a minute's wait, never a lock-out.
    latest = timezone.now() - timedelta(seconds=61)
    LoginAttempt.objects.bulk_create(
        LoginAttempt(username="alice", ip_address=f"198.51.100.{n % 250}", succeeded=False)
        for n in range(100)
    )
    LoginAttempt.objects.filter(succeeded=False).update(attempted_at=latest)
    assert _attempt(Client(), "alice", "right-password", "203.0.113.6").status_code == 302


@pytest.mark.django_db
@override_settings(TOUCHSTONE_LOGIN_MAX_FAILURES=2, TOUCHSTONE_LOGIN_MAX_DELAY_SECONDS=600)
def test_each_further_failure_doubles_the_wait(make_user):
    make_user("bob", password="right-password")
    client = Client()
    for _ in range(2):
        client.post("/sign-in/", {"username": "bob", "password": "wrong"})
    for expected in ("1 second", "2 seconds", "4 seconds", "8 seconds"):
        waiting = client.post("/sign-in/", {"username": "bob", "password": "wrong"})
        assert f"Wait {expected}, then try again".encode() in waiting.content
        _age_attempts(int(expected.split()[0]))
        assert client.post("/sign-in/", {"username": "bob", "password": "wrong"}).status_code == 200


@pytest.mark.django_db
@override_settings(TOUCHSTONE_LOGIN_ATTEMPTS_KEPT_DAYS=90)
def test_sign_in_attempts_are_forgotten_after_the_kept_days():
    from touchstone.core.services import login_attempts_forget

    now = timezone.now()
    for days, name in ((91, "old"), (89, "recent"), (0, "today")):
        attempt = LoginAttempt.objects.create(username=name, ip_address="192.0.2.1")
        LoginAttempt.objects.filter(pk=attempt.pk).update(attempted_at=now - timedelta(days=days))
    assert login_attempts_forget(as_of=now) == 1
    assert sorted(LoginAttempt.objects.values_list("username", flat=True)) == ["recent", "today"]
    assert login_attempts_forget(as_of=now) == 0
