"""Step 4's declarations in a browser, at 390 px: the applicant and the supervisor each open
the link emailed to them (no account), read the words they sign and their SHA-256, are refused
a name that is not theirs with the GOV.UK error summary, then sign; the link then stops
working, and with both signed the application is under assessment."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.test_register_cpd_journey import PHONE
from tests.browser.test_rights_schemes import fits
from touchstone.rights.models import Application
from touchstone.rights.services import application_start
from touchstone.rights.tests import declarations


@pytest.fixture
def sent(make_user, organisation, django_capture_on_commit_callbacks):
    applicant = make_user("priya")
    applicant.first_name, applicant.last_name = "Priya", "Shah"
    applicant.save()
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        declarations.sent(application)
    return application


def _path(address: str) -> str:
    (message,) = [m for m in mail.outbox if m.to == [address] and "/rights/declaration/" in m.body]
    return re.search(r"/rights/declaration/[^/\s]+/", message.body).group(0)


def sign(
    browser,
    base_url: str,
    check_accessibility,
    *,
    address: str,
    name: str,
    label: str,
    viewport: dict = PHONE,
):
    """Open the declaration emailed to `address` in a browser of its own at `viewport`, be
    refused another's name, then sign as `name`; the link then stops working."""
    width = viewport["width"]
    context = browser.new_context(base_url=base_url, viewport=viewport)
    page = context.new_page()
    path = _path(address)
    page.goto(path)
    expect(page.get_by_role("heading", name="Sign your declaration", level=1)).to_be_visible()
    expect(page.get_by_test_id("statement")).to_contain_text(f"I, {name}, declare that:")
    page.get_by_text("The SHA-256 of these words").click()
    expect(page.get_by_test_id("statement-sha256")).to_be_visible()
    assert fits(page, width)
    check_accessibility(page, f"rights-declaration-{label}-{width}")
    page.get_by_label("Type your full name to sign").fill("Someone Else")
    page.get_by_label("I confirm this declaration is true").check()
    page.get_by_role("button", name="Sign the declaration").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text(f"as the declaration gives it: {name}")
    assert fits(page, width)
    check_accessibility(page, f"rights-declaration-{label}-error-{width}")
    page.get_by_label("Type your full name to sign").fill(name.upper())
    page.get_by_label("I confirm this declaration is true").check()
    page.get_by_role("button", name="Sign the declaration").click()
    expect(page.get_by_role("heading", name="Declaration signed")).to_be_visible()
    check_accessibility(page, f"rights-declaration-{label}-signed-{width}")
    page.goto(path)
    expect(page.get_by_text("This link has already been used")).to_be_visible()
    context.close()


def test_the_applicant_and_the_supervisor_sign_on_a_phone(
    browser, live_server, check_accessibility, sent
):
    sign(
        browser,
        live_server.url,
        check_accessibility,
        address="ann.lee@example.org",
        name="Ann Lee",
        label="supervisor",
    )
    assert Application.objects.get(pk=sent.pk).application_state == "declarations_pending"
    sign(
        browser,
        live_server.url,
        check_accessibility,
        address="priya@example.test",
        name="Priya Shah",
        label="applicant",
    )
    assert Application.objects.get(pk=sent.pk).application_state == "under_assessment"
