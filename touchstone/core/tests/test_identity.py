from datetime import timedelta

import pytest
from django.db.models import F
from django.test import Client, override_settings

from touchstone.core.models import LoginAttempt, Role


@pytest.mark.django_db
@override_settings(TOUCHSTONE_LOGIN_MAX_FAILURES=3)
def test_repeated_failures_slow_the_account_down_rather_than_lock_it(make_user):
    make_user("alice", password="right-password")
    client = Client()
    for _ in range(3):
        response = client.post("/sign-in/", {"username": "alice", "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/sign-in/", {"username": "alice", "password": "right-password"})
    assert b"Wait 1 second, then try again" in response.content
    assert "_auth_user_id" not in client.session
    assert LoginAttempt.objects.filter(username="alice", succeeded=False).count() == 3
    LoginAttempt.objects.update(attempted_at=F("attempted_at") - timedelta(seconds=2))
    response = client.post("/sign-in/", {"username": "alice", "password": "right-password"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_sign_in_works_and_records_success(make_user):
    make_user("bob", password="right-password")
    client = Client()
    response = client.post("/sign-in/", {"username": "bob", "password": "right-password"})
    assert response.status_code == 302
    assert LoginAttempt.objects.filter(username="bob", succeeded=True).count() == 1


@pytest.mark.django_db
def test_switching_to_an_organisation_you_do_not_belong_to_is_refused(
    make_user, organisation, other_organisation
):
    user = make_user("carol", (organisation, Role.OFFICER))
    client = Client()
    client.force_login(user)
    response = client.post("/organisation/", {"organisation": other_organisation.pk})
    assert response.status_code == 403
    response = client.post("/organisation/", {"organisation": organisation.pk})
    assert response.status_code == 302


@pytest.mark.django_db
def test_history_page_hidden_from_other_organisations(officer, outsider, organisation):
    url = f"/history/core/organisation/{organisation.pk}/"
    client = Client()
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(officer)
    assert client.get(url).status_code == 200
    assert client.get("/history/core/nosuchmodel/1/").status_code == 404


@pytest.mark.django_db
def test_api_requires_authentication_and_accepts_tokens(officer):
    from rest_framework.authtoken.models import Token

    client = Client()
    assert client.get("/api/v1/me/").status_code in (401, 403)
    token = Token.objects.create(user=officer)
    response = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    assert response.json()["memberships"] == [{"organisation": "ips", "role": "officer"}]


@pytest.mark.django_db
def test_openapi_schema_and_offline_docs(client):
    assert client.get("/api/v1/schema/").status_code == 200
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content.lower()
    assert b"//cdn" not in docs.content  # served from the sidecar, works offline
