"""`touchstone casework import|scorecard`: a history of cases from CSV (all or nothing), and
the KPI scorecard for a period as JSON."""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import CommandError

from touchstone.casework.filters import year_of
from touchstone.casework.imports import cases_import
from touchstone.casework.models import SCHEME_ORGANISATION, Jurisdiction, Scheme
from touchstone.casework.selectors import scorecard, scorecard_targets
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

    def handle(self, *args, action, **options):
        if action == "scorecard":
            return self._scorecard(**options)
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
