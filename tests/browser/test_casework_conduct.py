"""A conduct case taken to a published finding, as the regulator's staff do it in a browser:
the queue, the case page with its timeline, moving the case to a panel, naming the panel
(none of them on the board or council), the reasoned decision checked before it is
recorded, and the finding then on the public register; axe on each page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.forms import fill_date
from touchstone.casework.tests.conduct_build import conduct_case, conduct_world

PASSWORD = "pw"  # core.testing.new_user's


@pytest.mark.django_db(transaction=True)
def test_a_conduct_case_to_a_published_finding(page, sign_in, check_accessibility):
    w = conduct_world()
    case = conduct_case(w, "assessment", "investigation")

    sign_in("conduct-officer", PASSWORD)
    page.goto("/casework/staff/")
    queue = page.get_by_role("region", name="Cases")
    expect(queue).to_contain_text("FTP-1")
    check_accessibility(page, "casework-queue")
    queue.get_by_role("link", name="FTP-1").click()
    expect(page.get_by_test_id("stage")).to_have_text("Investigation")
    expect(page.get_by_test_id("provider").get_by_role("link")).to_have_text("Pat Member")
    check_accessibility(page, "casework-case")

    page.get_by_role("link", name="Move on").click()
    page.get_by_label("Decision by a panel").check()
    check_accessibility(page, "casework-move")
    page.get_by_role("button", name="Move the case on").click()
    expect(page.get_by_test_id("stage")).to_have_text("Decision by a panel")

    for member in ("panel-1", "panel-2", "panel-3"):
        page.get_by_role("link", name="Add a panel member").click()
        expect(page.get_by_label("board", exact=True)).to_have_count(0)  # the board is not offered
        page.get_by_label(member, exact=True).check()
        page.get_by_role("button", name="Add a panel member").click()
        expect(page.get_by_test_id("panel")).to_contain_text(member)
    check_accessibility(page, "casework-case-panel")

    page.context.clear_cookies()
    sign_in("panel-1", PASSWORD)
    page.goto(f"/casework/staff/cases/{case.pk}/")
    page.get_by_role("link", name="Record the decision").click()
    expect(page.get_by_test_id("guidelines")).to_contain_text("Reprimand")
    check_accessibility(page, "casework-decide")
    page.get_by_label("The allegation").fill("The member misled a client about fees.")
    page.get_by_label("Facts found").fill("The client was quoted £500 and billed £5,000.")
    page.get_by_label("Findings").fill("The member acted without integrity.")
    page.get_by_label("Allegation proved").check()
    page.get_by_label("Reprimand").check()
    page.get_by_label("Reasons").fill("A serious departure from the standards.")
    fill_date(page, "Date of the decision", timezone.localdate())
    page.get_by_label("Publish the finding on the register").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before recording the decision"
    )
    expect(page.locator("main")).to_contain_text("The member acted without integrity.")
    check_accessibility(page, "casework-decide-check")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("main")).to_contain_text("Decision recorded")
    expect(page.get_by_test_id("stage")).to_have_text("Concluded")
    expect(page.get_by_test_id("decisions")).to_contain_text("published on the register")
    check_accessibility(page, "casework-decided")

    page.context.clear_cookies()
    page.goto("/register/C1001/")
    expect(page.locator("main")).to_contain_text("The member acted without integrity.")
    expect(page.locator("main")).to_contain_text("Reprimand")
    check_accessibility(page, "casework-published-finding")
