"""The officers' queue and the committee's cases as people meet them, on a desk and on a
phone: the filter behind its toggle on a phone, the table in its own scrolling region, the
sortable headings, and axe on each page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from touchstone.core.models import Role
from touchstone.rights.models import Application
from touchstone.rights.services import application_start
from touchstone.rights.tests import references

PASSWORD = "a-long-password-1"
PHONE = {"width": 390, "height": 844}
TODAY = timezone.localdate()


def _case(make_user, organisation, username, first, **fields):
    user = make_user(username)
    user.first_name, user.last_name = first, "Example"
    user.save()
    found = application_start(acting_user=user, regulator=organisation, scheme="immigration")
    references.given(found)
    Application.objects.filter(pk=found.pk).update(**fields)
    return found


def fits(page, width: int) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.django_db(transaction=True)
def test_the_queue_and_the_committees_cases_at_desk_and_phone_widths(
    page, sign_in, check_accessibility, make_user, organisation
):
    _case(
        make_user,
        organisation,
        "q-fee",
        "Zoe",
        application_state="fee_due",
        application_submitted_on=TODAY - timedelta(days=12),
    )
    _case(
        make_user,
        organisation,
        "q-referred",
        "Ravi",
        experience_state="referred",
        experience_submitted_on=TODAY - timedelta(days=30),
        experience_reasons="The periods overlap.",
        alc_hearing_on=TODAY + timedelta(days=10),
    )
    make_user("q-officer", (organisation, Role.OFFICER), password=PASSWORD)
    make_user("q-member", (organisation, Role.COMMITTEE_MEMBER), password=PASSWORD)

    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in("q-officer", PASSWORD)
    page.goto("/rights/staff/")
    queue = page.get_by_role("region", name="Applications")
    expect(queue.get_by_role("row").nth(1)).to_contain_text("Ravi Example")
    expect(page.get_by_label("State of a step")).to_be_visible()  # shown beside the list
    check_accessibility(page, "rights-queue")
    page.get_by_label("State of a step").select_option("application:fee_due")
    page.get_by_role("button", name="Apply filters").click()
    expect(queue.get_by_role("row")).to_have_count(2)
    expect(queue).to_contain_text("Record the payment of the fee")
    check_accessibility(page, "rights-queue-fee-due")
    page.goto("/rights/staff/")
    queue.get_by_role("link", name="Applicant").click()
    expect(queue.get_by_role("columnheader", name="Applicant")).to_have_attribute(
        "aria-sort", "ascending"
    )
    expect(queue.get_by_role("row").nth(1)).to_contain_text("Ravi Example")

    page.set_viewport_size(PHONE)
    page.goto("/rights/staff/")
    show = page.get_by_role("button", name="Show filter")
    expect(show).to_be_visible()
    expect(page.get_by_label("State of a step")).to_be_hidden()
    assert fits(page, PHONE["width"])
    check_accessibility(page, "rights-queue-390")
    show.click()
    expect(page.get_by_label("State of a step")).to_be_visible()
    assert fits(page, PHONE["width"])
    check_accessibility(page, "rights-queue-filter-390")

    page.get_by_role("button", name="Sign out").click()
    sign_in("q-member", PASSWORD)
    page.goto("/rights/committee/")
    cases = page.get_by_role("region", name="Cases referred to the committee")
    expect(cases.get_by_role("row")).to_have_count(2)
    assert fits(page, PHONE["width"])
    check_accessibility(page, "rights-committee-390")
    cases.get_by_role("link", name="Ravi Example").click()
    expect(page.get_by_role("heading", name="Ravi Example", level=1)).to_be_visible()
    expect(page.get_by_test_id("reasons")).to_have_text("The periods overlap.")
    assert fits(page, PHONE["width"])
    check_accessibility(page, "rights-committee-case-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    check_accessibility(page, "rights-committee-case")
