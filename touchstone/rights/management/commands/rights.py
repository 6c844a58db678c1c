"""`touchstone rights check-qe|check-portfolio FILE.json`: the scheme's checks from the command
line, on the same JSON the API takes. They read only the schemes `migrate` loads.
`touchstone rights chase-references [--schedule]`: remind supervisors of references not yet
given, and lapse those whose link has expired (or schedule that daily)."""

from datetime import time

from django.core.management.base import CommandError

from touchstone.core.management.base import MALFORMED, TouchstoneCommand
from touchstone.rights.selectors import UnknownScheme, portfolio_check_for, qe_check_for
from touchstone.rights.services import references_chase

CHECKS = {
    "check-qe": (
        qe_check_for,
        "Check qualifying experience: hours credited, any shortfall and the date it is "
        "expected to be met.",
    ),
    "check-portfolio": (
        portfolio_check_for,
        "Check a portfolio of evidence: the examples missing and every rule a sheet breaks.",
    ),
}


class Command(TouchstoneCommand):
    help = (
        "Check qualifying experience or a portfolio against the scheme in force on its date. "
        "Prints the result as JSON; exit status 2 when the input is malformed."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        for name, (_, help_text) in CHECKS.items():
            check = sub.add_parser(name, help=help_text)
            check.add_argument("file", help="A JSON file, or - to read standard input.")
            check.add_argument(
                "--scheme", default="immigration", help="The scheme's code (default immigration)."
            )

        chase = sub.add_parser(
            "chase-references",
            help="Remind supervisors once of a reference not yet given; lapse a request whose "
            "link has expired and tell the applicant.",
        )
        chase.add_argument(
            "--schedule",
            action="store_true",
            help="Instead, schedule the daily task (07:00) that does this.",
        )

    def handle(self, *args, action, **options):
        if action == "chase-references":
            return self._chase(schedule=options["schedule"])
        return self._check(action=action, file=options["file"], scheme=options["scheme"])

    def _chase(self, *, schedule: bool) -> None:
        if schedule:
            from touchstone.rights.tasks import REFERENCES_CHASE_SCHEDULE

            self.schedule_daily(
                name=REFERENCES_CHASE_SCHEDULE,
                task_path="touchstone.rights.tasks.references_chase_daily",
                run_at=time(7, 0),
                what="reference chase",
            )
            return
        counts = references_chase()
        self.stdout.write(f"references: {counts['reminded']} reminded, {counts['lapsed']} lapsed")

    def _check(self, *, action, file, scheme) -> None:
        check, _ = CHECKS[action]
        try:
            self.print_check(lambda data: check(scheme, data), file)
        except UnknownScheme as exc:
            raise CommandError(f'no scheme "{scheme}"', returncode=MALFORMED) from exc
