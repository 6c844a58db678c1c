"""A member keeps their own CPD record in a browser: activities are added on their own page (a
bad entry is refused with a GOV.UK error summary), changed and removed until the year is
submitted, add up towards the 12 hours, and each year is checked before it is submitted; a
short year is a shortfall, a full one compliant. Every page is checked at 390 px too."""

import re
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.forms import fill_date
from touchstone.register.models import CpdActivity

PASSWORD = "a-long-password-1"


@pytest.fixture
def member(register, make_user):
    user = make_user("john", password=PASSWORD)
    register["john"].user = user
    register["john"].save()
    return user


def year_heading(page, year: int):
    return page.get_by_role("heading", level=2).filter(has_text=str(year))


def year_summary(page, year: int):
    """The line under a year's heading: its hours and when it was submitted."""
    return year_heading(page, year).locator("xpath=following-sibling::p[1]")


PHONE = {"width": 390, "height": 844}


def fits_a_phone(page, check_accessibility, name: str) -> None:
    """The page at 390 px: no horizontal scroll, and axe again."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    check_accessibility(page, f"{name}-390")
    page.set_viewport_size(size)


def open_add_form(page):
    page.get_by_role("link", name="Add an activity").click()
    expect(page.get_by_role("heading", name="Add an activity", level=1)).to_be_visible()


def add_activity(page, *, done_on: date, hours: str, kind: str, description: str, reflection=""):
    if "/add/" not in page.url:
        open_add_form(page)
    fill_date(page, "Date of the activity", done_on)
    page.get_by_label("Hours").fill(hours)
    page.get_by_label("Type of activity").select_option(label=kind)
    page.get_by_label("What you did").fill(description)
    page.get_by_label("What you learnt and how you will use it").fill(reflection)
    page.get_by_role("button", name="Add activity").click()


@pytest.mark.django_db(transaction=True)
def test_member_records_and_submits_their_cpd(page, sign_in, check_accessibility, member):
    today = timezone.localdate()
    this_year, last_year = today.year, today.year - 1
    sign_in("john", PASSWORD)

    page.goto("/register/my-cpd/")
    expect(page.get_by_role("heading", name="Your CPD record", level=1)).to_be_visible()
    expect(page.get_by_text("Mr John Smith · 100001")).to_be_visible()
    expect(year_heading(page, this_year)).to_have_text(f"{this_year} Not submitted")
    expect(year_summary(page, this_year)).to_have_text(
        f"0 of 12 hours. Submit by 31 December {this_year}."
    )
    expect(year_summary(page, last_year)).to_contain_text("0 of 12 hours.")
    check_accessibility(page, "register-my-cpd")
    fits_a_phone(page, check_accessibility, "register-my-cpd")

    # Hours left empty: the error summary at the top names the field and links to it.
    open_add_form(page)
    check_accessibility(page, "register-my-cpd-add")
    add_activity(
        page,
        done_on=today,
        hours="",
        kind="Course or webinar",
        description="Anti-money laundering update",
    )
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    expect(summary).to_be_in_viewport()
    summary.get_by_role("link", name="Enter the number of hours, for example 1.5").click()
    expect(page.get_by_label("Hours")).to_be_focused()
    expect(page.get_by_label("What you did")).to_have_value("Anti-money laundering update")
    check_accessibility(page, "register-my-cpd-error-empty")
    fits_a_phone(page, check_accessibility, "register-my-cpd-error-empty")

    # Negative hours: refused too.
    page.get_by_label("Hours").fill("-2")
    page.get_by_role("button", name="Add activity").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    expect(page.get_by_label("Hours")).to_have_value("-2")
    check_accessibility(page, "register-my-cpd-error-negative")
    assert not CpdActivity.objects.exists()
    page.goto("/register/my-cpd/")
    expect(page.get_by_role("table")).to_have_count(0)

    # Last year: two hours, checked, submitted, is a shortfall.
    add_activity(
        page,
        done_on=date(last_year, 11, 3),
        hours="2",
        kind="Reading or research",
        description="Read the new practice rules",
    )
    expect(page.get_by_text("Activity added to your CPD record.")).to_be_visible()
    expect(year_summary(page, last_year)).to_contain_text("2 of 12 hours.")
    page.get_by_role("link", name=f"Check and submit your {last_year} record").click()
    check = page.get_by_role("heading", name=f"Check your {last_year} CPD record", level=1)
    expect(check).to_be_visible()
    warning = page.get_by_test_id("confirm-warning")
    expect(warning).to_contain_text("recorded as a shortfall")
    expect(warning).to_contain_text("A submitted record cannot change")
    check_accessibility(page, "register-my-cpd-check-short")
    page.get_by_role("button", name=f"Submit my {last_year} record").click()
    expect(page.get_by_text(f"Your {last_year} CPD record is submitted.")).to_be_visible()
    expect(year_heading(page, last_year)).to_have_text(f"{last_year} Shortfall")
    expect(
        page.get_by_role("link", name=f"Check and submit your {last_year} record")
    ).to_have_count(0)
    last = page.get_by_role("table", name=f"Activities in {last_year}")
    expect(last.get_by_role("link")).to_have_count(0)  # submitted: nothing to change

    # This year: an activity added, changed, another added and one removed.
    add_activity(
        page,
        done_on=today,
        hours="4.5",
        kind="Course or webinar",
        description="Anti-money laundering update",
        reflection="I will update our client due diligence checklist.",
    )
    activities = page.get_by_role("table", name=f"Activities in {this_year}")
    row = activities.get_by_role("row").filter(has_text="Anti-money laundering update")
    expect(row).to_contain_text("4.5")
    check_accessibility(page, "register-my-cpd-activity-added")
    row.get_by_role("link", name="Change").click()
    expect(page.get_by_role("heading", name="Change an activity", level=1)).to_be_visible()
    expect(page.get_by_label("Hours")).to_have_value("4.5")
    check_accessibility(page, "register-my-cpd-change")
    page.get_by_label("Hours").fill("")
    page.get_by_role("button", name="Save activity").click()
    page.get_by_role("alert").get_by_role("link", name="Enter the number of hours").click()
    expect(page.get_by_label("Hours")).to_be_focused()
    page.get_by_label("Hours").fill("5")
    page.get_by_role("button", name="Save activity").click()
    expect(page.get_by_text("Activity changed.")).to_be_visible()
    expect(year_summary(page, this_year)).to_contain_text("5 of 12 hours.")

    add_activity(
        page,
        done_on=today,
        hours="1",
        kind="Reading or research",
        description="A mistaken entry",
    )
    expect(year_summary(page, this_year)).to_contain_text("6 of 12 hours.")
    mistaken = activities.get_by_role("row").filter(has_text="A mistaken entry")
    mistaken.get_by_role("link", name="Remove").click()
    expect(page.get_by_role("heading", name="Remove this activity?", level=1)).to_be_visible()
    check_accessibility(page, "register-my-cpd-remove")
    fits_a_phone(page, check_accessibility, "register-my-cpd-remove")
    page.get_by_role("button", name="Remove activity").click()
    expect(page.get_by_text("Activity removed from your CPD record.")).to_be_visible()
    expect(year_summary(page, this_year)).to_contain_text("5 of 12 hours.")

    add_activity(
        page,
        done_on=today,
        hours="7",
        kind="Ethics and professional conduct",
        description="Professional ethics seminar",
    )
    expect(year_summary(page, this_year)).to_contain_text("12 of 12 hours.")
    expect(activities.get_by_role("row")).to_have_count(3)  # the header and two activities
    fits_a_phone(page, check_accessibility, "register-my-cpd-two-activities")

    # Check your answers: always says a submitted year cannot change, and the deadline.
    page.get_by_role("link", name=f"Check and submit your {this_year} record").click()
    answers = page.get_by_test_id("confirm-answers")
    expect(answers).to_contain_text("Professional ethics seminar")
    expect(answers).to_contain_text("12 hours of 12 required")
    expect(page.get_by_text(f"Submit by 31 December {this_year}.")).to_be_visible()
    warning = page.get_by_test_id("confirm-warning")
    expect(warning).to_have_text(re.compile("A submitted record cannot change"))
    expect(warning).not_to_contain_text("shortfall")
    check_accessibility(page, "register-my-cpd-check")
    fits_a_phone(page, check_accessibility, "register-my-cpd-check")
    page.get_by_role("button", name=f"Submit my {this_year} record").click()
    expect(page.get_by_text(f"Your {this_year} CPD record is submitted.")).to_be_visible()
    expect(year_heading(page, this_year)).to_have_text(f"{this_year} Compliant")
    submitted_on = f"Submitted on {today.day} {today:%B %Y}; it cannot change now."
    expect(year_summary(page, this_year)).to_have_text(f"12 of 12 hours. {submitted_on}")
    expect(activities.get_by_role("link")).to_have_count(0)
    check_accessibility(page, "register-my-cpd-submitted")
