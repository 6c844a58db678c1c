"""Starting and reporting on long jobs. The task does the work; the page polls the job."""

from collections.abc import Callable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from touchstone.core.models import Job


@transaction.atomic
def job_start(*, acting_user, kind: str, label: str, organisation, params: dict, task) -> Job:
    """Record a job and enqueue `task(job_id)` once the transaction commits.

    The job keeps its task's id, so a task whose worker stopped brings its job along (retried,
    or failed with a message the person sees: `services.workers.tasks_recover_orphans`).
    """
    job = Job.objects.create(
        kind=kind, label=label, organisation=organisation, created_by=acting_user, params=params
    )

    def enqueue() -> None:
        result = task.enqueue(str(job.pk))
        Job.objects.filter(pk=job.pk).update(task_id=str(result.id))

    transaction.on_commit(enqueue)
    return job


def job_run(job_id: str, work: Callable[[Job, Callable[[int, int], None]], tuple[str, str, bytes]]):
    """Run `work(job, progress)` for a job, recording progress, the result file or the error."""
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.RUNNING, attempts=F("attempts") + 1, done=0, message=""
    )

    def progress(done: int, total: int) -> None:
        Job.objects.filter(pk=job.pk).update(done=done, total=total)

    try:
        name, content_type, payload = work(job, progress)
    except Exception as exc:  # noqa: BLE001 — the error is shown to the person who started it
        Job.objects.filter(pk=job.pk).update(
            state=Job.State.FAILED, message=str(exc)[:2000], finished_at=timezone.now()
        )
        raise
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.SUCCEEDED,
        result_name=name,
        result_content_type=content_type,
        result=payload,
        finished_at=timezone.now(),
    )
