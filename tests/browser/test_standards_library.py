"""The framework library as a person reads it: found from the service navigation, the IQS
table read on a desk and on a phone (sections, headings with their guidance, the equivalents
columns), narrowed to the standards about complaints that Lexcel covers, and downloaded."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_rights_schemes import fits, open_navigation

IQS = "The Institute of Paralegals Quality Standards for Legal Service Providers"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 320])
def test_a_person_reads_the_iqs_and_its_equivalents(page, check_accessibility, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    open_navigation(page, "Quality standards")
    expect(page.get_by_role("heading", name="Quality standards", level=1)).to_be_visible()
    assert fits(page, width)
    check_accessibility(page, f"standards-frameworks-{width}")

    page.get_by_role("link", name=IQS).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(IQS)
    expect(page.get_by_text("71 of 71 standards shown")).to_be_visible()
    table = page.get_by_test_id("standards")
    expect(table.get_by_role("heading", name="Running Your Business", level=2)).to_be_attached()
    row = table.locator("#standard-37")
    expect(row).to_contain_text("12 hours per year")
    expect(row.locator("td").nth(2)).to_have_text("D2.3")
    expect(row.locator("td").nth(3)).to_have_text("5.2, 5.7")
    assert fits(page, width)
    check_accessibility(page, f"standards-iqs-{width}")

    page.get_by_label("Words in the standard").fill("complaint")
    page.get_by_label("Has an equivalent in").select_option("Lexcel")
    page.get_by_role("button", name="Show standards").click()
    expect(page.get_by_text("3 of 71 standards shown")).to_be_visible()
    expect(table.get_by_role("heading", name="Handling Client Complaints")).to_be_visible()
    expect(table.get_by_role("heading", name="Costs Information")).to_have_count(0)
    assert fits(page, width)
    check_accessibility(page, f"standards-iqs-filtered-{width}")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["number", "section", "heading", "text", "parent"]
    assert len(rows) == 72
