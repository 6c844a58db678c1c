"""Tasks the worker fault tests run in real `touchstone db_worker` processes.

`blocking_job` is a job that says it has started and then blocks reading a FIFO until the test
writes to it (no timers): the test can kill its worker at a known point, or release it.
"""

import os
from pathlib import Path

from django_tasks import task

from touchstone.core.services import job_run


@task()
def blocking_job(job_id: str) -> None:
    def work(job, progress):
        gate = Path(job.params["gate"])
        with (gate.parent / "started").open("a") as started:
            started.write(f"{os.getpid()}\n")
        progress(1, 2)
        with gate.open() as fifo:  # blocks until the test opens the FIFO to write
            fifo.read()
        return "done.txt", "text/plain", b"done"

    job_run(job_id, work)


@task()
def note(text: str) -> str:
    """A task with nothing to wait for: it returns its argument."""
    return text
