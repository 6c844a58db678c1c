"""`touchstone register import|findings-import|cpd-sample|cpd-reminders`: bulk changes to the
register from CSV, and the yearly CPD monitoring work."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.request_context import request_id_scope
from touchstone.core.tabular import csv_lines
from touchstone.register.exports import registrants_export_rows
from touchstone.register.imports import (
    REGISTRANT_COLUMNS,
    ImportRejected,
    findings_import,
    registrants_import,
)
from touchstone.register.services import cpd_reminders_schedule, cpd_sample_draw


class Command(BaseCommand):
    help = (
        "Import registrants or fitness-to-practise findings from CSV (all or nothing), draw the "
        "CPD monitoring sample, or schedule CPD reminders."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        registrants = sub.add_parser("import", help="Import registrants.")
        registrants.add_argument("file")
        registrants.add_argument("--organisation", help="The regulator's slug.")
        findings = sub.add_parser("findings-import", help="Import findings.")
        findings.add_argument("file")
        export = sub.add_parser(
            "export", help="Write the register as CSV in the import's columns (private too)."
        )
        export.add_argument("--organisation", help="The regulator's slug.")
        export.add_argument("--output", help="A file to write; default standard output.")
        sample = sub.add_parser(
            "cpd-sample", help="Draw a year's CPD monitoring sample (the seed is logged)."
        )
        sample.add_argument("--year", type=int, required=True)
        sample.add_argument("--size", type=int, required=True)
        sample.add_argument("--seed", type=int, help="Repeat an earlier draw with its seed.")
        sample.add_argument("--organisation", help="The regulator's slug.")
        reminders = sub.add_parser(
            "cpd-reminders",
            help="Put the year-end CPD reminder on every member who has not submitted.",
        )
        reminders.add_argument("--year", type=int, help="Default: this year.")
        reminders.add_argument("--organisation", help="The regulator's slug.")
        reminders.add_argument(
            "--schedule",
            action="store_true",
            help="Instead, enqueue the daily task that keeps the reminders in place.",
        )

    def handle(self, *args, action, **options):
        if action == "export":
            return self._export(**options)
        if action == "cpd-sample":
            return self._cpd_sample(**options)
        if action == "cpd-reminders":
            return self._cpd_reminders(**options)
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}", returncode=1)
        try:
            with request_id_scope():
                if action == "import":
                    result = registrants_import(
                        acting_user=None,
                        regulator=self._regulator(options.get("organisation")),
                        filename=path.name,
                        data=path.read_bytes(),
                    )
                    what = "registrant"
                else:
                    result = findings_import(
                        acting_user=None, filename=path.name, data=path.read_bytes()
                    )
                    what = "finding"
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{path.name} was not imported: {len(exc.errors)} problem(s); nothing was written",
                returncode=1,
            ) from exc
        plural = "" if result.created == 1 else "s"
        self.stdout.write(f"imported {result.created} {what}{plural} from {path.name}")

    def _export(self, *, organisation, output, **options) -> None:
        regulator = self._regulator(organisation)
        with request_id_scope():
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
        regulator = self._regulator(organisation)
        try:
            with request_id_scope():
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
            from touchstone.register.tasks import cpd_reminders_daily

            cpd_reminders_daily.enqueue()
            self.stdout.write("daily CPD reminder task enqueued")
            return
        year = year or timezone.localdate().year
        with request_id_scope():
            count = cpd_reminders_schedule(
                acting_user=None, regulator=self._regulator(organisation), year=year
            )
        self.stdout.write(
            f"CPD reminders for {year} in place for {count} member{'' if count == 1 else 's'}"
        )

    def _regulator(self, slug: str | None) -> Organisation:
        regulators = Organisation.objects.filter(kind=OrganisationKind.REGULATOR)
        if slug:
            regulators = regulators.filter(slug=slug)
        found = list(regulators[:2])
        if len(found) != 1:
            raise CommandError(
                "name the regulator with --organisation SLUG"
                if len(found) > 1 or not slug
                else f'no regulator "{slug}"',
                returncode=1,
            )
        return found[0]
