"""Step 1 of a practice-rights application in a browser: the applicant uploads a program named
as a PDF (refused by the field, with the GOV.UK error summary, nothing saved), then their CPQ
certificate; submits through the confirmation page; the regulator's officer downloads the
certificate from the case and decides it meets the requirement. The step's page is checked at
390 px too."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_register_cpd_journey import fits_a_phone
from tests.browser.test_rights_experience import (
    PASSWORD,
    applicant,  # noqa: F401 (a fixture)
    start_application,
    switch_user,
)
from touchstone.core.models import Role
from touchstone.core.testing import sample_executable, sample_pdf

ROUTE = "How do you show your technical knowledge?"
CPQ = "CILEX Professional Qualification (CPQ)"
DOCUMENT = "Upload your certificate, or a document showing your qualifications"


def upload(page, name: str, data: bytes, mime: str = "application/pdf") -> None:
    page.get_by_label(DOCUMENT).set_input_files({"name": name, "mimeType": mime, "buffer": data})


@pytest.mark.django_db(transaction=True)
def test_applicant_uploads_a_certificate_and_an_officer_confirms_it(
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
    start_application(page, check_accessibility, organisation, "knowledge")
    page.get_by_role("link", name="Back to your application").click()
    expect(page.locator("#knowledge-step").get_by_text("Not submitted")).to_be_visible()
    page.get_by_role("link", name="Technical knowledge").click()
    expect(page.get_by_role("heading", name="Technical knowledge", level=1)).to_be_visible()
    check_accessibility(page, "knowledge-empty")
    fits_a_phone(page, check_accessibility, "knowledge-empty")

    # A program named certificate.pdf: refused by the field, nothing saved.
    page.get_by_role("group", name=ROUTE).get_by_label("An accredited qualification").check()
    page.get_by_label("Your accredited qualification").select_option(label=CPQ)
    upload(page, "certificate.pdf", sample_executable())
    page.get_by_role("button", name="Save your evidence").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("not a PDF, Word document, PNG or JPEG")
    expect(page.locator("#knowledge-evidence")).to_contain_text("None uploaded yet")
    check_accessibility(page, "knowledge-bad-file")
    fits_a_phone(page, check_accessibility, "knowledge-bad-file")

    # The real certificate.
    upload(page, "CPQ certificate.pdf", sample_pdf("CPQ certificate", "Priya Shah"))
    page.get_by_role("button", name="Save your evidence").click()
    expect(page.get_by_text("Saved. Submit it when it is complete.")).to_be_visible()
    expect(page.locator("#knowledge-evidence")).to_contain_text("CPQ certificate.pdf")
    expect(page.locator("#knowledge-evidence")).to_contain_text(CPQ)

    page.get_by_role("button", name="Submit for assessment").click()
    expect(
        page.get_by_role("heading", name="Submit your technical knowledge", level=1)
    ).to_be_visible()
    expect(page.get_by_test_id("confirm-answers")).to_contain_text("CPQ certificate.pdf")
    check_accessibility(page, "knowledge-submit")
    page.get_by_role("button", name="Submit for assessment").click()
    expect(page.get_by_text("Submitted. We will write to you with the decision.")).to_be_visible()
    expect(page.get_by_role("button", name="Save your evidence")).to_have_count(0)
    fits_a_phone(page, check_accessibility, "knowledge-submitted")

    # The officer downloads the certificate and confirms it.
    switch_user(page, sign_in, "olu")
    page.goto("/rights/staff/")
    page.get_by_role("link", name="Priya Shah").click()
    expect(page.locator("#knowledge-state")).to_have_text("Submitted for assessment")
    check_accessibility(page, "knowledge-case")
    fits_a_phone(page, check_accessibility, "knowledge-case")
    with page.expect_download() as download:
        page.get_by_role("link", name="CPQ certificate.pdf").click()
    assert download.value.suggested_filename == "CPQ certificate.pdf"
    page.get_by_role("link", name="Decide on the technical knowledge").click()
    check_accessibility(page, "knowledge-decide")
    fits_a_phone(page, check_accessibility, "knowledge-decide")
    page.get_by_label("Meets the requirement").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(
        page.get_by_text("Decision recorded; the applicant has been written to.")
    ).to_be_visible()
    expect(page.locator("#knowledge-state")).to_have_text("Meets the requirement")
