"""The error pages people meet: in the site's layout with what to do next, never Django's
technical or unstyled pages; JSON on the API; a record outside your organisations a 404."""

import pytest
from django.test import Client, override_settings

from touchstone.core.models import Role
from touchstone.core.testing import client_for

FAILING = override_settings(ROOT_URLCONF="touchstone.core.tests.urls_failing")


def text(response) -> str:
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/no-such-page/", "/register/no-such-page/", "/plans/999999/"])
def test_an_unknown_address_is_the_sites_page_not_found(client, officer, path):
    response = client_for(officer).get(path)
    assert response.status_code == 404
    body = text(response)
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in body
    assert "check you copied the entire address" in body
    assert 'href="#main-content"' in body  # the site's layout, with its skip link
    assert "URLconf" not in body and "Not Found</h1>" not in body  # not Django's pages


@pytest.mark.django_db
def test_a_refused_action_says_so_and_who_you_are_signed_in_as(
    make_user, organisation, other_organisation
):
    user = make_user("carol", (organisation, Role.OFFICER))
    user.first_name, user.last_name = "Carol", "Ames"
    user.save()
    response = client_for(user).post("/organisation/", {"organisation": other_organisation.pk})
    assert response.status_code == 403
    body = text(response)
    assert "You do not have permission to see this page" in body
    assert "You are signed in as Carol Ames" in body
    assert organisation.name in body


@pytest.mark.django_db
@FAILING
def test_a_fault_in_a_view_is_the_stand_alone_server_error_page():
    client = Client(raise_request_exception=False)
    response = client.get("/fails/")
    assert response.status_code == 500
    body = text(response)
    assert "Sorry, there is a problem with the service" in body
    assert "check whether it was saved" in body
    assert "Traceback" not in body and "RuntimeError" not in body
    api = client.get("/api/v1/fails/")
    assert (api.status_code, api.json()) == (500, {"detail": "Server error."})


@pytest.mark.django_db
def test_a_form_refused_by_the_csrf_check_says_what_to_do(officer, organisation):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    response = client.post("/organisation/", {"organisation": organisation.pk})
    assert response.status_code == 403
    body = text(response)
    assert "Your form could not be sent" in body
    assert "Nothing was saved" in body
    assert "CSRF verification failed" not in body  # not Django's page


@pytest.mark.django_db
def test_api_errors_stay_json(client):
    response = client.get("/api/v1/no-such-endpoint/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
