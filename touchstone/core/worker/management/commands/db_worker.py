"""`touchstone db_worker`: run background tasks (django-tasks-db's worker, extended).

Same options as django-tasks-db's command; the worker also holds a lease, recovers tasks whose
worker stopped, enqueues due periodic schedules, and outlives database outages
(`touchstone.core.worker.runner`). Tuned by TOUCHSTONE_WORKER_LEASE_SECONDS,
TOUCHSTONE_TASK_MAX_ATTEMPTS and TOUCHSTONE_WORKER_MAX_BACKOFF_SECONDS (docs/operations.md).
"""

import os

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from touchstone.core.worker.runner import LeasedWorker


class Command(db_worker.Command):
    help = (
        "Run background tasks: claim them from the database, hold a lease while running one, "
        "retry (once) tasks whose worker stopped, enqueue periodic schedules, and keep running "
        "through database outages."
    )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        config = settings.TOUCHSTONE_WORKER
        worker = LeasedWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
            lease_seconds=config["LEASE_SECONDS"],
            max_attempts=config["MAX_ATTEMPTS"],
            max_backoff=config["MAX_BACKOFF_SECONDS"],
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
