"""The web complaint form in a browser, with JavaScript on and off: a member of the public
answers each question (the provider found on the register as they type, or by the search
button without JavaScript), saves and comes back later by the emailed link in another
browser, uploads a bill, checks the answers, sends the complaint, gets the reference on the
confirmation page and by email, and follows the case by the link in the receipt. Axe checks
every kind of page (in the run with JavaScript: axe itself runs as a script)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from touchstone.casework.models import Case
from touchstone.casework.reference import load_reference_data
from touchstone.core.models import OrganisationKind
from touchstone.core.testing import new_organisation, sample_pdf


@pytest.fixture
def ombudsman(register):
    load_reference_data()
    return new_organisation("legal-ombudsman", OrganisationKind.OMBUDSMAN)


def _emailed(address: str, path: str) -> str:
    sent = [m for m in mail.outbox if address in m.to and path in m.body]
    assert sent, [m.subject for m in mail.outbox]
    return re.search(rf"{re.escape(path)}[^\s]+", sent[-1].body).group(0)


def _continue(page):
    page.get_by_role("button", name="Continue", exact=True).click()


def _first_part(page, check_accessibility, javascript: bool, label: str):
    page.goto("/casework/complain/")
    check_accessibility(page, f"casework-complain-start-{label}")
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("heading", name="Your details", level=1)).to_be_visible()
    page.get_by_label("Full name").fill("Sam Patel")
    page.get_by_label("Email address").fill("not an email")
    page.get_by_label("Telephone number (optional)").fill("01632 960 001")
    _continue(page)
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_label("Full name")).to_have_value("Sam Patel")  # kept
    check_accessibility(page, f"casework-complain-error-{label}")
    page.get_by_label("Email address").fill("sam@example.org")
    _continue(page)
    page.get_by_label("Myself").check()
    _continue(page)

    search = page.get_by_label("Search the register by name or number")
    if javascript:
        search.press_sequentially("Smith")  # the results arrive as they type
    else:
        search.fill("Smith")
        page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_label("John Smith (100001)")).to_be_visible()
    check_accessibility(page, f"casework-complain-provider-{label}")
    page.get_by_label("John Smith (100001)").check()
    _continue(page)

    page.get_by_label("What happened?").fill("They lost my deeds and charged me to find them.")
    page.locator('input[name="happened_on-day"]').fill("3")
    page.locator('input[name="happened_on-month"]').fill("2")
    page.locator('input[name="happened_on-year"]').fill("2025")
    check_accessibility(page, f"casework-complain-question-{label}")
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_label("Email address")).to_have_value("sam@example.org")
    page.get_by_role("button", name="Email me the link").click()
    expect(page.get_by_role("heading", name="Your answers are saved")).to_be_visible()


def _second_part(page, check_accessibility, label: str):
    page.goto(_emailed("sam@example.org", "/casework/complain/return/"))
    check_accessibility(page, f"casework-complain-return-{label}")
    page.get_by_role("button", name="Carry on").click()
    page.get_by_label("No", exact=True).check()
    _continue(page)
    expect(
        page.get_by_role("heading", name="You need to complain to the provider first")
    ).to_be_visible()
    check_accessibility(page, f"casework-complain-rules-{label}")
    page.get_by_role("link", name="Change my answer").click()
    page.get_by_label("Yes", exact=True).check()
    page.locator('input[name="complained_on-day"]').fill("1")
    page.locator('input[name="complained_on-month"]').fill("3")
    page.locator('input[name="complained_on-year"]').fill("2025")
    _continue(page)
    page.get_by_label("Apology").check()
    _continue(page)

    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "page.pdf", "mimeType": "application/pdf", "buffer": b"<html></html>"}]
    )
    page.get_by_role("button", name="Upload the file").click()
    expect(page.locator(".govuk-error-message")).to_contain_text("not a PDF")
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "bill.pdf", "mimeType": "application/pdf", "buffer": sample_pdf("Bill")}]
    )
    page.get_by_role("button", name="Upload the file").click()
    expect(page.locator("#evidence-list")).to_contain_text("bill.pdf")
    check_accessibility(page, f"casework-complain-evidence-{label}")
    _continue(page)

    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    expect(page.locator("#answers")).to_contain_text("John Smith (100001, on the register)")
    check_accessibility(page, f"casework-complain-check-{label}")
    page.get_by_role("link", name="Change what happened").click()
    page.get_by_label("What happened?").fill("They lost my deeds.")
    _continue(page)
    expect(page.locator("#answers")).to_contain_text("They lost my deeds.")
    page.get_by_role("button", name="Send my complaint").click()
    expect(page.get_by_role("heading", name="Complaint sent")).to_be_visible()
    check_accessibility(page, f"casework-complain-sent-{label}")
    return page.get_by_test_id("reference").inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_complaint_with_a_save_and_return(
    browser, live_server, ombudsman, check_accessibility, javascript
):
    label = "js" if javascript else "nojs"
    if not javascript:  # axe runs in the page's JavaScript: it checks the pages with it on

        def check_accessibility(page, name):
            return None

    mail.outbox.clear()
    first = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    first.set_default_timeout(15_000)
    _first_part(first.new_page(), check_accessibility, javascript, label)
    first.close()
    second = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    second.set_default_timeout(15_000)
    page = second.new_page()
    reference = _second_part(page, check_accessibility, label)

    case = Case.objects.get()
    assert case.reference == reference
    assert case.provider.number == "100001"
    assert [e.upload.original_name for e in case.evidence.all()] == ["bill.pdf"]

    page.goto(_emailed("sam@example.org", "/casework/case/"))
    expect(page.get_by_test_id("status")).to_have_text("We have received your complaint")
    page.get_by_label("Your message").fill("I have found the engagement letter.")
    page.get_by_role("button", name="Send the message").click()
    expect(page.get_by_text("I have found the engagement letter.")).to_be_visible()
    check_accessibility(page, f"casework-follow-{label}")
    second.close()
