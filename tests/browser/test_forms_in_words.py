"""Dates and messages in the domain's words, on a phone: a date typed into day, month and year
boxes, an impossible one refused by name with only its box marked, the error summary leading
to that box, and the same date accepted once it is real (the month may be a name)."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.forms import date_input, fill_date
from touchstone.core.models import Role
from touchstone.plans.tests.factories import sample_plan

PASSWORD = "a-long-password-1"
PHONE = {"width": 390, "height": 844}


def boxes_in_error(group) -> list[str]:
    return [
        label
        for label in ("Day", "Month", "Year")
        if "govuk-input--error" in (group.get_by_label(label, exact=True).get_attribute("class"))
    ]


@pytest.mark.django_db(transaction=True)
def test_an_impossible_date_is_refused_by_name_on_a_phone(
    page, sign_in, check_accessibility, make_user, organisation, register
):
    page.set_viewport_size(PHONE)
    make_user("olive", (organisation, Role.OFFICER), password=PASSWORD)
    sign_in("olive", PASSWORD)
    zoe = register["zoe"]
    page.goto(f"/register/staff/{zoe.pk}/rights/add/")
    granted = date_input(page, "Date granted")
    expect(granted).to_contain_text("For example, 27 3 2026")
    page.get_by_label("Practice right").select_option(label="Advocacy")
    fill_date(page, "Date granted", text=("31", "4", "2025"))
    page.get_by_role("button", name="Grant right").click()

    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    message = "Date granted must be a real date"
    expect(summary.get_by_role("link", name=message)).to_be_visible()
    expect(granted.locator(".govuk-error-message")).to_have_text(f"Error: {message}")
    assert boxes_in_error(granted) == ["Day"]  # April has 30 days: only the day is wrong
    expect(granted.get_by_label("Month", exact=True)).to_have_value("4")  # kept as typed
    check_accessibility(page, "forms-in-words-date-error-390")
    summary.get_by_role("link", name=message).click()
    expect(granted.get_by_label("Day", exact=True)).to_be_focused()

    fill_date(page, "Date granted", text=(" 30 ", "April", "2025"))
    page.get_by_role("button", name="Grant right").click()
    expect(page.get_by_text("Right granted.")).to_be_visible()
    assert zoe.rights.get().granted_on == date(2025, 4, 30)


@pytest.mark.django_db(transaction=True)
def test_a_date_missing_its_year_says_so_and_leads_to_the_year(
    page, sign_in, check_accessibility, make_user, organisation
):
    page.set_viewport_size(PHONE)
    make_user("beth", (organisation, Role.OFFICER), password=PASSWORD)
    plan = sample_plan(organisation, name="IPS plan")
    action = plan.actions.order_by("position").first()
    sign_in("beth", PASSWORD)
    page.goto(f"/plans/actions/{action.pk}/")
    page.get_by_label("Progress made").fill("Register published")
    recorded = date_input(page, "Date of the progress")
    recorded.get_by_label("Year", exact=True).fill("")
    page.get_by_role("button", name="Record progress").click()

    message = "Date of the progress must include a year"
    link = page.get_by_role("alert").get_by_role("link", name=message)
    expect(link).to_be_visible()
    assert boxes_in_error(recorded) == ["Year"]
    check_accessibility(page, "forms-in-words-progress-error-390")
    link.click()
    expect(recorded.get_by_label("Year", exact=True)).to_be_focused()
    expect(page).to_have_url(re.compile(rf"/plans/actions/{action.pk}/"))
    assert not action.progress_updates.filter(text="Register published").exists()
