import pytest
from django.test import Client

from touchstone.core.models import Job
from touchstone.core.services import job_run


def _job(user, **kwargs) -> Job:
    return Job.objects.create(kind="test", label="Board report", created_by=user, **kwargs)


@pytest.mark.django_db
def test_job_run_records_progress_and_result(officer):
    job = _job(officer)
    seen = []

    def work(job, progress):
        progress(1, 2)
        seen.append(Job.objects.get(pk=job.pk).percent)
        return "report.pdf", "application/pdf", b"%PDF-1.7"

    job_run(str(job.pk), work)
    job.refresh_from_db()
    assert seen == [50]
    assert job.state == Job.State.SUCCEEDED
    assert job.finished_at is not None
    assert bytes(job.result) == b"%PDF-1.7"


@pytest.mark.django_db
def test_job_run_records_the_error(officer):
    job = _job(officer)

    def work(job, progress):
        raise ValueError("the plan has no actions")

    with pytest.raises(ValueError):
        job_run(str(job.pk), work)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert job.message == "the plan has no actions"


@pytest.mark.django_db
def test_job_page_polls_until_finished_and_is_private(officer, outsider):
    job = _job(officer)
    client = Client()
    client.force_login(outsider)
    assert client.get(f"/jobs/{job.pk}/").status_code == 404
    client.force_login(officer)
    running = client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true")
    assert b'hx-trigger="every 1s"' in running.content
    assert b"<html" not in running.content  # the fragment only
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.SUCCEEDED,
        result=b"data",
        result_name="r.csv",
        result_content_type="text/csv",
    )
    done = client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true")
    assert b"hx-trigger" not in done.content
    download = client.get(f"/jobs/{job.pk}/download/")
    assert download.content == b"data"
    assert download["Content-Disposition"] == 'attachment; filename="r.csv"'
    client.force_login(outsider)
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 404
