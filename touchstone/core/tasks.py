"""Background work in core. Tasks only call services."""

from datetime import datetime

from django.utils import timezone
from django_tasks import task

from touchstone.core.request_context import request_id_scope
from touchstone.core.services import (
    deadlines_sweep,
    login_attempts_forget,
    submissions_forget,
    uploads_sweep,
)

DEADLINE_SWEEP_SCHEDULE = "deadline-sweep"


@task()
def sweep_deadlines_daily(as_of: str | None = None) -> dict:
    """Sweep today's deadlines. The `deadline-sweep` schedule (`touchstone deadlines schedule`)
    has a worker enqueue it daily at 06:00 local time, and catch up a missed day.

    The sweep is idempotent, so an extra run (a retried run, a manual run) is harmless.
    """
    today = timezone.localdate()
    with request_id_scope(f"task-sweep-{today.isoformat()}"):
        result = deadlines_sweep(as_of=datetime.fromisoformat(as_of).date() if as_of else today)
        submissions_forget()  # repeated forms and API retries are recognised for 30 days
        login_attempts_forget()  # sign-in attempts are kept for 90 days (a setting)
        uploads_sweep()  # files a rolled-back write left stored
    return {
        "as_of": result.as_of.isoformat(),
        "checked": result.checked,
        "due_soon_sent": result.due_soon_sent,
        "overdue_sent": result.overdue_sent,
    }
