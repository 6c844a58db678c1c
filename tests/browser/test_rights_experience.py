"""Step 2 of a practice-rights application in a browser: the applicant starts an application,
enters periods of work and study (a bad one refused with the GOV.UK error summary) and sees the
check of their hours after every change, asks their supervisor for the reference (which the
supervisor gives through the emailed link, a missed point refused first), then submits; the
regulator's officer finds it in the queue and decides it does not meet the requirement yet
(reasons needed); the applicant reads the decision and reopens the step. The experience page,
the period form and the supervisor's page are checked at 390 px too."""

import re
from datetime import date

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.forms import fill_date
from tests.browser.test_register_cpd_journey import PHONE, fits_a_phone
from tests.browser.test_rights_schemes import fits
from touchstone.core.models import Role

PASSWORD = "a-long-password-1"
SCHEME = "Chartered Legal Executive (Immigration)"
HOURS = "Hours worked in the period (work only)"
EMPLOYER = "Bedford Law"
WORK_TASKS = ["advising and making recommendations to clients", "drafting legal documents"]
REASONS = "The work since your Legal Practice Course comes to 1,700 hours: 600 more are needed."


@pytest.fixture
def applicant(make_user, organisation):
    """Someone applying, with the regulator (`organisation`) set up to receive it."""
    user = make_user("priya", password=PASSWORD)
    user.first_name, user.last_name = "Priya", "Shah"
    user.save()
    return user


def credited(page):
    return page.get_by_test_id("credited")


def period_row(page, text: str):
    table = page.get_by_role("region", name="Periods of work and study")
    return table.get_by_role("row").filter(has_text=text)


def start_application(page, check_accessibility, regulator, name: str) -> None:
    """From the scheme to the empty qualifying-experience step of a new application (one
    regulator, so nothing to choose); axe on each page, named from `name`."""
    page.goto("/rights/")
    page.get_by_role("link", name=SCHEME).click()
    expect(page.get_by_role("heading", name=SCHEME, level=1)).to_be_visible()
    page.goto("/rights/immigration/apply/")
    expect(page.get_by_text(f"You are applying to {regulator.name}.")).to_be_visible()
    check_accessibility(page, f"{name}-apply")
    page.get_by_role("button", name="Start your application").click()
    expect(page.get_by_role("heading", name=SCHEME, level=1)).to_be_visible()
    expect(page.locator("#experience-step").get_by_text("Not submitted")).to_be_visible()
    check_accessibility(page, f"{name}-application")
    page.get_by_role("link", name="Qualifying experience").click()
    expect(page.get_by_role("heading", name="Qualifying experience", level=1)).to_be_visible()
    expect(page.get_by_text("No periods yet.")).to_be_visible()
    expect(credited(page)).to_have_text("0 of 2,300 hours")
    check_accessibility(page, f"{name}-experience-empty")


def open_period_form(page, check_accessibility, name: str) -> None:
    page.get_by_role("link", name="Add a period").click()
    expect(page.get_by_role("heading", name="Add a period", level=1)).to_be_visible()
    check_accessibility(page, name)


def fill_period(page, *, kind: str, start: date, end: date | None = None, **answers) -> None:
    """The period form's answers; `hours`, `tasks`, `employer` and `passed` where given."""
    page.get_by_role("group", name="What was it?").get_by_label(kind, exact=True).check()
    fill_date(page, "Start date", start)
    if end is not None:
        fill_date(page, "End date", end)
    if "employer" in answers:
        page.get_by_label("Employer or course provider").fill(answers["employer"])
    if "hours" in answers:
        page.get_by_label(HOURS).fill(answers["hours"])
    for task in answers.get("tasks", ()):
        page.get_by_label(task, exact=True).check()
    if "passed" in answers:
        passed = page.get_by_role("group", name="Did you pass the course? (courses only)")
        passed.get_by_label(answers["passed"], exact=True).check()
    page.get_by_role("button", name="Save the period").click()


def supervisor_gives_reference(browser, base_url: str, check_accessibility) -> None:
    """The supervisor, with no account, opens the link emailed to them (in a browser of their
    own), misses a point, then gives the reference; the link then stops working. At 390 px."""
    path = re.search(r"/rights/reference/[^/\s]+/", mail.outbox[-1].body).group(0)
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    page = context.new_page()
    page.goto(path)
    expect(page.get_by_role("heading", name="Reference for Priya Shah", level=1)).to_be_visible()
    assert fits(page, PHONE["width"])
    check_accessibility(page, "rights-reference-give")
    page.get_by_label("Your qualification").select_option("Chartered Legal Executive")
    page.get_by_label("Your membership or registration number").fill("100001")
    page.get_by_label("Your employer").fill("Bedford Law")
    page.get_by_label("Your job title").fill("Partner")
    comments = page.locator("textarea")
    for index in range(comments.count() - 1):  # the last point left out
        comments.nth(index).fill("Thorough and careful work.")
    page.get_by_label("I am an authorised person").check()
    page.get_by_role("button", name="Give the reference").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Comment on the applicant's suitability")
    check_accessibility(page, "rights-reference-give-error")
    comments.last.fill("Ready to practise.")
    page.get_by_role("button", name="Give the reference").click()
    expect(page.get_by_role("heading", name="Reference given")).to_be_visible()
    check_accessibility(page, "rights-reference-given")
    page.goto(path)
    expect(page.get_by_text("This link has already been used")).to_be_visible()
    context.close()


def switch_user(page, sign_in, username: str) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    sign_in(username, PASSWORD)


@pytest.mark.django_db(transaction=True)
def test_applicant_enters_and_submits_experience_and_an_officer_decides(
    page, sign_in, check_accessibility, make_user, organisation, applicant, browser, live_server
):
    today = timezone.localdate()
    work_start = date(today.year - 2, 1, 10)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in("priya", PASSWORD)

    start_application(page, check_accessibility, organisation, "rights")

    # Work still going on: 1,500 hours counted, 800 short, a date expected.
    open_period_form(page, check_accessibility, "rights-period-add")
    fits_a_phone(page, check_accessibility, "rights-period-add")
    fill_period(
        page,
        kind="Work",
        start=work_start,
        hours="1500",
        tasks=WORK_TASKS,
        employer=EMPLOYER,
    )
    expect(page.get_by_text("Period added. The check below includes it.")).to_be_visible()
    expect(credited(page)).to_have_text("1,500 of 2,300 hours")
    expect(page.get_by_test_id("shortfall")).to_have_text("800 hours")
    expect(page.get_by_test_id("anticipated")).to_contain_text("at the rate of the work")
    expect(period_row(page, EMPLOYER)).to_contain_text("drafting legal documents")
    check_accessibility(page, "rights-experience-work")
    fits_a_phone(page, check_accessibility, "rights-experience-work")

    # Work without its hours: refused, the summary linking to the field.
    open_period_form(page, check_accessibility, "rights-period-add-again")
    fill_period(
        page,
        kind="Work",
        start=date(today.year - 1, 3, 1),
        tasks=["undertaking legal research"],
        employer="Another firm",
    )
    message = "Enter the hours worked in the period, for example 1400"
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_in_viewport()
    hours_group = page.locator(".govuk-form-group--error").filter(has=page.get_by_label(HOURS))
    expect(hours_group.locator(".govuk-error-message")).to_have_text(f"Error: {message}")
    expect(page.get_by_label(HOURS)).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_hours-error\b")
    )
    expect(page.get_by_label("Employer or course provider")).to_have_value("Another firm")
    check_accessibility(page, "rights-period-error")
    fits_a_phone(page, check_accessibility, "rights-period-error")
    summary.get_by_role("link", name=message).click()
    expect(page.get_by_label(HOURS)).to_be_focused()

    # Instead, a passed LPC in an earlier year: 644 hours more.
    page.get_by_role("link", name="Cancel").click()
    open_period_form(page, check_accessibility, "rights-period-add-course")
    fill_period(
        page,
        kind="Legal Practice Course (LPC)",
        start=date(today.year - 4, 9, 1),
        end=date(today.year - 3, 6, 30),
        employer="University of Law",
        passed="Yes",
    )
    expect(credited(page)).to_have_text("2,144 of 2,300 hours")
    expect(page.get_by_test_id("shortfall")).to_have_text("156 hours")
    expect(period_row(page, "University of Law")).to_contain_text("passed")
    check_accessibility(page, "rights-experience-two-periods")

    # The work's hours changed: the requirement is met.
    period_row(page, EMPLOYER).get_by_role("link", name="Change").click()
    expect(page.get_by_role("heading", name="Change a period", level=1)).to_be_visible()
    expect(page.get_by_label(HOURS)).to_have_value(re.compile(r"^1500(\.00)?$"))
    check_accessibility(page, "rights-period-change")
    page.get_by_label(HOURS).fill("1700")
    page.get_by_role("button", name="Save the period").click()
    expect(page.get_by_text("Period changed.")).to_be_visible()
    expect(credited(page)).to_have_text("2,344 of 2,300 hours")
    expect(page.get_by_text("Met", exact=True)).to_be_visible()
    expect(page.get_by_test_id("shortfall")).to_have_count(0)

    # The course removed, through its confirmation page: short again.
    period_row(page, "University of Law").get_by_role("link", name="Remove").click()
    expect(page.get_by_role("heading", name="Remove this period?", level=1)).to_be_visible()
    expect(page.get_by_test_id("confirm-answers")).to_contain_text("Legal Practice Course (LPC)")
    check_accessibility(page, "rights-period-remove")
    page.get_by_role("button", name="Remove the period").click()
    expect(page.get_by_text("Period removed.")).to_be_visible()
    expect(period_row(page, "University of Law")).to_have_count(0)
    expect(credited(page)).to_have_text("1,700 of 2,300 hours")
    expect(page.get_by_test_id("shortfall")).to_have_text("600 hours")

    # The supervisor's reference: asked for, then given through the emailed link.
    expect(page.get_by_test_id("submit-waits")).to_be_visible()
    page.get_by_role("link", name="Ask your supervisor for a reference").click()
    expect(
        page.get_by_role("heading", name="Ask for a supervisor's reference", level=1)
    ).to_be_visible()
    check_accessibility(page, "rights-reference-request")
    page.get_by_label("Your supervisor's full name").fill("Ann Lee")
    page.get_by_label("Their email address").fill("ann.lee@example.org")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("We have emailed your supervisor")).to_be_visible()
    expect(page.get_by_text("Asked for, not yet given")).to_be_visible()
    check_accessibility(page, "rights-experience-reference-asked")
    supervisor_gives_reference(browser, live_server.url, check_accessibility)
    page.reload()
    reference = page.locator(".govuk-summary-card").filter(has_text="Ann Lee")
    expect(reference.locator(".govuk-tag")).to_have_text("Given")

    # Submitted, through its confirmation page: nothing more can be added.
    page.get_by_role("button", name="Submit for assessment").click()
    heading = page.get_by_role("heading", name="Submit your qualifying experience", level=1)
    expect(heading).to_be_visible()
    answers = page.get_by_test_id("confirm-answers")
    expect(answers).to_contain_text("1,700 of 2,300")
    expect(answers).to_contain_text("600 hours")
    check_accessibility(page, "rights-experience-submit")
    page.get_by_role("button", name="Submit for assessment").click()
    expect(page.get_by_text("Submitted. We will write to you with the decision.")).to_be_visible()
    expect(page.get_by_text("Submitted for assessment", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Add a period")).to_have_count(0)
    expect(period_row(page, EMPLOYER).get_by_role("link")).to_have_count(0)
    check_accessibility(page, "rights-experience-submitted")
    fits_a_phone(page, check_accessibility, "rights-experience-submitted")
    experience_url = page.url

    # The officer: the queue by state, the case, a decision needing reasons.
    make_user("olive", (organisation, Role.OFFICER), password=PASSWORD)
    switch_user(page, sign_in, "olive")
    page.goto("/rights/staff/")
    expect(page.get_by_role("heading", name="Practice-rights applications")).to_be_visible()
    check_accessibility(page, "rights-staff-list")
    states = page.get_by_role("navigation", name="Applications by state")
    states.get_by_role("link", name="Submitted for assessment (1)").click()
    expect(states.get_by_text("Submitted for assessment (1)")).to_have_attribute(
        "aria-current", "page"
    )
    queue = page.get_by_role("region", name="Applications")
    expect(queue.get_by_role("row").filter(has_text="Priya Shah")).to_contain_text(
        "Submitted for assessment"
    )
    check_accessibility(page, "rights-staff-list-submitted")
    queue.get_by_role("link", name="Priya Shah").click()
    expect(page.get_by_role("heading", name="Priya Shah", level=1)).to_be_visible()
    expect(credited(page)).to_have_text("1,700 of 2,300 hours")
    expect(period_row(page, EMPLOYER)).to_be_visible()
    check_accessibility(page, "rights-staff-case")

    page.get_by_role("link", name="Decide on the qualifying experience").click()
    expect(page.get_by_text("1,700 of 2,300 hours credited, short by 600")).to_be_visible()
    check_accessibility(page, "rights-staff-decide")
    not_met = page.get_by_label("Does not meet the requirement", exact=True)
    not_met.check()
    page.get_by_role("button", name="Record the decision").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    summary_link = summary.get_by_role("link", name="Give the reasons")
    expect(summary_link).to_be_visible()
    expect(page.locator("#id_reasons-error")).to_contain_text("Give the reasons")
    expect(not_met).to_be_checked()
    check_accessibility(page, "rights-staff-decide-error")
    summary_link.click()
    expect(page.get_by_label("Reasons")).to_be_focused()
    page.get_by_label("Reasons").fill(REASONS)
    page.get_by_role("button", name="Record the decision").click()
    expect(
        page.get_by_text("Decision recorded; the applicant has been written to.")
    ).to_be_visible()
    expect(page.get_by_text("Does not meet the requirement yet", exact=True)).to_be_visible()
    expect(page.get_by_text(REASONS)).to_be_visible()
    expect(page.get_by_role("link", name="Decide on the qualifying experience")).to_have_count(0)
    check_accessibility(page, "rights-staff-case-decided")

    # The applicant reads the decision and its reasons, and opens the step again.
    switch_user(page, sign_in, "priya")
    page.goto(experience_url)
    expect(page.get_by_text("Does not meet the requirement yet", exact=True)).to_be_visible()
    expect(page.get_by_text(REASONS)).to_be_visible()
    expect(page.get_by_role("link", name="Add a period")).to_have_count(0)
    expect(page.get_by_role("heading", name="Decision letters")).to_be_visible()
    with page.expect_download() as letter:
        page.get_by_role("link", name=re.compile(r"^Does not meet the requirement, ")).click()
    assert letter.value.suggested_filename.startswith("qualifying-experience-decision-")
    check_accessibility(page, "rights-experience-not-met")
    fits_a_phone(page, check_accessibility, "rights-experience-not-met")
    page.get_by_role("button", name="Add more experience").click()
    expect(page.get_by_text("You can add and change periods again, then submit.")).to_be_visible()
    expect(page.get_by_role("link", name="Add a period")).to_be_visible()
    expect(period_row(page, EMPLOYER).get_by_role("link", name="Change")).to_be_visible()
    check_accessibility(page, "rights-experience-reopened")


@pytest.mark.django_db(transaction=True)
def test_applicant_enters_a_period_on_a_phone(
    page, sign_in, check_accessibility, organisation, applicant
):
    """At 390 px throughout: the radios, date boxes and ticks are used on a phone; the pages
    never scroll sideways, and the periods table scrolls in its own region, from the keyboard
    too."""
    page.set_viewport_size(PHONE)
    sign_in("priya", PASSWORD)
    start_application(page, check_accessibility, organisation, "rights-phone")
    assert fits(page, PHONE["width"])

    page.get_by_role("link", name="Add a period").click()
    assert fits(page, PHONE["width"])
    check_accessibility(page, "rights-phone-period-add")
    fill_period(
        page,
        kind="Work",
        start=date(timezone.localdate().year - 1, 2, 1),
        hours="900",
        tasks=WORK_TASKS,
        employer=EMPLOYER,
    )
    expect(credited(page)).to_have_text("900 of 2,300 hours")
    expect(page.get_by_test_id("shortfall")).to_have_text("1,400 hours")
    assert fits(page, PHONE["width"])
    check_accessibility(page, "rights-phone-experience-work")
    table = page.get_by_role("region", name="Periods of work and study")
    table.focus()
    expect(table).to_be_focused()
    expect(period_row(page, EMPLOYER).get_by_role("link", name="Change")).to_be_visible()
