"""A member keeps their own CPD record in a browser: a bad entry is refused with a GOV.UK error
summary, activities add up towards the 12 hours, a short year is a shortfall, a full one is
compliant once submitted."""

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


def add_activity(page, *, done_on: date, hours: str, kind: str, description: str, reflection=""):
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
    for year in (this_year, last_year, this_year - 2):
        expect(year_summary(page, year)).to_have_text("0 of 12 hours.")
    check_accessibility(page, "register-my-cpd")

    # Hours left empty: a GOV.UK error summary, the entry is kept on the form, nothing saved.
    add_activity(
        page,
        done_on=today,
        hours="",
        kind="Course or webinar",
        description="Anti-money laundering update",
    )
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Hours")).to_be_focused()
    expect(page.get_by_label("What you did")).to_have_value("Anti-money laundering update")
    check_accessibility(page, "register-my-cpd-error-empty")

    # Negative hours: refused too.
    page.get_by_label("Hours").fill("-2")
    page.get_by_role("button", name="Add activity").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    expect(page.get_by_label("Hours")).to_have_value("-2")
    check_accessibility(page, "register-my-cpd-error-negative")
    assert not CpdActivity.objects.exists()
    page.goto("/register/my-cpd/")
    expect(year_summary(page, this_year)).to_have_text("0 of 12 hours.")
    expect(page.get_by_role("table")).to_have_count(0)

    # Last year: two hours, submitted, is a shortfall.
    add_activity(
        page,
        done_on=date(last_year, 11, 3),
        hours="2",
        kind="Reading or research",
        description="Read the new practice rules",
    )
    expect(page.get_by_text("Activity added to your CPD record.")).to_be_visible()
    expect(year_summary(page, last_year)).to_have_text("2 of 12 hours.")
    page.get_by_role("button", name=f"Submit my {last_year} record").click()
    expect(page.get_by_text(f"Your {last_year} CPD record is submitted.")).to_be_visible()
    expect(year_heading(page, last_year)).to_have_text(f"{last_year} Shortfall")
    expect(page.get_by_role("button", name=f"Submit my {last_year} record")).to_have_count(0)

    # This year: activities add up to the twelve hours.
    add_activity(
        page,
        done_on=today,
        hours="4.5",
        kind="Course or webinar",
        description="Anti-money laundering update",
        reflection="I will update our client due diligence checklist.",
    )
    expect(page.get_by_text("Activity added to your CPD record.")).to_be_visible()
    expect(year_summary(page, this_year)).to_have_text("4.5 of 12 hours.")
    expect(year_heading(page, this_year)).to_have_text(f"{this_year} Not submitted")
    activities = page.get_by_role("table", name=f"Activities in {this_year}")
    expect(
        activities.get_by_role("row").filter(has_text="Anti-money laundering update")
    ).to_contain_text("4.5")
    check_accessibility(page, "register-my-cpd-activity-added")

    add_activity(
        page,
        done_on=today,
        hours="7.5",
        kind="Ethics and professional conduct",
        description="Professional ethics seminar",
    )
    expect(year_summary(page, this_year)).to_have_text("12 of 12 hours.")
    expect(activities.get_by_role("row")).to_have_count(3)  # the header and two activities

    page.get_by_role("button", name=f"Submit my {this_year} record").click()
    expect(page.get_by_text(f"Your {this_year} CPD record is submitted.")).to_be_visible()
    expect(year_heading(page, this_year)).to_have_text(f"{this_year} Compliant")
    submitted_on = f"Submitted on {today.day} {today:%B %Y}."
    expect(year_summary(page, this_year)).to_have_text(f"12 of 12 hours. {submitted_on}")
    expect(page.get_by_role("button", name=f"Submit my {this_year} record")).to_have_count(0)
    check_accessibility(page, "register-my-cpd-submitted")
