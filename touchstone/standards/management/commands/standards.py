"""`touchstone standards load FILE.yaml [--replace]`: check a framework library file and load
it as a framework edition (a new edition beside the old ones, or `--replace` the stored edition
of the same id and edition), all or nothing.
`touchstone standards export ID [--edition E] --format json|yaml|csv|xlsx [--output FILE]`:
the framework's current (or named) edition, to standard output or a file.
`touchstone standards check-assessment FILE.json [--framework ID]`: a self-assessment's
verdict as JSON (exit 0 whatever it is; 2 when the file is not an assessment).
`touchstone standards sweep [--as-of DATE] [--schedule]`: terminate provisional accreditations
past their remediation deadline and lapse registrations past their end (or schedule that
daily)."""

import sys
from datetime import date, time
from pathlib import Path

from django.core.management.base import CommandError

from touchstone.core.management.base import MALFORMED, TouchstoneCommand
from touchstone.standards.exports import FORMATS, framework_export
from touchstone.standards.imports import library_import
from touchstone.standards.selectors import (
    UnknownFramework,
    assessment_check_for,
    framework_current,
    framework_edition,
)
from touchstone.standards.services import accreditations_sweep


class Command(TouchstoneCommand):
    help = "Load a framework library file, export a framework edition, or check a self-assessment."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser(
            "load",
            help="Check a framework library file (YAML) and load it; nothing is written if "
            "any part of it is wrong.",
        )
        load.add_argument("file")
        load.add_argument(
            "--replace",
            action="store_true",
            help="Replace the stored edition with the same id and edition (otherwise a file "
            "that differs from it is refused).",
        )
        export = sub.add_parser("export", help="Write out a framework edition.")
        export.add_argument("framework", help="The framework's id, e.g. iqs-2012.")
        export.add_argument("--format", choices=FORMATS, default="json")
        export.add_argument("--edition", help="An edition other than the current one.")
        export.add_argument("--output", help="A file to write (default: standard output).")
        check = sub.add_parser(
            "check-assessment",
            help="Check a self-assessment (JSON): its status, remediation deadline, fee, the "
            "standards not complied and every answer at fault.",
        )
        check.add_argument("file", help="A JSON file, or - to read standard input.")
        check.add_argument(
            "--framework", default="iqs-2012", help="The framework's id (default iqs-2012)."
        )

        sweep = sub.add_parser(
            "sweep",
            help="End provisional accreditations whose remediation deadline has passed and "
            "registrations not renewed by their end, telling the providers; safe to run twice.",
        )
        sweep.add_argument(
            "--as-of", type=date.fromisoformat, help="The day to sweep as of (default today)."
        )
        sweep.add_argument(
            "--schedule",
            action="store_true",
            help="Instead, schedule the daily task (06:30) that does this.",
        )

    def handle(self, *args, action, **options):
        if action == "sweep":
            return self._sweep(as_of=options["as_of"], schedule=options["schedule"])
        if action == "load":
            return self._load(options["file"], replace=options["replace"])
        if action == "check-assessment":
            return self._check(options["file"], ref_id=options["framework"])
        return self._export(
            options["framework"],
            fmt=options["format"],
            edition=options["edition"],
            output=options["output"],
        )

    def _sweep(self, *, as_of, schedule: bool) -> None:
        if schedule:
            from touchstone.standards.tasks import ACCREDITATIONS_SWEEP_SCHEDULE

            self.schedule_daily(
                name=ACCREDITATIONS_SWEEP_SCHEDULE,
                task_path="touchstone.standards.tasks.accreditations_sweep_daily",
                run_at=time(6, 30),
                what="accreditation sweep",
            )
            return
        counts = accreditations_sweep(today=as_of)
        self.stdout.write(
            f"accreditations: {counts['terminated']} terminated, {counts['lapsed']} lapsed"
        )

    def _check(self, file: str, *, ref_id: str) -> None:
        try:
            self.print_check(lambda data: assessment_check_for(ref_id, data), file)
        except UnknownFramework as exc:
            raise CommandError(
                f'no framework "{ref_id}" with an accreditation scheme', returncode=MALFORMED
            ) from exc

    def _load(self, file: str, *, replace: bool) -> None:
        loaded = self.import_file(file, library_import, acting_user=None, replace=replace)
        framework = loaded.framework
        self.stdout.write(
            f'{framework.ref_id} "{framework.edition}" {loaded.outcome}: {loaded.nodes} nodes, '
            f"{loaded.mappings} mappings"
        )

    def _export(self, ref_id: str, *, fmt: str, edition: str | None, output: str | None) -> None:
        try:
            framework = framework_edition(ref_id, edition) if edition else framework_current(ref_id)
        except UnknownFramework as exc:
            what = f'no framework "{ref_id}"' + (f' with edition "{edition}"' if edition else "")
            raise CommandError(what, returncode=1) from exc
        data = framework_export(framework, fmt)
        if output:
            Path(output).write_bytes(data)
            self.stdout.write(f"wrote {framework.ref_id} ({fmt}) to {output}")
        elif fmt == "xlsx":
            self.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
