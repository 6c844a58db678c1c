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


@pytest.mark.django_db(transaction=True)
def test_error_pages_are_the_sites_own_at_desk_and_phone_widths(
    page, sign_in, check_accessibility, make_user, organisation, other_organisation
):
    make_user("carol", (organisation, Role.OFFICER), password="a-long-password-1")
    sign_in("carol", "a-long-password-1")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 800})
        response = page.goto("/no-such-page/")
        assert response.status == 404
        assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
        assert page.get_by_role("link", name="search the public register").is_visible()
        check_accessibility(page, f"not-found-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width

    # A 403 is the answer to a form: send one the user may not (another organisation).
    page.goto("/")
    page.evaluate(
        """id => {
            const form = document.querySelector('form[action="/organisation/"]')
                || document.forms[0];
            const field = document.createElement('input');
            field.type = 'hidden'; field.name = 'organisation'; field.value = id;
            form.querySelectorAll('[name=organisation]').forEach(e => e.remove());
            form.action = '/organisation/'; form.appendChild(field); form.submit();
        }""",
        other_organisation.pk,
    )
    page.wait_for_load_state()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "You do not have permission to see this page"
    )
    check_accessibility(page, "forbidden-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.django_db(transaction=True)
def test_the_account_bar_of_a_user_in_two_organisations_fits_a_phone(
    page, sign_in, check_accessibility, make_user, make_organisation
):
    first = make_organisation("first-regulator")
    second = make_organisation("second-regulator")
    for organisation in (first, second):
        organisation.name = f"The Chartered Institute of Legal Executives {organisation.slug}"
        organisation.save()
    make_user("multi", (first, Role.OFFICER), (second, Role.MANAGER), password="a-long-password-1")
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in("multi", "a-long-password-1")
    for name in ("Switch", "Sign out"):
        button = page.get_by_role("button", name=name)
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, name
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_accessibility(page, "account-bar-two-organisations-390")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/accessibility/", "/privacy/", "/contact/"])
def test_the_footer_pages_are_accessible_on_a_phone(page, check_accessibility, path):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name=path.strip("/").title()).click()
    page.wait_for_url(f"**{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_accessibility(page, f"about{path.replace('/', '-')}390")


@pytest.mark.django_db(transaction=True)
def test_the_api_docs_lead_to_a_token_shown_once_and_revoked_on_a_phone(
    page, sign_in, check_accessibility, officer
):
    officer.set_password("a-long-password-1")
    officer.save()
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in("officer", "a-long-password-1")
    page.goto("/api/v1/docs/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_text("/api/v1/public/register/", exact=True).first.wait_for()  # Swagger UI ran
    page.get_by_role("link", name="Get an API token").click()
    page.wait_for_url("**/account/api-token/")
    check_accessibility(page, "api-token-none-390")
    page.get_by_role("button", name="Create a token").click()
    key = page.get_by_test_id("api-token").inner_text()
    assert len(key) >= 32
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_accessibility(page, "api-token-created-390")
    page.goto("/account/api-token/")  # shown once: not on the page again
    assert page.get_by_test_id("api-token").count() == 0 and key not in page.content()
    assert page.get_by_text("You have a token, created").is_visible()
    page.get_by_role("button", name="Revoke your token").click()
    assert page.get_by_text("You have no API token.").is_visible()
    page.get_by_role("contentinfo").get_by_role("link", name="API documentation").click()
    assert page.get_by_role("link", name="Touchstone").first.get_attribute("href") == "/"
