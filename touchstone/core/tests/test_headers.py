"""Every page carries a Content-Security-Policy whose only inline scripts are the nonced ones,
and nothing a signed-in user is sent may be stored by a browser or a shared cache."""

import re

import pytest
from django.test import Client

PAGES = ["/", "/sign-in/", "/register/", "/api/v1/docs/"]
SIGNED_IN_PAGES = ["/", "/plans/", "/notifications/", "/register/staff/", "/register/"]


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


def _check_scripts(response) -> None:
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    html = response.content.decode()
    nonces = {n.removeprefix("'nonce-").removesuffix("'") for n in policy["script-src"][1:]}
    for tag in re.findall(r"<script\b[^>]*>", html):
        if "src=" in tag:
            continue
        found = re.search(r'nonce="([^"]+)"', tag)
        assert found and found.group(1) in nonces, tag  # an inline script the page can run


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_public_pages_have_a_content_security_policy(url):
    response = Client().get(url)
    assert response.status_code == 200
    _check_scripts(response)


@pytest.mark.django_db
def test_the_api_docs_page_has_no_inline_script(officer):
    response = Client().get("/api/v1/docs/")
    assert "<script>" not in response.content.decode()
    script = Client().get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


@pytest.mark.django_db
def test_each_response_has_its_own_nonce(officer):
    first, second = (_policy(Client().get("/"))["script-src"] for _ in range(2))
    assert first != second


@pytest.mark.django_db
@pytest.mark.parametrize("url", SIGNED_IN_PAGES)
def test_signed_in_pages_are_never_stored(officer, url):
    client = Client()
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200
    _check_scripts(response)
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
