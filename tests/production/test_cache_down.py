"""A cache that is down never fails a request nor misreports a committed write: Redis pointed
at a port where nothing listens (connections refused) is skipped and logged."""

import logging

import pytest
from django.core.checks import run_checks
from django.test import Client, override_settings

from touchstone.core.models import AuditEvent, Role
from touchstone.core.testing import sent
from touchstone.register.models import Registrant
from touchstone.register.services import AuditAction


def redis_at(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/1",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }


@pytest.fixture
def redis_down(closed_port, settings):
    with override_settings(
        CACHES=redis_at(closed_port),
        DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=True,
        DJANGO_REDIS_LOGGER="touchstone.cache",
    ):
        yield


@pytest.mark.django_db
def test_public_register_answers_and_counts_without_the_cache(register, redis_down, caplog):
    caplog.set_level(logging.ERROR, logger="touchstone.cache")
    page = Client().get("/register/?status=active")
    assert page.status_code == 200
    assert "2 results" in page.content.decode()
    api = Client().get("/api/v1/public/register/?status=active")
    assert api.status_code == 200 and api.json()["count"] == 2
    assert Client().get("/register/?right=immigration").status_code == 200
    assert any(r.name == "touchstone.cache" for r in caplog.records)  # logged, not raised


@pytest.mark.django_db
def test_a_committed_status_change_is_reported_as_done(
    register, redis_down, make_user, organisation, django_capture_on_commit_callbacks
):
    officer = make_user("staffer", (organisation, Role.OFFICER))
    client = Client()
    client.force_login(officer)
    zoe = register["zoe"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/register/staff/{zoe.pk}/status/",
            sent(status="active", effective_on="2026-01-05", reason="Order ended", confirmed="yes"),
        )
    assert response.status_code == 302
    zoe.refresh_from_db()
    assert zoe.status.code == "active"
    john = register["john"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/api/v1/register/registrants/{john.pk}/status/",
            {"status": "suspended", "effective_on": "2026-02-01", "reason": "Order"},
            content_type="application/json",
        )
    assert response.status_code == 201, response.content
    assert Registrant.objects.get(pk=john.pk).status.code == "suspended"
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE_STATUS, actor=officer).count() == 2
    # Once the cache answers again, totals are those of the committed register.
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=locmem):
        suspended = Client().get("/api/v1/public/register/?status=suspended").json()
        assert [item["number"] for item in suspended["results"]] == ["100001"]
        assert suspended["count"] == 1


def test_deploy_check_fails_while_a_configured_cache_cannot_be_reached(redis_down):
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "touchstone.E001"]
    assert len(errors) == 1 and "'default' cache" in errors[0].msg


def test_deploy_check_passes_with_a_cache_that_answers():
    errors = run_checks(include_deployment_checks=True)
    assert not [e for e in errors if e.id == "touchstone.E001"]
