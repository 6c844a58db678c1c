"""`touchstone register import|findings-import|cpd-sample|cpd-reminders`: bulk changes to the
register from CSV, and the yearly CPD monitoring work."""

from datetime import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone

from touchstone.core.management.base import TouchstoneCommand
from touchstone.core.models import OrganisationKind
from touchstone.core.tabular import csv_lines
from touchstone.register.exports import registrants_export_rows
from touchstone.register.imports import REGISTRANT_COLUMNS, findings_import, registrants_import
from touchstone.register.services import cpd_reminders_schedule, cpd_sample_draw


class Command(TouchstoneCommand):
    organisation_kind = OrganisationKind.REGULATOR
    organisation_noun = "regulator"
    help = (
        "Import registrants or fitness-to-practise findings from CSV (all or nothing), draw the "
        "CPD monitoring sample, or schedule CPD reminders."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        registrants = sub.add_parser("import", help="Import registrants.")
        registrants.add_argument("file")
        self.add_organisation_argument(registrants)
        findings = sub.add_parser("findings-import", help="Import findings.")
        findings.add_argument("file")
        export = sub.add_parser(
            "export", help="Write the register as CSV in the import's columns (private too)."
        )
        self.add_organisation_argument(export)
        export.add_argument("--output", help="A file to write; default standard output.")
        sample = sub.add_parser(
            "cpd-sample", help="Draw a year's CPD monitoring sample (the seed is logged)."
        )
        sample.add_argument("--year", type=int, required=True)
        sample.add_argument("--size", type=int, required=True)
        sample.add_argument("--seed", type=int, help="Repeat an earlier draw with its seed.")
        self.add_organisation_argument(sample)
        reminders = sub.add_parser(
            "cpd-reminders",
            help="Put the year-end CPD reminder on every member who has not submitted.",
        )
        reminders.add_argument("--year", type=int, help="Default: this year.")
        self.add_organisation_argument(reminders)
        reminders.add_argument(
            "--schedule",
            action="store_true",
            help="Instead, schedule the daily task (05:30) that keeps the reminders in place.",
        )

    def handle(self, *args, action, **options):
        if action == "export":
            return self._export(**options)
        if action == "cpd-sample":
            return self._cpd_sample(**options)
        if action == "cpd-reminders":
            return self._cpd_reminders(**options)
        self.existing_file(options["file"])
        if action == "import":
            regulator = self.organisation(options.get("organisation"))
            result = self.import_file(
                options["file"], registrants_import, acting_user=None, regulator=regulator
            )
            what = "registrant"
        else:
            result = self.import_file(options["file"], findings_import, acting_user=None)
            what = "finding"
        plural = "" if result.created == 1 else "s"
        self.stdout.write(
            f"imported {result.created} {what}{plural} from {Path(options['file']).name}"
        )

    def _export(self, *, organisation, output, **options) -> None:
        regulator = self.organisation(organisation)
        rows = registrants_export_rows(
            acting_user=None, regulator=regulator, as_of=timezone.localdate()
        )
        if output:
            with open(output, "w", encoding="utf-8", newline="") as file:
                file.writelines(csv_lines(REGISTRANT_COLUMNS, rows))
            self.stderr.write(f"wrote {output}")
        else:
            for chunk in csv_lines(REGISTRANT_COLUMNS, rows):
                self.stdout.write(chunk, ending="")

    def _cpd_sample(self, *, year, size, seed, organisation, **options) -> None:
        regulator = self.organisation(organisation)
        try:
            sample = cpd_sample_draw(
                acting_user=None, regulator=regulator, year=year, size=size, seed=seed
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=1) from exc
        self.stdout.write(
            f"CPD sample for {year}: {len(sample.numbers)} of {sample.population} members, "
            f"seed {sample.seed}"
        )
        for number in sample.numbers:
            self.stdout.write(number)

    def _cpd_reminders(self, *, year, organisation, schedule, **options) -> None:
        if schedule:
            from touchstone.register.tasks import CPD_REMINDERS_SCHEDULE

            self.schedule_daily(
                name=CPD_REMINDERS_SCHEDULE,
                task_path="touchstone.register.tasks.cpd_reminders_daily",
                run_at=time(5, 30),
                what="CPD reminder task",
            )
            return
        year = year or timezone.localdate().year
        count = cpd_reminders_schedule(
            acting_user=None, regulator=self.organisation(organisation), year=year
        )
        self.stdout.write(
            f"CPD reminders for {year} in place for {count} member{'' if count == 1 else 's'}"
        )
