"""A practice-rights application from its first step to the public register, in a browser.

The applicant (Priya Shah) shows her CPQ certificate (step 1) and 2,400 hours of work with her
supervisor's reference, given through the emailed link (step 2); the regulator's officer
confirms both, and each decision is a letter. She writes one sheet of her portfolio (2.3, with
a PDF of evidence) in the browser; the other sheets are added through the services, because
step 3's pages have their own browser test (test_rights_portfolio), and the portfolio reads
complete. Her entry on the regulator's register, her account linked to it, is made through
the services too (the officer's register pages have their own tests). Then step 4: the page
lists the form as all that is missing, she answers it, submits the application through its
confirmation page (naming the reference and the letter that go with it) and sees the fee due;
the officer finds it in the queue by that state and records the payment of the application's
invoice (not step 2's); the applicant and the supervisor each sign their declaration through
the link emailed to them (the supervisor on a phone); the application is under assessment; the
officer approves it; the applicant reads the decision and its letter; and the public register
shows her Immigration right and her new category. axe on every page; step 4's main pages at
390 px too."""

import re
from datetime import date

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.forms import fill_date
from tests.browser.test_register_cpd_journey import PHONE, fits_a_phone
from tests.browser.test_rights_declarations import sign
from tests.browser.test_rights_experience import (
    EMPLOYER,
    PASSWORD,
    SCHEME,
    WORK_TASKS,
    applicant,  # noqa: F401 (a fixture)
    credited,
    fill_period,
    start_application,
    supervisor_gives_reference,
    switch_user,
)
from tests.browser.test_rights_knowledge import CPQ, ROUTE, upload
from tests.browser.test_rights_portfolio import add_evidence
from touchstone.core.dates import date_in_words
from touchstone.core.models import Role
from touchstone.core.testing import sample_pdf
from touchstone.rights.models import Application
from touchstone.rights.selectors import portfolio_scheme
from touchstone.rights.tests import portfolio, submission
from touchstone.rights.tests.build import examples

DESK = {"width": 1280, "height": 900}
NUMBER = "200001"  # the applicant's entry on the register (the supervisor gives 100001)
BROWSER_SHEET = "2.3"
DECIDED = "Decision recorded; the applicant has been written to."


def decide(page, check_accessibility, link: str, decision: str, name: str) -> None:
    """From the officer's case: a step's decision page, the decision, back on the case."""
    page.get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", name=link, level=1)).to_be_visible()
    check_accessibility(page, name)
    page.get_by_label(decision, exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text(DECIDED)).to_be_visible()


def open_case(page) -> None:
    page.goto("/rights/staff/")
    page.get_by_role("region", name="Applications").get_by_role("link", name="Priya Shah").click()
    expect(page.get_by_role("heading", name="Priya Shah", level=1)).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_an_application_from_step_1_to_the_public_register(
    page,
    sign_in,
    check_accessibility,
    make_user,
    organisation,
    applicant,  # noqa: F811
    browser,
    live_server,
):
    today = timezone.localdate()
    make_user("olu", (organisation, Role.OFFICER), password=PASSWORD)
    page.set_viewport_size(DESK)
    sign_in("priya", PASSWORD)
    start_application(page, check_accessibility, organisation, "journey")
    application = Application.objects.get(applicant=applicant)
    home = f"/rights/applications/{application.pk}/"

    # Step 1: the CPQ and its certificate, submitted.
    page.get_by_role("link", name="Back to your application").click()
    page.get_by_role("link", name="Technical knowledge").click()
    page.get_by_role("group", name=ROUTE).get_by_label("An accredited qualification").check()
    page.get_by_label("Your accredited qualification").select_option(label=CPQ)
    upload(page, "CPQ certificate.pdf", sample_pdf("CPQ certificate", "Priya Shah"))
    page.get_by_role("button", name="Save your evidence").click()
    expect(page.locator("#knowledge-evidence")).to_contain_text("CPQ certificate.pdf")
    check_accessibility(page, "journey-knowledge")
    page.get_by_role("button", name="Submit for assessment").click()
    check_accessibility(page, "journey-knowledge-submit")
    page.get_by_role("button", name="Submit for assessment").click()
    expect(page.get_by_text("Submitted. We will write to you with the decision.")).to_be_visible()

    # Step 2: one period of 2,400 hours, the supervisor's reference, submitted.
    page.goto(f"{home}experience/")
    page.get_by_role("link", name="Add a period").click()
    check_accessibility(page, "journey-period-add")
    fill_period(
        page,
        kind="Work",
        start=date(today.year - 2, 1, 10),
        hours="2400",
        tasks=WORK_TASKS,
        employer=EMPLOYER,
    )
    expect(credited(page)).to_have_text("2,400 of 2,300 hours")
    page.get_by_role("link", name="Ask your supervisor for a reference").click()
    check_accessibility(page, "journey-reference-request")
    page.get_by_label("Your supervisor's full name").fill("Ann Lee")
    page.get_by_label("Their email address").fill("ann.lee@example.org")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("We have emailed your supervisor")).to_be_visible()
    supervisor_gives_reference(browser, live_server.url, check_accessibility)
    page.reload()
    reference = page.locator(".govuk-summary-card").filter(has_text="Ann Lee")
    expect(reference.locator(".govuk-tag")).to_have_text("Given")
    check_accessibility(page, "journey-experience")
    page.get_by_role("button", name="Submit for assessment").click()
    check_accessibility(page, "journey-experience-submit")
    page.get_by_role("button", name="Submit for assessment").click()
    expect(page.get_by_text("Submitted. We will write to you with the decision.")).to_be_visible()

    # The officer confirms both steps; each decision is a letter.
    switch_user(page, sign_in, "olu")
    open_case(page)
    check_accessibility(page, "journey-case-steps-submitted")
    decide(
        page,
        check_accessibility,
        "Decide on the technical knowledge",
        "Meets the requirement",
        "journey-knowledge-decide",
    )
    expect(page.locator("#knowledge-state")).to_have_text("Meets the requirement")
    decide(
        page,
        check_accessibility,
        "Decide on the qualifying experience",
        "Meets the requirement",
        "journey-experience-decide",
    )
    expect(page.get_by_test_id("knowledge-letters").get_by_role("link")).to_have_count(1)
    expect(page.get_by_test_id("experience-letters").get_by_role("link")).to_have_count(1)
    check_accessibility(page, "journey-case-steps-met")

    # Step 3: a supervisor and the sheet for 2.3 with its evidence, in the browser ...
    switch_user(page, sign_in, "priya")
    page.goto(home)
    expect(page.locator("#knowledge-status")).to_have_text("Completed")
    expect(page.locator("#experience-status")).to_have_text("Completed")
    page.get_by_role("link", name="Portfolio of evidence").click()
    page.get_by_role("link", name="Add a supervisor").click()
    page.get_by_label("Supervisor's full name").fill(portfolio.SUPERVISOR)
    page.get_by_role("group", name="Are they an authorised person?").get_by_label("Yes").check()
    page.get_by_role("group", name="Do they supervise you now?").get_by_label("Yes").check()
    page.get_by_role("button", name="Add the supervisor").click()
    expect(page.get_by_text("Supervisor added")).to_be_visible()
    page.locator(f'tr[data-example="{BROWSER_SHEET}"]').get_by_role(
        "link", name=BROWSER_SHEET
    ).click()
    page.get_by_label("Matter (logbook sheets)").fill("IMM/2231 asylum appeal")
    page.get_by_label("Type of document (logbook sheets)").fill("Skeleton argument")
    page.get_by_label("How the work meets the outcome").fill("I presented the appeal.")
    page.get_by_label("Your reflection").fill("I would prepare the bundle earlier.")
    page.get_by_label("Supervisor who confirms it").select_option(portfolio.SUPERVISOR)
    page.get_by_role("button", name="Save the sheet").click()
    expect(page.get_by_text(f"Example {BROWSER_SHEET} saved")).to_be_visible()
    add_evidence(page, ["Dear [client]", "[address removed]"], "advice-redacted.pdf")
    expect(page.get_by_text("Evidence added")).to_be_visible()
    expect(page.get_by_test_id("sheet-problems")).to_have_count(0)
    check_accessibility(page, "journey-sheet")

    # ... and every other example through the services: the portfolio is complete.
    scheme = portfolio_scheme(application, as_of=today)
    for example in examples(scheme):
        if example != BROWSER_SHEET:
            portfolio.with_evidence(application, example)
    page.get_by_role("link", name="Back to the portfolio").click()
    expect(page.get_by_test_id("provided")).to_have_text("35 of 35")
    expect(page.get_by_test_id("complete")).to_have_text("Complete")
    check_accessibility(page, "journey-portfolio-complete")
    page.goto(home)
    expect(page.locator("#portfolio-status")).to_have_text("Completed")
    check_accessibility(page, "journey-application-ready")

    # Her entry on the register, her account linked (the officer's pages have their own tests).
    submission.on_register(application, number=NUMBER)

    # Step 4: only the form is missing.
    page.get_by_role("link", name="Apply", exact=True).click()
    expect(page.get_by_role("heading", name="Apply", level=1)).to_be_visible()
    expect(page.get_by_test_id("application-state")).to_have_text("Not submitted")
    expect(page.get_by_role("heading", name="Before you can submit")).to_be_visible()
    needs = page.get_by_test_id("needs").get_by_role("listitem")
    expect(needs).to_have_count(1)
    expect(needs).to_have_text("Complete the application form (handbook §59).")
    expect(page.get_by_role("button", name="Submit your application")).to_have_count(0)
    check_accessibility(page, "journey-submission-needs")
    fits_a_phone(page, check_accessibility, "journey-submission-needs")

    needs.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Application form", level=1)).to_be_visible()
    check_accessibility(page, "journey-submission-form")
    fits_a_phone(page, check_accessibility, "journey-submission-form")
    page.get_by_label("Your address for letters").fill("1 High Street\nBedford\nMK40 1AA")
    page.get_by_label("Your telephone number").fill("01632 960 001")
    page.get_by_label("Your employer").fill(EMPLOYER)
    page.get_by_label("Your job title").fill("Paralegal")
    page.get_by_role("group", name=re.compile(r"^Have you been convicted")).get_by_label(
        "No", exact=True
    ).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Application form saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Ready to submit")).to_be_visible()
    answers = page.get_by_test_id("form-answers")
    expect(answers).to_contain_text("01632 960 001")
    expect(answers).to_contain_text(EMPLOYER)
    check_accessibility(page, "journey-submission-ready")
    fits_a_phone(page, check_accessibility, "journey-submission-ready")

    page.get_by_role("button", name="Submit your application").click()
    expect(page.get_by_role("heading", name="Submit your application", level=1)).to_be_visible()
    confirm = page.get_by_test_id("confirm-answers")
    expect(confirm).to_contain_text("35 examples")
    expect(confirm).to_contain_text(f"Ann Lee, given {date_in_words(today)}")
    expect(confirm).to_contain_text("qualifying-experience-decision-")
    check_accessibility(page, "journey-submission-confirm")
    fits_a_phone(page, check_accessibility, "journey-submission-confirm")
    page.get_by_role("button", name="Submit my application").click()
    expect(page.get_by_text("Submitted. We will send you the invoice for the fee")).to_be_visible()
    expect(page.get_by_test_id("application-state")).to_have_text("Fee due")
    invoice = page.get_by_test_id("invoice")
    expect(invoice).to_have_count(1)
    expect(invoice).to_contain_text("Application assessment fee (non-refundable)")
    expect(invoice).to_contain_text("amount to be confirmed")
    expect(page.get_by_role("link", name=re.compile("^Change"))).to_have_count(0)
    check_accessibility(page, "journey-submission-fee-due")
    fits_a_phone(page, check_accessibility, "journey-submission-fee-due")

    # The officer: the queue by the application's state, the payment of step 4's invoice.
    switch_user(page, sign_in, "olu")
    page.goto("/rights/staff/")
    page.get_by_label("State of a step").select_option("application:fee_due")
    page.get_by_role("button", name="Apply filters").click()
    queue = page.get_by_role("region", name="Applications")
    expect(queue.get_by_role("row")).to_have_count(2)
    expect(queue.get_by_role("row").nth(1)).to_contain_text("Record the payment of the fee")
    check_accessibility(page, "journey-queue-fee-due")
    queue.get_by_role("link", name="Priya Shah").click()
    expect(page.get_by_test_id("application-state")).to_have_text("Fee due")
    check_accessibility(page, "journey-case-fee-due")
    fits_a_phone(page, check_accessibility, "journey-case-fee-due")
    fee_row = page.locator(".govuk-summary-list__row").filter(
        has=page.get_by_test_id("invoice").filter(has_text="Application assessment fee")
    )
    fee_row.get_by_role("link", name=re.compile(r"^Record payment of invoice")).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Record the payment"))).to_be_visible()
    expect(page.get_by_text("Application assessment fee (non-refundable), raised")).to_be_visible()
    check_accessibility(page, "journey-payment")
    fits_a_phone(page, check_accessibility, "journey-payment")
    fill_date(page, "Date paid", today)
    page.get_by_label("Payment reference (optional)").fill("BACS 7781")
    page.get_by_role("button", name="Record the payment").click()
    expect(page.get_by_text(re.compile(r"^Payment of invoice .* recorded"))).to_be_visible()
    expect(page.get_by_test_id("application-state")).to_have_text("Declarations pending")
    declarations = page.get_by_test_id("declarations")
    expect(declarations.get_by_role("row")).to_have_count(3)
    expect(declarations).to_contain_text("Priya Shah")
    expect(declarations).to_contain_text("Ann Lee")
    expect(page.get_by_test_id("invoice").filter(has_text="BACS 7781")).to_contain_text(
        "Application assessment fee"
    )
    expect(page.get_by_role("link", name=re.compile(r"^Record payment"))).to_have_count(1)
    check_accessibility(page, "journey-case-declarations")
    fits_a_phone(page, check_accessibility, "journey-case-declarations")

    # The declarations, each through its own emailed link: the applicant's at a desk, the
    # supervisor's on a phone.
    assert any("/rights/declaration/" in m.body for m in mail.outbox)
    sign(
        browser,
        live_server.url,
        check_accessibility,
        address="priya@example.test",
        name="Priya Shah",
        label="journey-applicant",
        viewport=DESK,
    )
    sign(
        browser,
        live_server.url,
        check_accessibility,
        address="ann.lee@example.org",
        name="Ann Lee",
        label="journey-supervisor",
        viewport=PHONE,
    )
    switch_user(page, sign_in, "priya")
    page.goto(f"{home}application/")
    expect(page.get_by_test_id("application-state")).to_have_text("Under assessment")
    expect(page.get_by_test_id("declarations").locator(".govuk-tag")).to_have_text(
        ["Signed", "Signed"]
    )
    check_accessibility(page, "journey-submission-under-assessment")
    fits_a_phone(page, check_accessibility, "journey-submission-under-assessment")

    # The officer approves: the right goes on her entry.
    switch_user(page, sign_in, "olu")
    open_case(page)
    expect(page.get_by_test_id("application-state")).to_have_text("Under assessment")
    page.get_by_role("link", name="Decide on the application").click()
    expect(page.get_by_role("heading", name="Decide on the application", level=1)).to_be_visible()
    expect(page.get_by_text(f"on entry {NUMBER}, and admits them as a {SCHEME}")).to_be_visible()
    expect(page.get_by_label("Reasons")).to_have_accessible_description(
        "For the letter to the applicant. Needed unless you approve."
    )
    check_accessibility(page, "journey-application-decide")
    fits_a_phone(page, check_accessibility, "journey-application-decide")
    page.get_by_label("Approve the application", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text(DECIDED)).to_be_visible()
    expect(page.get_by_test_id("application-state")).to_have_text("Approved")
    expect(page.get_by_test_id("application-letters").get_by_role("link")).to_have_count(1)
    expect(page.get_by_role("link", name="Decide on the application")).to_have_count(0)
    check_accessibility(page, "journey-case-approved")
    fits_a_phone(page, check_accessibility, "journey-case-approved")

    # The applicant reads the decision and downloads its letter.
    switch_user(page, sign_in, "priya")
    page.goto(home)
    expect(page.locator("#application-status")).to_have_text("Completed")
    check_accessibility(page, "journey-application-approved")
    page.get_by_role("link", name="Apply", exact=True).click()
    expect(page.get_by_test_id("application-state")).to_have_text("Approved")
    letters = page.get_by_test_id("application-letters").get_by_role("link")
    expect(letters).to_have_count(1)
    with page.expect_download() as letter:
        letters.click()
    assert letter.value.suggested_filename.endswith(".pdf")
    check_accessibility(page, "journey-submission-approved")
    fits_a_phone(page, check_accessibility, "journey-submission-approved")

    # The public register, read by anyone: her Immigration right and her new category.
    page.get_by_role("button", name="Sign out").click()
    page.goto("/register/")
    page.get_by_label("Name or number").fill("Priya Shah")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("result-count")).to_have_text("1 result")
    check_accessibility(page, "journey-register-search")
    page.get_by_role("link", name="Priya Shah").click()
    expect(page.get_by_role("heading", name="Priya Shah", level=1)).to_be_visible()
    expect(page.get_by_text(f"Individual · {NUMBER}")).to_be_visible()
    category = page.locator(".govuk-summary-list__row").filter(has_text="Category")
    expect(category.locator("dd")).to_have_text(SCHEME)
    expect(page.get_by_role("heading", name="Immigration", level=3)).to_be_visible()
    expect(page.get_by_role("heading", name="Commissioner for oaths", level=3)).to_be_visible()
    expect(page.get_by_text(f"Since {date_in_words(today)}").first).to_be_visible()
    check_accessibility(page, "journey-register-detail")
    fits_a_phone(page, check_accessibility, "journey-register-detail")
