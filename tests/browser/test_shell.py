"""The page shell: sign in, navigation, organisation switcher, sign out."""

import pytest

from touchstone.core.models import Role


@pytest.mark.django_db(transaction=True)
def test_sign_in_switch_organisation_and_sign_out(
    page, sign_in, check_accessibility, make_user, organisation, other_organisation
):
    make_user(
        "multi",
        (organisation, Role.OFFICER),
        (other_organisation, Role.MANAGER),
        password="a-long-password-1",
    )
    page.goto("/")
    check_accessibility(page, "landing")
    page.goto("/sign-in/")
    check_accessibility(page, "sign-in")
    page.get_by_label("Username").fill("multi")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").is_visible()
    check_accessibility(page, "sign-in-error")

    sign_in("multi", "a-long-password-1")
    assert page.get_by_test_id("active-organisation").inner_text() == organisation.name
    check_accessibility(page, "home")
    page.get_by_label("Organisation").select_option(label=other_organisation.name)
    page.get_by_role("button", name="Switch").click()
    assert page.get_by_test_id("active-organisation").inner_text() == other_organisation.name

    page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("link", name="Sign in").first.is_visible()


@pytest.mark.django_db(transaction=True)
def test_pages_run_their_scripts_under_the_content_security_policy(page, officer):
    """GOV.UK Frontend starts (its nonced inline script marks the body), and the API docs page
    (Swagger UI, started from a script file) lists the operations."""
    page.goto("/")
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    page.goto("/api/v1/docs/")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 5
