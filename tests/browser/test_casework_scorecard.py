"""The KPI scorecard as an ombudsman's manager reads it: found from the home page, a period
chosen with the date inputs, each figure against its target in tables, at desk and phone
widths, with an accessibility check on each page; a period ending before it starts refused
in words."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.forms import fill_date
from touchstone.casework.demo import targets_load
from touchstone.casework.tests.build import concluded, new_case, ombudsman_world


def fits(page, width: int) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 320])
def test_a_manager_reads_the_scorecard_against_its_targets(
    page, sign_in, check_accessibility, width
):
    world = ombudsman_world()
    targets_load(world["ombudsman"], year=2025)
    concluded(new_case(world["ombudsman"]))
    page.set_viewport_size({"width": width, "height": 900})
    sign_in("manager", "pw")
    page.get_by_role("link", name="KPI scorecard").click()
    expect(page.get_by_role("heading", name="KPI scorecard", level=1)).to_be_visible()
    check_accessibility(page, f"casework-scorecard-{width}")

    fill_date(page, "Start of the period", date(2025, 4, 1))
    fill_date(page, "End of the period", date(2026, 3, 31))
    page.get_by_label("Jurisdiction").select_option("legal")
    page.get_by_role("button", name="Show the scorecard").click()
    expect(page.get_by_role("heading", name="1 case concluded")).to_be_visible()
    timeliness = page.get_by_role("table", name="Timeliness by complexity (target in brackets)")
    expect(timeliness.get_by_role("row", name="Medium")).to_contain_text("0.0 (40.0)")
    expect(timeliness.get_by_role("row", name="Medium")).to_contain_text("101.0")
    expect(page.get_by_role("table", name="Satisfaction with the service")).to_contain_text(
        "more than 80.0"
    )
    assert fits(page, width)
    check_accessibility(page, f"casework-scorecard-period-{width}")

    fill_date(page, "End of the period", date(2025, 3, 1))
    page.get_by_role("button", name="Show the scorecard").click()
    expect(page.get_by_text("must be the same as or after its start").first).to_be_visible()
    check_accessibility(page, f"casework-scorecard-refused-{width}")
