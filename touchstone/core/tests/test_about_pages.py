"""The footer's pages (accessibility, privacy, contact) and the API docs page's way back."""

import pytest
from django.test import Client, override_settings


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy"),
        ("/contact/", "Contact"),
    ],
)
def test_every_page_links_to_the_about_pages_and_each_names_who_to_contact(path, heading):
    home = Client().get("/").content.decode()
    assert f'href="{path}"' in home  # in the footer of every page
    with override_settings(
        TOUCHSTONE_OPERATOR_NAME="Example Regulation", TOUCHSTONE_CONTACT_EMAIL="help@example.test"
    ):
        page = Client().get(path).content.decode()
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert 'href="mailto:help@example.test"' in page
    unset = Client().get(path).content.decode()
    assert "mailto:" not in unset and "the organisation that runs this service" in unset.lower()


@pytest.mark.django_db
@override_settings(TOUCHSTONE_LOGIN_ATTEMPTS_KEPT_DAYS=30)
def test_the_privacy_page_states_how_long_sign_in_attempts_are_kept():
    page = Client().get("/privacy/").content.decode()
    assert "deleted after 30 days" in page


@pytest.mark.django_db
def test_the_account_bar_is_a_landmark(officer):
    client = Client()
    client.force_login(officer)
    page = client.get("/").content.decode()
    assert '<section class="ts-identity" aria-label="Your account">' in page


def test_the_api_docs_page_has_a_language_and_a_way_back_to_the_service(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert '<html lang="en">' in page
    assert 'href="/"' in page and 'href="/account/api-token/"' in page
