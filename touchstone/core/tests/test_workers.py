"""Leases, orphaned tasks and schedules, in process (the real-process faults are in
test_worker_processes.py)."""

import threading
from datetime import datetime, time, timedelta

import pytest
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from touchstone.core.models import AuditEvent, Job, Schedule, WorkerHeartbeat
from touchstone.core.services import (
    AuditAction,
    schedule_enable,
    schedules_enqueue_due,
    tasks_recover_orphans,
    worker_heartbeat,
    worker_running,
)
from touchstone.core.services.workers import (
    FAILED_MESSAGE,
    LOST_MESSAGE,
    RETRY_MESSAGE,
    WORKER_LOST,
)
from touchstone.core.tests.processes import wait_for
from touchstone.core.tests.worker_tasks import note

TASK = "touchstone.core.tasks.sweep_deadlines_daily"
DB_TASKS = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
LEASE = 60


def claimed(worker_ids: list[str]) -> DBTaskResult:
    """A task row as a worker leaves it when it claims it (`DBTaskResult.claim`)."""
    row = DBTaskResult.objects.get(id=note.enqueue("x").id)
    row.status = "RUNNING"
    row.worker_ids = worker_ids
    row.started_at = timezone.now()
    row.save()
    return row


def job_for(row: DBTaskResult, user) -> Job:
    return Job.objects.create(
        kind="test", label="Report", created_by=user, state="running", task_id=str(row.id)
    )


def lease(worker_id: str, task_id: str, *, seen_ago: float = 0) -> None:
    worker_running(worker_id=worker_id, task_id=task_id, started_at=timezone.now())
    WorkerHeartbeat.objects.filter(worker_id=worker_id).update(
        last_seen_at=timezone.now() - timedelta(seconds=seen_ago)
    )


@pytest.mark.django_db
@DB_TASKS
def test_a_task_named_by_a_live_lease_is_left_alone(officer):
    row = claimed(["w1"])
    job = job_for(row, officer)
    lease("w1", str(row.id), seen_ago=LEASE / 2)
    recovery = tasks_recover_orphans(lease_seconds=LEASE, max_attempts=2)
    assert recovery.retried == recovery.failed == []
    row.refresh_from_db()
    job.refresh_from_db()
    assert (row.status, job.state) == ("RUNNING", "running")


@pytest.mark.django_db
@DB_TASKS
@pytest.mark.parametrize(
    "how_the_worker_went",
    ["lease lapsed", "no lease at all", "lease names another task"],
)
def test_an_orphaned_task_is_retried_once_and_its_job_says_so(officer, how_the_worker_went):
    row = claimed(["w1"])
    job = job_for(row, officer)
    if how_the_worker_went == "lease lapsed":
        lease("w1", str(row.id), seen_ago=LEASE + 1)
    elif how_the_worker_went == "lease names another task":
        lease("w1", "some-other-task")
    recovery = tasks_recover_orphans(lease_seconds=LEASE, max_attempts=2)
    assert recovery.retried == [str(row.id)]
    row.refresh_from_db()
    job.refresh_from_db()
    assert row.status == "READY"
    assert (job.state, job.message) == ("queued", RETRY_MESSAGE)
    assert DBTaskResult.objects.ready().get() == row  # a worker will claim it again


@pytest.mark.django_db
@DB_TASKS
def test_an_orphaned_task_on_its_last_attempt_is_failed_and_so_is_its_job(officer):
    row = claimed(["w1", "w2"])
    job = job_for(row, officer)
    lease("w2", str(row.id), seen_ago=LEASE + 1)
    recovery = tasks_recover_orphans(lease_seconds=LEASE, max_attempts=2)
    assert recovery.failed == [str(row.id)]
    row.refresh_from_db()
    job.refresh_from_db()
    assert (row.status, row.exception_class_path) == ("FAILED", WORKER_LOST)
    assert "w1, w2" in row.traceback
    assert (job.state, job.message) == ("failed", FAILED_MESSAGE)
    assert job.finished_at is not None
    assert tasks_recover_orphans(lease_seconds=LEASE, max_attempts=2).failed == []


@pytest.mark.django_db
@DB_TASKS
def test_an_open_job_whose_task_has_ended_is_failed(officer):
    row = claimed(["w1"])
    row.status = "FAILED"
    row.finished_at = timezone.now()
    row.save()
    job = job_for(row, officer)
    assert tasks_recover_orphans(lease_seconds=LEASE, max_attempts=2).jobs_failed == [str(job.pk)]
    job.refresh_from_db()
    assert (job.state, job.message) == ("failed", LOST_MESSAGE)


@pytest.mark.django_db
def test_heartbeats_renew_one_row_per_worker():
    started = timezone.now()
    worker_heartbeat(worker_id="w1", started_at=started)
    first = WorkerHeartbeat.objects.get().last_seen_at
    worker_heartbeat(worker_id="w1", started_at=started, now=first + timedelta(seconds=5))
    beat = WorkerHeartbeat.objects.get()
    assert beat.last_seen_at == first + timedelta(seconds=5)
    assert beat.task_id == ""


def local(day_offset: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=day_offset)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@pytest.mark.django_db
@DB_TASKS
def test_a_schedule_enqueues_each_slot_once_and_catches_up_a_missed_one():
    schedule_enable(
        acting_user=None,
        name="deadline-sweep",
        task_path="touchstone.core.tasks.sweep_deadlines_daily",
        run_at=time(6, 0),
    )
    assert schedules_enqueue_due(now=local(0, 5)) == ["deadline-sweep"]  # yesterday's slot
    assert schedules_enqueue_due(now=local(0, 5, 59)) == []
    assert schedules_enqueue_due(now=local(0, 6)) == ["deadline-sweep"]
    assert schedules_enqueue_due(now=local(0, 23)) == []
    # No worker for three days (or the runs crashed): one run at the next check, not three.
    assert schedules_enqueue_due(now=local(3, 9)) == ["deadline-sweep"]
    assert schedules_enqueue_due(now=local(3, 10)) == []
    schedule = Schedule.objects.get()
    assert schedule.last_slot == local(3, 6)
    assert DBTaskResult.objects.count() == 3
    assert str(DBTaskResult.objects.order_by("-enqueued_at").first().id) == schedule.last_task_id


@pytest.mark.django_db
@DB_TASKS
def test_a_disabled_schedule_enqueues_nothing_and_a_bad_path_is_refused():
    schedule_enable(
        acting_user=None,
        name="x",
        task_path="touchstone.core.tasks.sweep_deadlines_daily",
        run_at=time(6),
    )
    Schedule.objects.update(enabled=False)
    assert schedules_enqueue_due(now=local(0, 7)) == []
    with pytest.raises(ImportError):
        schedule_enable(
            acting_user=None,
            name="y",
            task_path="touchstone.core.tasks.nothing_here",
            run_at=time(6),
        )


@pytest.mark.django_db
def test_a_failed_job_page_stops_polling_and_says_what_to_do(officer):
    job = Job.objects.create(
        kind="test",
        label="Board report",
        created_by=officer,
        state="failed",
        message=FAILED_MESSAGE,
        finished_at=timezone.now(),
    )
    client = Client()
    client.force_login(officer)
    fragment = client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in fragment
    assert FAILED_MESSAGE in fragment
    assert "start the job again from the page where you started it" in fragment
    assert str(job.pk) in fragment
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "hx-trigger" not in page
    assert "This page updates by itself" not in page


@pytest.mark.django_db
def test_a_job_being_retried_keeps_polling_and_says_it_is_retried(officer):
    job = Job.objects.create(
        kind="test",
        label="Board report",
        created_by=officer,
        state="queued",
        message=RETRY_MESSAGE,
    )
    client = Client()
    client.force_login(officer)
    fragment = client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in fragment
    assert RETRY_MESSAGE in fragment


@pytest.mark.django_db(transaction=True)
def test_a_claim_waits_for_the_heartbeat_creating_the_lease_row_at_the_same_moment():
    """After an outage that began before a worker's row existed, its heartbeat thread and its
    claim of a task can both find the row missing at once. The claim (inside its transaction)
    must wait for the heartbeat's insert and then name its task, not fail on the key."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite admits one writer at a time: the two inserts cannot interleave")
    started = timezone.now()
    inserted, release = threading.Event(), threading.Event()
    claim: dict = {}

    def heartbeat() -> None:
        try:
            with transaction.atomic():
                worker_heartbeat(worker_id="w1", started_at=started)
                inserted.set()
                release.wait(timeout=60)
        finally:
            connection.close()

    def claim_task() -> None:
        try:
            with transaction.atomic():
                claim["pid"] = connection.cursor().connection.info.backend_pid
                worker_running(worker_id="w1", task_id="task-1", started_at=started)
        except Exception as exc:  # noqa: BLE001 — the failure this test is about
            claim["error"] = exc
        finally:
            connection.close()

    beating = threading.Thread(target=heartbeat)
    beating.start()
    assert inserted.wait(timeout=60)
    claiming = threading.Thread(target=claim_task)
    claiming.start()
    wait_for("the claim to wait for the heartbeat's insert", lambda: lock_waiter(claim))
    release.set()
    beating.join(timeout=60)
    claiming.join(timeout=60)
    assert "error" not in claim, claim.get("error")
    assert list(WorkerHeartbeat.objects.values_list("worker_id", "task_id")) == [("w1", "task-1")]


def lock_waiter(claim: dict) -> bool:
    if "pid" not in claim:
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [claim["pid"]]
        )
        row = cursor.fetchone()
    return bool(row) and row[0] == "Lock"


@pytest.mark.django_db
def test_enabling_a_schedule_is_audited_when_it_changes_something():
    def enable(run_at: time) -> None:
        schedule_enable(
            acting_user=None,
            name="deadline-sweep",
            task_path="touchstone.core.tasks.sweep_deadlines_daily",
            run_at=run_at,
        )

    enable(time(6))
    enable(time(6))  # already so: nothing to record
    enable(time(7))
    events = AuditEvent.objects.filter(action=AuditAction.ENABLE_SCHEDULE).order_by("pk")
    assert [(e.actor_label, e.before, e.after) for e in events] == [
        ("system", None, {"task_path": TASK, "run_at": "06:00:00", "enabled": True}),
        (
            "system",
            {"task_path": TASK, "run_at": "06:00:00", "enabled": True},
            {"task_path": TASK, "run_at": "07:00:00", "enabled": True},
        ),
    ]
