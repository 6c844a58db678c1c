"""Step 3 of a practice-rights application in a browser: the applicant names a supervisor,
writes the sheet for example 2.3 (the checklist following), uploads a letter that still shows
a client's email address and postcode (flagged on the sheet and on the portfolio), removes it
through its confirmation page, uploads the redacted letter, and compiles the portfolio, whose
job page offers the PDF; the regulator's officer reads the same sheet. At 390 px too."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.forms import fill_date
from tests.browser.test_register_cpd_journey import fits_a_phone
from tests.browser.test_rights_experience import (
    PASSWORD,
    applicant,  # noqa: F401 (a fixture)
    start_application,
    switch_user,
)
from touchstone.core.models import Role
from touchstone.core.testing import sample_pdf

DOCUMENT = "Upload the document"


def add_evidence(page, lines: list[str], name: str) -> None:
    page.get_by_role("link", name="Add evidence").click()
    expect(page.get_by_role("heading", name="Add evidence", level=1)).to_be_visible()
    page.get_by_label("What is the document?").fill(f"Letter of advice ({name})")
    fill_date(page, "Date of the document", date(date.today().year - 1, 5, 14))
    page.get_by_label("Kind of document").select_option("client_letter")
    page.get_by_label(DOCUMENT).set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": sample_pdf(*lines)}
    )
    page.get_by_role("button", name="Upload the evidence").click()


@pytest.mark.django_db(transaction=True)
def test_applicant_builds_a_sheet_with_redacted_evidence_and_compiles_the_portfolio(
    page,
    sign_in,
    check_accessibility,
    make_user,
    organisation,
    applicant,  # noqa: F811
):
    make_user("olu", (organisation, Role.OFFICER), password=PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in("priya", PASSWORD)
    start_application(page, check_accessibility, organisation, "rights-portfolio")
    page.get_by_role("link", name="Back to your application").click()
    expect(page.locator("#portfolio-status")).to_contain_text("0 of 35 examples")
    page.get_by_role("link", name="Portfolio of evidence").click()
    expect(page.get_by_role("heading", name="Portfolio of evidence", level=1)).to_be_visible()
    expect(page.get_by_test_id("provided")).to_have_text("0 of 35")
    check_accessibility(page, "rights-portfolio-empty")
    fits_a_phone(page, check_accessibility, "rights-portfolio-empty")

    # A supervisor, then the sheet for 2.3.
    page.get_by_role("link", name="Add a supervisor").click()
    check_accessibility(page, "rights-supervisor-add")
    page.get_by_label("Supervisor's full name").fill("Ann Lee")
    page.get_by_role("group", name="Are they an authorised person?").get_by_label("Yes").check()
    page.get_by_role("group", name="Do they supervise you now?").get_by_label("Yes").check()
    page.get_by_role("button", name="Add the supervisor").click()
    expect(page.get_by_text("Supervisor added")).to_be_visible()
    page.locator('tr[data-example="2.3"]').get_by_role("link", name="2.3").click()
    heading = page.get_by_role("heading", name="Example 2.3: Deliver advocacy/oral presentations")
    expect(heading).to_be_visible()
    check_accessibility(page, "rights-sheet-new")
    page.get_by_label("Matter (logbook sheets)").fill("IMM/2231 asylum appeal")
    page.get_by_label("Type of document (logbook sheets)").fill("Skeleton argument")
    page.get_by_label("How the work meets the outcome").fill("I presented the appeal.")
    page.get_by_label("Your reflection").fill("I would prepare the bundle earlier.")
    page.get_by_label("Supervisor who confirms it").select_option("Ann Lee")
    page.get_by_role("button", name="Save the sheet").click()
    expect(page.get_by_text("Example 2.3 saved")).to_be_visible()
    expect(page.get_by_test_id("sheet-problems")).to_contain_text("has none")

    # A letter with the client's details left in: flagged.
    add_evidence(page, ["Dear client", "jo.bloggs@example.com, Bedford MK40 1AB"], "advice.pdf")
    expect(page.get_by_text("Evidence added")).to_be_visible()
    findings = page.get_by_test_id("findings")
    expect(findings).to_contain_text("jo.bloggs@example.com")
    expect(findings).to_contain_text("MK40 1AB")
    check_accessibility(page, "rights-sheet-flagged")
    fits_a_phone(page, check_accessibility, "rights-sheet-flagged")
    page.get_by_role("link", name="Back to the portfolio").click()
    expect(page.get_by_test_id("personal-data")).to_be_visible()
    expect(page.get_by_test_id("provided")).to_have_text("1 of 35")
    page.locator('tr[data-example="2.3"]').get_by_role("link", name="2.3").click()

    # Removed through its confirmation page, and the redacted copy uploaded.
    page.get_by_role("link", name="Remove Letter of advice (advice.pdf)").click()
    expect(page.get_by_role("heading", name="Remove this evidence?")).to_be_visible()
    check_accessibility(page, "rights-evidence-remove")
    page.get_by_role("button", name="Remove the evidence").click()
    expect(page.get_by_text("Evidence removed.")).to_be_visible()
    add_evidence(page, ["Dear [client]", "[address removed]"], "advice-redacted.pdf")
    expect(page.get_by_test_id("findings")).to_have_text("None found")
    expect(page.get_by_test_id("sheet-problems")).to_have_count(0)

    # Compiled: the job's page offers the PDF.
    page.get_by_role("link", name="Back to the portfolio").click()
    expect(page.get_by_test_id("personal-data")).to_have_count(0)
    page.get_by_role("button", name="Compile the portfolio as a PDF").click()
    expect(page.get_by_role("heading", name="Portfolio of evidence: Priya Shah")).to_be_visible()
    download_link = page.get_by_role("link", name="Download portfolio-priya-shah.pdf")
    expect(download_link).to_be_visible()
    check_accessibility(page, "rights-portfolio-job")
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename == "portfolio-priya-shah.pdf"

    # The officer reads the same sheet, with nothing to change.
    switch_user(page, sign_in, "olu")
    page.goto("/rights/staff/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="View the portfolio").click()
    expect(page.get_by_test_id("provided")).to_have_text("1 of 35")
    check_accessibility(page, "rights-staff-portfolio")
    page.locator('tr[data-example="2.3"]').get_by_role("link", name="2.3").click()
    expect(page.get_by_test_id("findings")).to_have_text("None found")
    expect(page.get_by_role("button", name="Save the sheet")).to_have_count(0)
    check_accessibility(page, "rights-staff-sheet")
