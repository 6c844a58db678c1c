"""The worker loop: django-tasks-db's `Worker`, kept alive through database outages, holding a
lease while it runs a task, and doing the housekeeping no single task can do for itself.

- Lease: a heartbeat thread renews the worker's row every `lease / 4` seconds; the claim of a
  task names it in the same row in the same transaction (`worker_running`).
- Housekeeping, at start and every `lease / 4` seconds: orphaned tasks are retried once, then
  failed (`tasks_recover_orphans`); schedules whose slot is due (or was missed) are enqueued
  (`schedules_enqueue_due`).
- Outages: any database error outside a task closes the connections and waits, doubling from
  half a second up to `max_backoff` seconds, then tries again; the process never exits for it.
  A task cut off by an outage is left RUNNING and unnamed, so housekeeping retries it.
"""

import contextlib
import logging
import random
import threading
import time

from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from touchstone.core import rules
from touchstone.core.services import workers as services

logger = logging.getLogger("django_tasks_db")

DATABASE_ERRORS = (OperationalError, InterfaceError)


def _close_connections() -> None:
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(*DATABASE_ERRORS):
            connection.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class LeasedWorker(Worker):
    def __init__(
        self, *, lease_seconds: float, max_attempts: int, max_backoff: float, **kwargs
    ) -> None:
        super().__init__(**kwargs)
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.max_backoff = max_backoff
        self.started_at = timezone.now()
        self.beat_every = max(lease_seconds / 4, 0.05)
        self._stop_beating = threading.Event()
        self._named_task: str | None = None  # the task our lease row names, if any
        self._next_housekeeping = 0.0

    # --- lease -------------------------------------------------------------------------------

    def _beat_forever(self) -> None:
        failures = 0
        while not self._stop_beating.is_set():
            try:
                services.worker_heartbeat(worker_id=self.worker_id, started_at=self.started_at)
                failures = 0
            except DATABASE_ERRORS as exc:
                failures += 1
                logger.debug("heartbeat of worker_id=%s failed: %s", self.worker_id, exc)
                _close_connections()
            finally:
                close_old_connections()
            self._stop_beating.wait(self.beat_every)
        _close_connections()

    def _start_heartbeat(self) -> threading.Thread:
        thread = threading.Thread(target=self._beat_forever, name="heartbeat", daemon=True)
        thread.start()
        return thread

    # --- loop --------------------------------------------------------------------------------

    def run(self) -> None:
        logger.info(
            "Starting worker worker_id=%s queues=%s lease=%ss",
            self.worker_id,
            ",".join(self.queue_names),
            self.lease_seconds,
        )
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 — spread a fleet's first polls
        heartbeat = self._start_heartbeat()
        failures = 0
        try:
            while self.running:
                try:
                    finished = self._iterate()
                except DATABASE_ERRORS as exc:
                    if is_locked_database_exception(exc):
                        continue
                    failures += 1
                    delay = rules.backoff_seconds(failures, cap=self.max_backoff)
                    logger.warning(
                        "Database unavailable (%s); worker_id=%s retrying in %.1fs",
                        str(exc).strip().splitlines()[0]
                        if str(exc).strip()
                        else type(exc).__name__,
                        self.worker_id,
                        delay,
                    )
                    _close_connections()
                    if self.running:
                        time.sleep(delay)
                    continue
                if failures:
                    logger.warning("Database reachable again; worker_id=%s", self.worker_id)
                    failures = 0
                if finished:
                    return
        finally:
            self._stop_beating.set()
            heartbeat.join(timeout=5)
            with contextlib.suppress(*DATABASE_ERRORS):  # if not, the lease lapses by itself
                services.worker_stopped(worker_id=self.worker_id)

    def _iterate(self) -> bool:
        """One pass: housekeeping when due, then claim and run one task. True means stop."""
        close_old_connections()
        if self._named_task is not None:  # a task cut off by an outage: let it go
            self._name_task("")
        if time.monotonic() >= self._next_housekeeping:
            self.housekeeping()
            self._next_housekeeping = time.monotonic() + self.beat_every

        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)

        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
                self._name_task(str(task_result.id))

        if task_result is not None:
            self.run_task(task_result)  # raises only if the result cannot be recorded
            self._name_task("")

        if self.batch and task_result is None:
            logger.info(
                "No more tasks to run for worker_id=%s - exiting gracefully.", self.worker_id
            )
            return True
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            logger.info(
                "Run maximum tasks (%d) on worker=%s - exiting gracefully.",
                self._run_tasks,
                self.worker_id,
            )
            return True
        close_old_connections()
        if self.running and task_result is None:
            time.sleep(self.interval)
        return False

    def _name_task(self, task_id: str) -> None:
        """Name the task our lease covers ("" for none): inside the claim's transaction."""
        services.worker_running(
            worker_id=self.worker_id, task_id=task_id, started_at=self.started_at
        )
        self._named_task = task_id or None

    def housekeeping(self) -> None:
        services.tasks_recover_orphans(
            lease_seconds=self.lease_seconds, max_attempts=self.max_attempts
        )
        services.schedules_enqueue_due()
