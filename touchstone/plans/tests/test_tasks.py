"""The board report task: started as a core job, it keeps the file on the job with progress."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from touchstone.core.models import Job
from touchstone.core.services import job_start
from touchstone.plans.tasks import board_report, board_report_filename
from touchstone.plans.tests.factories import sample_plan


@pytest.fixture
def plan(organisation):
    return sample_plan(organisation, name="IPS business plan")


def start(plan, user, django_capture_on_commit_callbacks, **params) -> Job:
    """Start the job as the web UI does; the test task backend runs it once the (captured)
    transaction commits."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = job_start(
            acting_user=user,
            kind="plans.board_report",
            label=f"Board report: {plan.title}",
            organisation=plan.organisation,
            params={"plan": plan.pk, "as_of": "2010-01-15", **params},
            task=board_report,
        )
    assert len(callbacks) == 1
    job.refresh_from_db()
    return job


@pytest.mark.django_db
def test_the_job_keeps_the_board_report_pdf(plan, officer, django_capture_on_commit_callbacks):
    job = start(plan, officer, django_capture_on_commit_callbacks)
    assert (job.state, job.message, job.done, job.total) == (Job.State.SUCCEEDED, "", 2, 2)
    assert job.result_name == "ips-business-plan-board-report-2010-01-15.pdf"
    assert job.result_content_type == "application/pdf"
    assert job.finished_at is not None
    pdf = bytes(job.result)
    assert pdf.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "IPS business plan" in text and "15 January 2010" in text


@pytest.mark.django_db
def test_the_job_can_make_the_workbook(plan, officer, django_capture_on_commit_callbacks):
    job = start(plan, officer, django_capture_on_commit_callbacks, format="xlsx")
    assert job.state == Job.State.SUCCEEDED
    assert job.result_name == "ips-business-plan-actions-2010-01-15.xlsx"
    assert job.result_content_type.endswith("spreadsheetml.sheet")
    rows = list(load_workbook(io.BytesIO(bytes(job.result))).active.iter_rows(values_only=True))
    assert len(rows) == 6 and rows[0][0] == "area"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [({"format": "doc"}, 'unknown format "doc"'), ({"as_of": "15/01/2010"}, "isoformat")],
)
def test_a_job_that_cannot_run_fails_with_its_reason(
    plan, officer, django_capture_on_commit_callbacks, params, message
):
    job = start(plan, officer, django_capture_on_commit_callbacks, **params)
    assert job.state == Job.State.FAILED
    assert message in job.message
    assert job.result is None


def test_filenames_are_safe_slugs():
    class FakePlan:
        title = "LGSS Law / CCC CFA plan: 2017!"

    assert (
        board_report_filename(FakePlan(), as_of=date(2017, 8, 25))
        == "lgss-law-ccc-cfa-plan-2017-board-report-2017-08-25.pdf"
    )
