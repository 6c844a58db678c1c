"""A signed-in user creates, replaces and revokes their own API token; the key is shown once."""

import re

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from touchstone.core.models import AuditEvent


def _key(html: str) -> str | None:
    found = re.search(r'data-testid="api-token">([0-9a-f]{40})<', html)
    return found.group(1) if found else None


@pytest.mark.django_db
def test_create_use_replace_and_revoke_a_token(officer):
    client = Client()
    client.force_login(officer)
    page = client.get("/account/api-token/")
    assert "You have no API token" in page.content.decode()
    assert 'href="/account/api-token/"' in client.get("/").content.decode()  # account area

    created = client.post("/account/api-token/", {"action": "create"})
    key = _key(created.content.decode())
    assert key and Token.objects.get(user=officer).key == key
    assert "no-store" in created["Cache-Control"]
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/me/").status_code == 200
    again = client.get("/account/api-token/").content.decode()
    assert key not in again and "You have a token, created" in again  # shown once

    replaced = _key(client.post("/account/api-token/", {"action": "create"}).content.decode())
    assert replaced and replaced != key
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/me/").status_code in (401, 403)

    response = client.post("/account/api-token/", {"action": "revoke"})
    assert response.status_code == 302
    assert not Token.objects.filter(user=officer).exists()
    assert Client(HTTP_AUTHORIZATION=f"Token {replaced}").get("/api/v1/me/").status_code in (
        401,
        403,
    )
    actions = list(
        AuditEvent.objects.filter(actor=officer, action__endswith="api_token")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create_api_token", "create_api_token", "revoke_api_token"]


@pytest.mark.django_db
def test_the_token_page_needs_sign_in_and_touches_only_your_own(officer, make_user):
    assert Client().get("/account/api-token/").status_code == 302
    other = make_user("other")
    theirs = Token.objects.create(user=other)
    client = Client()
    client.force_login(officer)
    client.post("/account/api-token/", {"action": "revoke"})
    assert Token.objects.filter(pk=theirs.pk).exists()


@pytest.mark.django_db
def test_the_api_docs_lead_to_the_token_page():
    schema = Client().get("/api/v1/schema/?format=json").json()
    assert "/account/api-token/" in schema["info"]["description"]
