"""`touchstone casework import|scorecard|remind`: a history of cases from CSV (all or
nothing), the KPI scorecard for a period as JSON, and the email reminders to parties of the
information asked of them (`--schedule`: daily, by the worker)."""

import json
from datetime import date, time
from pathlib import Path

from django.core.management.base import CommandError

from touchstone.casework.filters import year_of
from touchstone.casework.imports import cases_import
from touchstone.casework.models import SCHEME_ORGANISATION, Jurisdiction, Scheme
from touchstone.casework.selectors import scorecard, scorecard_targets
from touchstone.casework.services import information_reminders_send
from touchstone.core.management.base import TouchstoneCommand


def _iso(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f'"{text}" is not a date like 2024-03-31', returncode=2) from exc


class Command(TouchstoneCommand):
    organisation_noun = "organisation"
    help = "Import cases from CSV (all or nothing), or print the KPI scorecard for a period."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        cases = sub.add_parser("import", help="Import or update cases from CSV.")
        cases.add_argument("file")
        self.add_organisation_argument(
            cases,
            "The organisation running the cases (needed only when more than one could).",
        )
        card = sub.add_parser("scorecard", help="The KPI scorecard for a period.")
        card.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
        card.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
        card.add_argument("--jurisdiction", choices=Jurisdiction.values)
        card.add_argument("--scheme", choices=Scheme.values, default=Scheme.OMBUDSMAN)
        card.add_argument("--json", action="store_true", help="Print the scorecard as JSON.")
        self.add_organisation_argument(card)
        remind = sub.add_parser("remind", help="Remind parties of information due soon.")
        remind.add_argument("--schedule", action="store_true", help="Run it daily instead.")

    def handle(self, *args, action, **options):
        if action == "scorecard":
            return self._scorecard(**options)
        if action == "remind":
            return self._remind(schedule=options["schedule"])
        self.existing_file(options["file"])
        organisation = options.get("organisation")
        result = self.import_file(
            options["file"],
            cases_import,
            acting_user=None,
            organisation=self.organisation(organisation) if organisation else None,
        )
        self.stdout.write(
            f"imported {result.created} new and {result.updated} updated case(s) "
            f"from {Path(options['file']).name}"
        )

    def _remind(self, *, schedule: bool) -> None:
        if schedule:
            from touchstone.casework.tasks import INFORMATION_REMINDERS_SCHEDULE

            self.schedule_daily(
                name=INFORMATION_REMINDERS_SCHEDULE,
                task_path="touchstone.casework.tasks.information_reminders_daily",
                run_at=time(7, 30),
                what="reminders of information due",
            )
            return
        sent = information_reminders_send(as_of=date.today())
        self.stdout.write(f"reminded {sent} part{'y' if sent == 1 else 'ies'} of information due")

    def _scorecard(self, *, date_from, date_to, jurisdiction, scheme, organisation, **options):
        start, end = _iso(date_from), _iso(date_to)
        if end < start:
            raise CommandError("--to is before --from", returncode=2)
        self.organisation_kind = SCHEME_ORGANISATION[scheme]
        chosen = self.organisation(organisation)
        found = scorecard(
            acting_user=None,
            organisation=chosen,
            date_from=start,
            date_to=end,
            jurisdiction=jurisdiction,
            scheme=scheme,
        )
        found["targets"] = scorecard_targets(
            organisation=chosen, year=year_of(start), jurisdiction=jurisdiction
        )
        if options["json"]:
            self.stdout.write(json.dumps(found, indent=2))
            return
        for group, figures in found["timeliness"].items():
            self.stdout.write(
                f"{group}: {figures['concluded']} concluded; within 90/180/365 days "
                f"{figures['within_90_pct']}/{figures['within_180_pct']}/"
                f"{figures['within_365_pct']}%; median {figures['median_days']} days"
            )
        self.stdout.write(
            f"accepted {found['accepted_in_period']}; open at the end {found['open_at_end']}"
        )
