"""`touchstone db_worker` under faults, as real processes: a worker killed with SIGKILL in the
middle of a job, the database refusing connections and coming back, a missed daily run.

Workers here hold a 2-second lease (production: 60) so that a killed one is noticed quickly.
"""

import os
import re
from pathlib import Path

import pytest

from touchstone.core.services.workers import FAILED_MESSAGE, WORKER_LOST
from touchstone.core.tests.processes import Outage, drop, migrated_database, wait_for

pytestmark = [
    pytest.mark.database,  # its own database, on SQLite or PostgreSQL as the run's
    pytest.mark.xdist_group("worker-processes"),  # one worker migrates the module's database, once
]
LEASE = {"TOUCHSTONE_WORKER_LEASE_SECONDS": "2"}
XDIST = os.environ.get("PYTEST_XDIST_WORKER", "gw")
PORT = 8210 + int(re.sub(r"\D", "", XDIST) or 0)  # 8210-8219: within this project's range


@pytest.fixture(scope="module")
def processes_db(tmp_path_factory):
    database = migrated_database(tmp_path_factory.mktemp("processes"), XDIST)
    yield database
    drop(database)


@pytest.fixture
def database(processes_db, tmp_path):
    processes_db.workdir = tmp_path
    yield processes_db
    processes_db.stop_children()
    for table in (
        "core_deadline_responsible",
        "core_job",
        "django_tasks_database_dbtaskresult",
        "core_workerheartbeat",
        "core_schedule",
        "core_notification",
        "core_deadline",
    ):
        processes_db.sql(f"DELETE FROM {table}")  # noqa: S608 — fixed table names


def uuid_param(database, value: str) -> str:
    return value.replace("-", "") if database.vendor == "sqlite" else value


def start_blocking_job(database, tmp_path: Path) -> tuple[str, Path, Path]:
    gate = tmp_path / "gate"
    os.mkfifo(gate)
    job_id = database.django(
        "from touchstone.core.services import job_start\n"
        "from touchstone.core.tests.worker_tasks import blocking_job\n"
        "job = job_start(acting_user=None, kind='test', label='Blocking job', organisation=None,"
        f" params={{'gate': {str(gate)!r}}}, task=blocking_job)\n"
        "print(job.pk)\n"
    ).strip()
    return job_id, gate, tmp_path / "started"


def starts(started: Path) -> int:
    return len(started.read_text().split()) if started.exists() else 0


def job_row(database, job_id: str) -> tuple:
    return database.one(
        "SELECT state, message, attempts, task_id FROM core_job WHERE id = %s",
        (uuid_param(database, job_id),),
    )


def task_row(database, task_id: str) -> tuple:
    return database.one(
        "SELECT status, worker_ids, exception_class_path FROM django_tasks_database_dbtaskresult "
        "WHERE id = %s",
        (uuid_param(database, task_id),),
    )


def test_a_job_whose_worker_is_killed_is_retried_once_then_failed_never_left_running(
    database, tmp_path
):
    job_id, gate, started = start_blocking_job(database, tmp_path)
    first = database.worker("worker-a", **LEASE)
    wait_for("worker-a to start the job", lambda: starts(started) == 1)
    first.kill()
    state, _, attempts, task_id = job_row(database, job_id)
    assert (state, attempts) == ("running", 1)
    assert task_row(database, task_id)[0] == "RUNNING"

    # The next worker finds the task orphaned (worker-a's lease lapsed) and runs it again.
    second = database.worker("worker-b", **LEASE)
    wait_for("worker-b to start the job again", lambda: starts(started) == 2)
    assert job_row(database, job_id)[:3] == ("running", "", 2)
    status, worker_ids, _ = task_row(database, task_id)
    assert status == "RUNNING"
    assert "worker-a" in worker_ids and "worker-b" in worker_ids
    second.kill()

    # Its second worker dies too: the next worker fails it, with the message the person sees.
    third = database.worker("worker-c", **LEASE)
    wait_for("the job to be failed", lambda: job_row(database, job_id)[0] == "failed")
    state, message, attempts, task_id = job_row(database, job_id)
    assert (message, attempts) == (FAILED_MESSAGE, 2)
    status, _, exception = task_row(database, task_id)
    assert (status, exception) == ("FAILED", WORKER_LOST)
    assert starts(started) == 2  # not tried a third time
    assert third.alive()

    # And that worker carries on with other work.
    later = enqueue_note(database, "later")
    wait_for("the next task to run", lambda: task_status(database, later) == "SUCCESSFUL")
    assert third.alive()


def enqueue_note(database, text: str) -> str:
    return database.django(
        f"from touchstone.core.tests.worker_tasks import note\nprint(note.enqueue({text!r}).id)\n"
    ).strip()


def task_status(database, task_id: str) -> str | None:
    row = task_row(database, task_id)
    return row[0] if row else None


def test_the_worker_outlives_the_database_going_away_and_runs_tasks_when_it_is_back(database):
    outage = Outage(database, PORT)
    first = enqueue_note(database, "first")
    # On PostgreSQL the worker keeps its connection (the outage cuts it); a kept SQLite
    # connection holds its file open, so there the outage is seen by each new connection.
    kept = "600" if database.vendor == "postgresql" else "0"
    worker = database.worker(
        "worker-r",
        DATABASE_URL=outage.url,
        TOUCHSTONE_DB_CONN_MAX_AGE=kept,
        TOUCHSTONE_WORKER_MAX_BACKOFF_SECONDS="0.5",
        **LEASE,
    )

    def refusals() -> int:
        return worker.output().count("Database unavailable")

    def wait(what, predicate):
        def explain() -> str:
            proxy = getattr(outage, "proxy", None)
            seen = f"the proxy: {', '.join(proxy.events)}\n" if proxy is not None else ""
            return f"{seen}{worker.name} said:\n{worker.output()}"

        return wait_for(what, predicate, explain=explain)

    wait("the worker to retry a refused connection", lambda: refusals() >= 3)
    assert worker.alive()
    assert task_status(database, first) == "READY"
    outage.up()
    wait("the first task to run", lambda: task_status(database, first) == "SUCCESSFUL")

    seen = refusals()
    outage.down()  # mid-run: the worker's connection is cut and new ones are refused
    wait("the worker to notice the outage", lambda: refusals() >= seen + 2)
    second = enqueue_note(database, "second")
    assert worker.alive()
    outage.up()
    wait("the second task to run", lambda: task_status(database, second) == "SUCCESSFUL")
    assert worker.alive()
    assert "Database reachable again" in worker.output()
    outage.down()


def test_a_missed_daily_run_is_caught_up_when_a_worker_next_checks(database):
    # `touchstone deadlines schedule`, then the sweep last ran three days ago and no worker
    # ran since (a crash, an outage, a holiday); an overdue deadline has not been notified.
    database.django(
        "from datetime import timedelta\n"
        "from django.core.management import call_command\n"
        "from django.utils import timezone\n"
        "from touchstone.core import rules\n"
        "from touchstone.core.models import Organisation, Schedule, User\n"
        "from touchstone.core.services import deadline_set\n"
        "call_command('deadlines', 'schedule')\n"
        "s = Schedule.objects.get(name='deadline-sweep')\n"
        "slot = rules.latest_daily_slot(timezone.localtime(), s.run_at) - timedelta(days=3)\n"
        "Schedule.objects.filter(pk=s.pk).update(last_slot=slot)\n"
        "body = Organisation.objects.create(slug='body', name='Body', kind='regulator')\n"
        "lead = User.objects.create_user(username='lead', email='lead@example.test')\n"
        "deadline_set(acting_user=None, subject=body, organisation=body, kind='test',"
        " label='Annual return', due_on=timezone.localdate() - timedelta(days=2),"
        " responsible=[lead])\n"
    )
    worker = database.worker("worker-s", **LEASE)
    sweep = "touchstone.core.tasks.sweep_deadlines_daily"

    def sweeps() -> list[tuple]:
        return database.sql(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path = %s",
            (sweep,),
        )

    wait_for("the missed sweep to run", lambda: sweeps() == [("SUCCESSFUL",)])
    last_task = database.one(
        "SELECT last_task_id FROM core_schedule WHERE name = %s", ("deadline-sweep",)
    )[0]
    assert task_status(database, last_task) == "SUCCESSFUL"
    assert database.one("SELECT COUNT(*) FROM core_notification")[0] == 1  # the overdue one
    assert worker.alive()
    # One run catches up however many days were missed, and nothing more is enqueued.
    worker.process.terminate()
    worker.process.wait(timeout=30)
    assert sweeps() == [("SUCCESSFUL",)]
