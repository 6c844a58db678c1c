"""`touchstone deadlines sweep|schedule`: warn people of deadlines due soon or missed."""

from datetime import date, time

from django.core.management.base import CommandError
from django.utils import timezone

from touchstone.core.management.base import TouchstoneCommand
from touchstone.core.services import deadlines_sweep


class Command(TouchstoneCommand):
    help = "Sweep deadlines now (sweep) or schedule the daily sweep in the task worker (schedule)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sweep = sub.add_parser("sweep", help="Notify people of deadlines due soon or missed.")
        sweep.add_argument("--as-of", help="Date to sweep as of (YYYY-MM-DD); default today.")
        sub.add_parser(
            "schedule",
            help="Schedule the daily sweep at 06:00: a running `touchstone db_worker` enqueues "
            "it each day, and at once if today's run was missed.",
        )

    def handle(self, *args, action, **options):
        if action == "schedule":
            from touchstone.core.tasks import DEADLINE_SWEEP_SCHEDULE

            self.schedule_daily(
                name=DEADLINE_SWEEP_SCHEDULE,
                task_path="touchstone.core.tasks.sweep_deadlines_daily",
                run_at=time(6, 0),
                what="deadline sweep",
            )
            return
        try:
            as_of = date.fromisoformat(options["as_of"]) if options["as_of"] else None
        except ValueError as exc:
            raise CommandError("--as-of must be a date like 2026-01-31") from exc
        result = deadlines_sweep(as_of=as_of or timezone.localdate())
        self.stdout.write(
            f"swept {result.checked} open deadlines as of {result.as_of}: "
            f"{result.due_soon_sent} due-soon and {result.overdue_sent} overdue notifications sent"
        )
