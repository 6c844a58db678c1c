"""Task workers' leases and the schedules of periodic work, both kept in the database.

A worker holds a lease by writing its heartbeat; a task whose worker's lease has lapsed (or whose
worker has moved on to something else) was orphaned and is retried once, then failed. A schedule
records the last slot it enqueued, so a slot missed while no worker was running is enqueued the
next time a worker checks.
"""

from django.db import models


class WorkerHeartbeat(models.Model):
    """A running `touchstone db_worker`: who it is, when it was last seen, what it is running."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen_at = models.DateTimeField(db_index=True)
    task_id = models.CharField(max_length=64, blank=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"


class Schedule(models.Model):
    """Periodic work: run `task_path` every day at `run_at` (local time) while enabled."""

    name = models.SlugField(max_length=60, unique=True)
    task_path = models.CharField(max_length=200)
    run_at = models.TimeField()
    enabled = models.BooleanField(default=True)
    last_slot = models.DateTimeField(null=True, blank=True)
    last_task_id = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["run_at", "name"]

    def __str__(self) -> str:
        return f"{self.name} daily at {self.run_at:%H:%M}"
