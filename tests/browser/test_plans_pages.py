"""A long plan on a phone: the contents list jumps to an area and back, the wide tables
scroll in their own regions and the page never sideways; the import preview likewise."""

from pathlib import Path

import pytest

from touchstone.core.models import Role
from touchstone.plans.tests.factories import many_actions_csv, sample_plan

WIDTH = 390


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= WIDTH


@pytest.mark.django_db(transaction=True)
def test_a_long_plan_on_a_phone_has_contents_and_scrolls_only_its_tables(
    page, sign_in, check_accessibility, make_user, organisation
):
    make_user("pat", (organisation, Role.MANAGER), password="a-long-password-1")
    plan = sample_plan(organisation, name="Long plan", csv=many_actions_csv(60))
    page.set_viewport_size({"width": WIDTH, "height": 800})
    sign_in("pat", "a-long-password-1")
    page.goto("/plans/")
    assert page.get_by_text("the organisation you are working as").count() == 0  # one body
    assert no_sideways_scroll(page)
    check_accessibility(page, "plans-list-390")

    page.get_by_role("link", name="Long plan").click()
    contents = page.get_by_role("navigation", name="Contents")
    assert contents.is_visible()
    assert no_sideways_scroll(page)
    check_accessibility(page, "plans-dashboard-390")
    area = plan.areas.get(name="Area 2")
    contents.get_by_role("link", name="Area 2").click()
    assert page.url.endswith(f"#area-{area.pk}")
    heading = page.locator(f"#area-{area.pk}")
    assert heading.evaluate("el => el.getBoundingClientRect().top") < 100  # jumped to it
    region = page.get_by_role("region", name="Actions in Area 2, key target 1").first
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # the table is wider
    page.locator(f"section[aria-labelledby='area-{area.pk}']").get_by_role(
        "link", name="Back to contents"
    ).click()
    assert page.url.endswith("#contents")
    assert no_sideways_scroll(page)


@pytest.mark.django_db(transaction=True)
def test_the_import_preview_on_a_phone_scrolls_only_its_table(
    page, sign_in, check_accessibility, make_user, organisation, tmp_path: Path
):
    make_user("sam", (organisation, Role.OFFICER), password="a-long-password-1")
    page.set_viewport_size({"width": WIDTH, "height": 800})
    sign_in("sam", "a-long-password-1")
    page.goto("/plans/import/")
    assert no_sideways_scroll(page)
    check_accessibility(page, "plans-import-390")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="template file (CSV)").click()
    template = tmp_path / "template.csv"
    download_info.value.save_as(template)
    page.get_by_label("Plan name").fill("From the template")
    start = page.get_by_role("group", name="Start of the plan's period (optional)")
    start.get_by_label("Day").fill("1")
    start.get_by_label("Month").fill("4")
    start.get_by_label("Year").fill("2026")
    page.get_by_label("File").set_input_files(str(template))
    page.get_by_role("button", name="Preview import").click()
    assert page.get_by_role("columnheader", name="Progress").is_visible()
    assert page.get_by_text("from 1 April 2026").is_visible()
    region = page.get_by_role("region", name="Rows to import")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    assert no_sideways_scroll(page)
    check_accessibility(page, "plans-import-preview-390")
