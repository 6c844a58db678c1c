"""The plans journey: import, find, record progress, read the history, get the board PDF."""

import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from touchstone.core.models import Role
from touchstone.core.services import worker_heartbeat
from touchstone.plans.models import Action, ProgressUpdate

PLAN_CSV = "\n".join(
    [
        "area,target,action,due,leads,progress,rag,status,ref",
        "Registration,Register is accurate,Publish the register of advocates,July 2009,BB IW,"
        "Draft ready,G,in progress,2.1.1",
        "Registration,Register is accurate,Review member specialisms,TBA,TB,,A,not started,2.1.2",
        "Fitness to practise,Timely cases,Introduce case tracking,Q1 2018-19,BB,,R,,3.1.1",
    ]
)


@pytest.mark.django_db(transaction=True)
def test_import_find_update_and_report(
    page, sign_in, check_accessibility, make_user, organisation, tmp_path: Path
):
    make_user("beth", (organisation, Role.OFFICER), password="a-long-password-1")
    sign_in("beth", "a-long-password-1")

    page.get_by_role("link", name="Plans", exact=True).first.click()
    check_accessibility(page, "plans-list-empty")
    page.get_by_role("link", name="Import a plan").click()
    check_accessibility(page, "plans-import")
    csv_path = tmp_path / "plan.csv"
    csv_path.write_text(PLAN_CSV)
    page.get_by_label("Plan name").fill("Business plan 2018-19")
    page.get_by_label("File").set_input_files(str(csv_path))
    page.get_by_role("button", name="Preview import").click()
    assert page.get_by_text("Publish the register of advocates").is_visible()
    check_accessibility(page, "plans-import-preview")
    page.get_by_role("button", name="Confirm import").click()
    assert page.get_by_role("heading", name="Business plan 2018-19").is_visible()
    check_accessibility(page, "plans-dashboard")

    page.get_by_role("link", name="Plans", exact=True).first.click()
    page.get_by_role("link", name="Business plan 2018-19").click()
    page.get_by_role("link", name="Publish the register of advocates").first.click()
    check_accessibility(page, "plans-action")

    page.get_by_label("Progress made").fill("Advocates register published on the website")
    page.get_by_role("button", name="Record progress").click()
    assert page.get_by_text("Advocates register published on the website").first.is_visible()
    action = Action.objects.get(text="Publish the register of advocates")
    assert ProgressUpdate.objects.filter(action=action).count() == 2

    page.get_by_role("link", name="View history").click()
    assert page.get_by_text("Record progress").first.is_visible()
    check_accessibility(page, "plans-action-history")

    page.go_back()
    page.get_by_role("link", name="Business plan 2018-19").first.click()
    # No worker is running: the page says so and offers the report directly.
    assert page.get_by_text("The background worker is not running just now").is_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the board report (PDF)").click()
    assert_board_report(download_info.value, tmp_path / "direct.pdf")

    # With a worker, the one action prepares it in the background and offers it when ready.
    worker_heartbeat(worker_id="browser-worker", started_at=timezone.now())
    page.reload()
    page.get_by_role("button", name="Prepare the board report (PDF)").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download").click()
    assert_board_report(download_info.value, tmp_path / "board.pdf")


def assert_board_report(download, pdf_path: Path) -> None:
    download.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Business plan 2018-19" in text
