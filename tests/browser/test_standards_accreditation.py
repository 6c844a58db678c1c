"""A provider's accreditation on a phone: applied for through the check-your-answers page, the
invoice paid, the assessment answered a heading at a time and submitted with standards only
partly complied (provisional, with the deadline), then shown compliant (registered); and a
provisional accreditation ended by the daily sweep once its deadline has passed. The public
verification page then finds the registered provider and not the terminated one. axe on every
page; none scrolls sideways at 390 px."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from touchstone.standards import services
from touchstone.standards.reference import load_reference_data
from touchstone.standards.rules import months_after
from touchstone.standards.tests.accreditation import (
    answered,
    open_assessment,
    paid,
    scheme_world,
    submitted,
)

WIDTH = 390


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def seen(page, check_accessibility, name: str) -> None:
    assert fits(page), f"{name} scrolls sideways at {WIDTH} px"
    check_accessibility(page, f"standards-{name}")


def holders_search(browser, base_url: str, name: str, check_accessibility, shot: str):
    """The public verification page, as anyone: search for the provider by name."""
    context = browser.new_context(base_url=base_url, viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    page.goto("/standards/frameworks/iqs-2012/")
    page.get_by_role("link", name="Check whether a provider holds the IQS accreditation").click()
    page.get_by_label("Provider's name").fill(name)
    page.get_by_role("button", name="Search").click()
    seen(page, check_accessibility, shot)
    return context, page


def signed_in(browser, base_url: str, username: str):
    context = browser.new_context(base_url=base_url, viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in/" not in url)
    return context, page


@pytest.mark.django_db(transaction=True)
def test_a_provider_goes_from_application_through_a_partial_assessment_to_registration(
    browser, live_server, check_accessibility
):
    load_reference_data()
    w = scheme_world()
    context, page = signed_in(browser, live_server.url, w.admin.username)
    page.goto("/standards/accreditations/")
    seen(page, check_accessibility, "list-empty")
    page.get_by_role("link", name="Apply for accreditation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply for accreditation")
    seen(page, check_accessibility, "apply")
    page.get_by_label(w.body.name, exact=True).check()
    page.get_by_role("group", name="Is the provider a corporate member").get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before applying")
    seen(page, check_accessibility, "apply-check")
    page.get_by_role("button", name="Apply and raise the invoice").click()
    expect(page.get_by_test_id("state")).to_have_text("Applied")
    expect(page.get_by_test_id("invoice")).to_contain_text("£350")
    seen(page, check_accessibility, "accreditation-applied")

    accreditation = w.provider.standards_accreditations.get()
    assessment = paid(w, open_assessment(accreditation))
    page.reload()
    page.get_by_role("link", name="Complete the self-assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consumer Protection")
    seen(page, check_accessibility, "assessment-part-1")
    page.get_by_label("Standard 1: complied?").select_option("complied")
    page.get_by_label("Note on standard 1 (optional)").fill("Our confidentiality policy")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("part 2 of")).to_be_visible()
    seen(page, check_accessibility, "assessment-part-2")
    assert assessment.answers.get(number=1).note == "Our confidentiality policy"

    answered(w, assessment, s19="partial")
    page.goto(f"/standards/assessments/{assessment.pk}/submit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Submit your self-assessment")
    seen(page, check_accessibility, "submit-confirm")
    page.get_by_role("button", name="Submit the assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Provisionally registered")
    expect(page.get_by_test_id("non-compliant")).to_contain_text("Standard 19")
    seen(page, check_accessibility, "result-provisional")

    services.assessment_answers_save(
        acting_user=w.admin, assessment=assessment, answers={19: {"answer": "complied"}}
    )
    page.goto(f"/standards/assessments/{assessment.pk}/submit/")
    page.get_by_role("button", name="Submit the assessment").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Registered")
    seen(page, check_accessibility, "result-registered")
    context.close()

    context, page = signed_in(browser, live_server.url, w.officer.username)
    page.goto("/standards/accreditations/?state=registered")
    expect(page.get_by_test_id("accreditation-row")).to_contain_text(w.provider.name)
    seen(page, check_accessibility, "list-staff")
    page.get_by_role("link", name=w.provider.name).click()
    expect(page.get_by_test_id("history")).to_contain_text("Submit assessment")
    seen(page, check_accessibility, "accreditation-staff")
    context.close()
    public, page = holders_search(
        browser, live_server.url, w.provider.name, check_accessibility, "holders-found"
    )
    expect(page.get_by_test_id("holders")).to_contain_text(w.provider.name)
    expect(page.get_by_test_id("holders")).to_contain_text("Registered")
    public.close()


@pytest.mark.django_db(transaction=True)
def test_a_provisional_accreditation_ends_when_its_deadline_passes(
    browser, live_server, check_accessibility
):
    load_reference_data()
    w = scheme_world()
    submitted(w, today=months_after(timezone.localdate(), -8), s30="partial")
    context, page = signed_in(browser, live_server.url, w.admin.username)
    page.goto("/standards/accreditations/")
    expect(page.get_by_test_id("accreditation-row")).to_contain_text("Provisionally registered")
    call_command("standards", "sweep")
    page.reload()
    expect(page.get_by_test_id("accreditation-row")).to_contain_text("Terminated")
    seen(page, check_accessibility, "list-terminated")
    page.get_by_role("link", name=w.provider.name).click()
    expect(page.get_by_test_id("state")).to_have_text("Terminated")
    seen(page, check_accessibility, "accreditation-terminated")
    context.close()
    public, page = holders_search(
        browser, live_server.url, w.provider.name, check_accessibility, "holders-not-found"
    )
    expect(page.get_by_test_id("result-count")).to_have_text(
        f"No holder matching “{w.provider.name}”"
    )
    expect(page.get_by_test_id("holders")).to_have_count(0)
    public.close()
