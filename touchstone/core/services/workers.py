"""Task workers' leases, orphaned tasks and the schedules of periodic work.

django-tasks-db marks a claimed task RUNNING with the worker's id and nothing else: if that
worker dies the row stays RUNNING for ever. Here each worker holds a lease (its heartbeat row,
naming the task it is running, written in the same transaction as the claim); any worker's
housekeeping finds RUNNING tasks that no live lease names, retries each once and then fails it,
and brings the job that task was running (if any) along.
"""

import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from touchstone.core import rules
from touchstone.core.models import Job, Schedule, WorkerHeartbeat
from touchstone.core.services.audit import AuditAction, audit_record, snapshot

logger = logging.getLogger("touchstone.worker")

WORKER_LOST = "touchstone.core.services.workers.WorkerLost"
RETRY_MESSAGE = "The worker running this job stopped. It is being tried again automatically."
FAILED_MESSAGE = (
    "The job stopped because the worker running it stopped, and it stopped again when it was "
    "tried a second time. Nothing was saved."
)
LOST_MESSAGE = "The job stopped unexpectedly. Nothing was saved."


class WorkerLost(Exception):
    """Recorded as the exception of a task whose worker stopped on its last allowed attempt."""


@dataclass
class Recovery:
    retried: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    jobs_failed: list[str] = field(default_factory=list)


def _lease_upsert(*, worker_id: str, started_at: datetime, now: datetime, **named) -> None:
    """Write a worker's lease row in one statement (INSERT ... ON CONFLICT DO UPDATE).

    A worker's two threads write the same row: the heartbeat and the claim of a task. After an
    outage that began before the row existed, both can find it missing at once; a read and
    then an insert would let one of them fail on the unique key (inside the claim's
    transaction, which would stop the worker). The upsert waits for the other's insert instead.
    """
    WorkerHeartbeat.objects.bulk_create(
        [
            WorkerHeartbeat(
                worker_id=worker_id,
                hostname=socket.gethostname()[:255],
                pid=os.getpid(),
                started_at=started_at,
                last_seen_at=now,
                **named,
            )
        ],
        update_conflicts=True,
        unique_fields=["worker_id"],
        update_fields=["last_seen_at", *named],
    )


def worker_heartbeat(*, worker_id: str, started_at: datetime, now: datetime | None = None) -> None:
    """Renew a worker's lease (creating its row the first time)."""
    _lease_upsert(worker_id=worker_id, started_at=started_at, now=now or timezone.now())


def worker_running(*, worker_id: str, task_id: str, started_at: datetime) -> None:
    """Name the task a worker is running (or "" for none). Call inside the claim's transaction."""
    _lease_upsert(worker_id=worker_id, started_at=started_at, now=timezone.now(), task_id=task_id)


def worker_stopped(*, worker_id: str) -> None:
    """A worker that stops cleanly gives up its lease."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def tasks_recover_orphans(
    *, lease_seconds: float, max_attempts: int, now: datetime | None = None
) -> Recovery:
    """Retry (once) or fail every RUNNING task that no live worker's lease names.

    The RUNNING rows are locked first and the leases read after: a claim commits its RUNNING
    row and its lease together, and a worker finishing a task must wait for the row lock, so a
    task seen RUNNING here is either named by a live lease or truly orphaned.
    """
    now = now or timezone.now()
    recovery = Recovery()
    with exclusive_transaction(DBTaskResult.objects.db):
        running = list(DBTaskResult.objects.running().select_for_update(skip_locked=True))
        if running:
            live = set(
                WorkerHeartbeat.objects.filter(
                    last_seen_at__gte=now - timedelta(seconds=lease_seconds)
                )
                .exclude(task_id="")
                .values_list("task_id", flat=True)
            )
            for task_row in running:
                if str(task_row.id) in live:
                    continue
                _recover(task_row, max_attempts=max_attempts, now=now, recovery=recovery)
        recovery.jobs_failed = _fail_jobs_whose_task_ended(now=now)
        WorkerHeartbeat.objects.filter(last_seen_at__lt=now - timedelta(days=1)).delete()
    for task_id in recovery.retried:
        logger.warning("task %s: its worker stopped; queued to run again", task_id)
    for task_id in recovery.failed:
        logger.error("task %s: its worker stopped on the last attempt; marked failed", task_id)
    return recovery


def _recover(task_row: DBTaskResult, *, max_attempts: int, now: datetime, recovery: Recovery):
    task_id = str(task_row.id)
    attempts = len(task_row.worker_ids)
    jobs = Job.objects.filter(task_id=task_id, state__in=[Job.State.QUEUED, Job.State.RUNNING])
    if rules.orphan_outcome(attempts=attempts, max_attempts=max_attempts) == "retry":
        task_row.status = TaskResultStatus.READY
        task_row.save(update_fields=["status"])
        jobs.update(state=Job.State.QUEUED, message=RETRY_MESSAGE)
        recovery.retried.append(task_id)
        return
    workers = ", ".join(task_row.worker_ids)
    task_row.status = TaskResultStatus.FAILED
    task_row.finished_at = now
    task_row.return_value = None
    task_row.exception_class_path = WORKER_LOST
    task_row.traceback = (
        f"{WORKER_LOST}: the worker stopped during each of {attempts} attempts ({workers}); "
        f"not retried again.\n"
    )
    task_row.save(
        update_fields=["status", "finished_at", "return_value", "exception_class_path", "traceback"]
    )
    for job in jobs:
        Job.objects.filter(pk=job.pk).update(
            state=Job.State.FAILED,
            message=FAILED_MESSAGE,
            finished_at=now,
        )
    recovery.failed.append(task_id)


def _fail_jobs_whose_task_ended(*, now: datetime) -> list[str]:
    """A job still open while its task has finished (the task failed before the job's own
    error handling ran, or was failed above) can never finish: say so."""
    open_jobs = dict(
        Job.objects.filter(state__in=[Job.State.QUEUED, Job.State.RUNNING])
        .exclude(task_id="")
        .values_list("task_id", "pk")
    )
    if not open_jobs:
        return []
    ended = (
        DBTaskResult.objects.finished().filter(id__in=list(open_jobs)).values_list("id", flat=True)
    )
    failed = []
    for task_id in ended:
        job_id = open_jobs[str(task_id)]
        Job.objects.filter(pk=job_id, state__in=[Job.State.QUEUED, Job.State.RUNNING]).update(
            state=Job.State.FAILED, message=LOST_MESSAGE, finished_at=now
        )
        failed.append(str(job_id))
    return failed


# --- schedules of periodic work ----------------------------------------------------------------


@transaction.atomic
def schedule_enable(*, acting_user, name: str, task_path: str, run_at: time) -> Schedule:
    """Keep `task_path` running daily at `run_at`; a worker enqueues each slot (and a missed
    one at its next check). Enabling again changes nothing but the time and path, and is
    audited only when it changes something."""
    import_string(task_path)  # refuse a path that does not name a task now, not at 06:00
    fields = ["task_path", "run_at", "enabled"]
    existing = Schedule.objects.select_for_update().filter(name=name).first()
    before = snapshot(existing, fields) if existing else None
    schedule, _ = Schedule.objects.update_or_create(
        name=name, defaults={"task_path": task_path, "run_at": run_at, "enabled": True}
    )
    after = snapshot(schedule, fields)
    if after != before:
        audit_record(
            actor=acting_user,
            action=AuditAction.ENABLE_SCHEDULE,
            obj=schedule,
            before=before,
            after=after,
        )
    return schedule


def schedules_enqueue_due(*, now: datetime | None = None) -> list[str]:
    """Enqueue one run of every enabled schedule whose latest slot has not been enqueued.

    The slot is claimed with a compare-and-set on `last_slot` in the same transaction as the
    enqueue, so several workers checking at once enqueue it once, and a crash between the two
    enqueues nothing and claims nothing.
    """
    now = timezone.localtime(now or timezone.now())
    enqueued = []
    for schedule in Schedule.objects.filter(enabled=True):
        slot = rules.latest_daily_slot(now, schedule.run_at)
        if not rules.slot_is_due(last_slot=schedule.last_slot, latest_slot=slot):
            continue
        with transaction.atomic():
            claimed = Schedule.objects.filter(pk=schedule.pk, last_slot=schedule.last_slot).update(
                last_slot=slot
            )
            if not claimed:
                continue
            result = import_string(schedule.task_path).enqueue()
            Schedule.objects.filter(pk=schedule.pk).update(last_task_id=str(result.id))
        logger.info("schedule %s: enqueued the run for %s", schedule.name, slot.isoformat())
        enqueued.append(schedule.name)
    return enqueued
