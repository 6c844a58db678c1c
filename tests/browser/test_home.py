"""The home page as each role meets it, on a phone: the panels for their job."""

import pytest

from touchstone.register.services import registrant_user_link


@pytest.mark.django_db(transaction=True)
def test_a_member_and_an_officer_each_see_their_own_panels_on_a_phone(
    page, sign_in, check_accessibility, register, make_user, officer
):
    member = make_user("member", password="a-long-password-1")
    registrant_user_link(acting_user=officer, registrant=register["john"], user=member)
    page.set_viewport_size({"width": 390, "height": 900})
    sign_in("member", "a-long-password-1")
    panel = page.get_by_test_id("panel-register-member")
    panel.get_by_role("link", name="Your CPD record").click()
    page.wait_for_url("**/register/my-cpd/")
    page.goto("/")
    assert page.get_by_test_id("panel-register-staff").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_accessibility(page, "home-member-390")

    page.get_by_role("button", name="Sign out").click()
    make_user(
        "keeper",
        *[(m.organisation, m.role) for m in officer.memberships.all()],
        password="a-long-password-1",
    )
    sign_in("keeper", "a-long-password-1")
    assert page.get_by_test_id("panel-register-staff").is_visible()
    assert page.get_by_test_id("panel-register-member").count() == 0
    check_accessibility(page, "home-officer-390")
