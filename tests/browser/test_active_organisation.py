"""A manager of two organisations works as one at a time: after switching they land on the
home page, and the plans list shows the plans of the organisation they now work as, saying
so; a plan's page offers one board-report action, which says how long it takes."""

from urllib.parse import urlparse

import pytest

from touchstone.core.models import Role
from touchstone.plans.tests.factories import sample_plan

WIDTH = 390


@pytest.mark.django_db(transaction=True)
def test_switching_organisation_changes_what_the_plans_list_shows_on_a_phone(
    page, sign_in, check_accessibility, make_user, organisation, other_organisation
):
    make_user(
        "kim",
        (organisation, Role.MANAGER),
        (other_organisation, Role.MANAGER),
        password="a-long-password-1",
    )
    sample_plan(organisation, name="Plan of the first body")
    sample_plan(other_organisation, name="Plan of the other body")
    page.set_viewport_size({"width": WIDTH, "height": 800})
    sign_in("kim", "a-long-password-1")

    page.goto("/plans/")
    assert page.get_by_role("link", name="Plan of the first body").is_visible()
    assert page.get_by_role("link", name="Plan of the other body").count() == 0
    scope = page.locator("#plans-scope").inner_text()
    assert organisation.name in scope and "the organisation you are working as" in scope
    assert other_organisation.name in page.get_by_role("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    check_accessibility(page, "plans-list-two-organisations-390")

    page.get_by_label("Organisation").select_option(label=other_organisation.name)
    page.get_by_role("button", name="Switch").click()
    assert urlparse(page.url).path == "/"  # the home page, not the other body's pages
    assert page.get_by_test_id("active-organisation").inner_text() == other_organisation.name

    page.goto("/plans/")
    assert page.get_by_role("link", name="Plan of the other body").is_visible()
    assert page.get_by_role("link", name="Plan of the first body").count() == 0
    assert other_organisation.name in page.locator("#plans-scope").inner_text()
    check_accessibility(page, "plans-list-after-switching-390")


@pytest.mark.django_db(transaction=True)
def test_a_plan_offers_one_board_report_action_that_says_how_long_it_takes(
    page, sign_in, check_accessibility, make_user, organisation
):
    make_user("lee", (organisation, Role.MANAGER), password="a-long-password-1")
    plan = sample_plan(organisation, name="Reported plan")
    sign_in("lee", "a-long-password-1")
    page.goto(f"/plans/{plan.pk}/")
    report = page.locator(".ts-board-report")
    actions = report.get_by_role("button").or_(report.get_by_role("link", name="PDF"))
    assert actions.count() == 1  # no worker runs here: the direct download, said so
    assert "background worker is not running" in report.inner_text()
    assert "a few seconds" in report.inner_text()
    with page.expect_download() as download:
        report.get_by_role("link", name="Download the board report (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    check_accessibility(page, "plan-board-report")
