"""`touchstone plans import|export`: plans in bulk, from files and for board papers."""

import io
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from touchstone.core.management.base import TouchstoneCommand
from touchstone.plans.exports import export_csv, export_json, export_pdf, export_xlsx
from touchstone.plans.imports import plan_import
from touchstone.plans.models import Plan, PlanKind
from touchstone.plans.selectors import plan_get_by_title

EXPORTERS = {"json": export_json, "csv": export_csv, "xlsx": export_xlsx, "pdf": export_pdf}
BINARY_FORMATS = {"xlsx", "pdf"}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class Command(TouchstoneCommand):
    help = "Import a plan from CSV/XLSX, or export one as JSON, CSV, XLSX or a board report PDF."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import a plan (all rows checked, all or nothing).")
        imp.add_argument("file")
        imp.add_argument("--name", required=True, help="The plan's title.")
        self.add_organisation_argument(imp, "Organisation slug (needed if there are several).")
        imp.add_argument("--kind", choices=PlanKind.values, default=PlanKind.BUSINESS_PLAN)
        exp = sub.add_parser("export", help="Export a plan.")
        exp.add_argument("name", help="The plan's title.")
        exp.add_argument("--format", required=True, choices=sorted(EXPORTERS))
        exp.add_argument("--as-of", help="Date for overdue flags (YYYY-MM-DD); default today.")
        exp.add_argument("--output", help="File to write; standard output when not given.")
        exp.add_argument("--organisation", help="Organisation slug, if titles repeat.")

    def handle(self, *args, action, **options):
        if action == "import":
            self._import(options)
        else:
            self._export(options)

    def _import(self, options):
        self.existing_file(options["file"])
        organisation = self.organisation(options["organisation"])
        result = self.import_file(
            options["file"],
            plan_import,
            acting_user=None,
            organisation=organisation,
            name=options["name"],
            kind=options["kind"],
        )
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(
            f'imported "{result.plan.title}" for {organisation.name}: '
            f"{_count(result.actions, 'action')} in {_count(result.areas, 'area')}, "
            f"{_count(len(result.warnings), 'warning')}"
        )

    def _export(self, options):
        try:
            as_of = date.fromisoformat(options["as_of"]) if options["as_of"] else None
        except ValueError as exc:
            raise CommandError("--as-of must be a date like 2026-03-31", returncode=1) from exc
        try:
            plan = plan_get_by_title(
                None, title=options["name"], organisation_slug=options["organisation"]
            )
        except (Plan.DoesNotExist, Plan.MultipleObjectsReturned) as exc:
            raise CommandError(str(exc), returncode=1) from exc
        fmt = options["format"]
        out = getattr(self.stdout, "_out", sys.stdout)
        binary_out = getattr(out, "buffer", None)
        if isinstance(out, io.BufferedIOBase | io.RawIOBase):
            binary_out = out
        if not options["output"] and fmt in BINARY_FORMATS:
            if binary_out is None:
                raise CommandError(f"{fmt} is a binary format: use --output FILE", returncode=1)
            if out.isatty():
                raise CommandError(
                    f"not writing {fmt} to a terminal: use --output FILE or redirect the output",
                    returncode=1,
                )
        payload = EXPORTERS[fmt](plan, as_of=as_of or timezone.localdate())
        if options["output"]:
            try:
                Path(options["output"]).write_bytes(payload)
            except OSError as exc:
                message = f"could not write {options['output']}: {exc}"
                raise CommandError(message, returncode=1) from exc
            self.stderr.write(f"wrote {options['output']}")
        elif binary_out is not None:
            self.stdout.flush()
            binary_out.write(payload)
            binary_out.flush()
        else:  # a text stream (e.g. call_command with a StringIO): text formats only
            out.write(payload.decode("utf-8"))
