"""A practice-rights scheme as a person reads it: found from the service navigation, read on a
desk and on a phone, an outcome's criteria opened, the version in force on an application date
(none before the first, an impossible date refused), and a version downloaded as JSON."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.forms import date_input, fill_date

SCHEME = "Immigration"
DATE = "Application date"


def fits(page, width: int) -> bool:
    """The page does not scroll sideways at this width."""
    return page.evaluate("document.documentElement.scrollWidth") <= width


def open_navigation(page, label: str) -> None:
    """Follow the service navigation's link (behind its Menu button on a phone)."""
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name=label).click()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_a_person_finds_the_scheme_and_reads_it_at_desk_and_phone_widths(
    page, check_accessibility, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    open_navigation(page, "Practice rights")
    expect(page.get_by_role("heading", name="Practice rights", level=1)).to_be_visible()
    assert fits(page, width)
    check_accessibility(page, f"rights-schemes-{width}")

    page.get_by_role("link", name=SCHEME).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(SCHEME)
    expect(page.get_by_text("This is version 2024.1")).to_be_visible()
    expect(page.get_by_text("2,300 hours")).to_be_visible()
    assert fits(page, width)
    check_accessibility(page, f"rights-scheme-{width}")

    outcome = page.locator("details").filter(has_text="1.5 Draft legal documents")
    criteria = outcome.locator(".govuk-details__text")
    expect(criteria).to_be_hidden()
    outcome.get_by_text("1.5 Draft legal documents").click()
    expect(criteria).to_be_visible()
    expect(criteria).to_contain_text("(c) Draft accurate legal documents")
    bullets = criteria.locator("ul.govuk-list--bullet > li")
    expect(bullets).to_have_count(5)
    expect(bullets.first).to_have_text("letters/emails of advice to clients throughout the matter")
    assert fits(page, width)
    check_accessibility(page, f"rights-scheme-outcome-open-{width}")


@pytest.mark.django_db(transaction=True)
def test_an_application_date_chooses_the_version_and_a_version_downloads(
    page, check_accessibility, tmp_path
):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/rights/immigration/")
    expect(date_input(page, DATE)).to_be_visible()

    fill_date(page, DATE, text=("1", "1", "2020"))
    page.get_by_role("button", name="Show the version for this date").click()
    expect(
        page.get_by_text("No version of this scheme was in force on 1 January 2020")
    ).to_be_visible()
    expect(page.get_by_text("the first took effect on 1 January 2024")).to_be_visible()
    expect(page.get_by_role("heading", name="Qualifying experience")).to_have_count(0)
    assert fits(page, 390)
    check_accessibility(page, "rights-scheme-before-first-390")

    fill_date(page, DATE, text=("31", "2", "2026"))
    page.get_by_role("button", name="Show the version for this date").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    link = summary.get_by_role("link", name="Application date must be a real date")
    expect(link).to_be_visible()
    expect(page.get_by_text("This is version 2024.1")).to_be_visible()  # today's, meanwhile
    assert fits(page, 390)
    check_accessibility(page, "rights-scheme-date-error-390")
    link.click()
    expect(date_input(page, DATE).get_by_label("Day", exact=True)).to_be_focused()

    versions = page.get_by_role("region", name="Versions of the scheme")
    with page.expect_download() as download_info:
        versions.get_by_role("link", name="JSON of version 2024.1").click()
    download = download_info.value
    assert download.suggested_filename == "immigration-2024.1.json"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == "2024.1" and data["required_hours"] == 2300
