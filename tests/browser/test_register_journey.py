"""The public register in a browser: search with a typo, open a record, see a suspension."""

import pytest
from django.core.cache import cache


@pytest.mark.django_db(transaction=True)
def test_public_search_detail_and_suspended_member(page, check_accessibility, register):
    cache.clear()
    page.goto("/register/")
    check_accessibility(page, "register-search")
    page.get_by_label("Name or number").fill("Jon Smyth")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", name="1 result").is_visible()
    check_accessibility(page, "register-results")
    page.get_by_role("link", name="Mr John Smith").click()
    assert "Authorised: may carry out immigration work (with conditions)" in (
        page.get_by_test_id("status-line").inner_text()
    )
    assert page.get_by_text("Conditions: Supervised practice only").is_visible()
    check_accessibility(page, "register-detail")

    page.goto("/register/")
    page.get_by_label("Status").select_option(label="Suspended")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Zoë Brown").click()
    assert "Suspended since 3 March 2025" in page.get_by_test_id("status-line").inner_text()
    check_accessibility(page, "register-suspended")

    response = page.request.get("/api/v1/public/register/100002/")
    assert response.ok and response.json()["status"] == "Suspended"
