"""Staff pages, exports and API answers are never stored; the public register stays cacheable."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token


@pytest.mark.django_db
def test_staff_exports_and_staff_api_are_never_stored(register, officer):
    client = Client()
    client.force_login(officer)
    token = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    john = register["john"]
    for response in (
        client.get("/register/staff/export.csv"),
        client.get(f"/register/staff/{john.pk}/"),
        token.get("/api/v1/register/registrants/"),
        token.get(f"/api/v1/register/registrants/{john.pk}/"),
        token.get("/api/v1/me/"),
    ):
        assert response.status_code == 200
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives


@pytest.mark.django_db
def test_the_public_register_stays_cacheable_for_everyone(register):
    response = Client().get("/api/v1/public/register/")
    assert response["Cache-Control"] == "public, max-age=60"
    assert "no-store" not in Client().get("/register/").get("Cache-Control", "")
