"""`touchstone register import|findings-import`: bulk changes to the register from CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.request_context import request_id_scope
from touchstone.register.imports import ImportRejected, findings_import, registrants_import


class Command(BaseCommand):
    help = "Import registrants or fitness-to-practise findings from CSV (all or nothing)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        registrants = sub.add_parser("import", help="Import registrants.")
        registrants.add_argument("file")
        registrants.add_argument("--organisation", help="The regulator's slug.")
        findings = sub.add_parser("findings-import", help="Import findings.")
        findings.add_argument("file")

    def handle(self, *args, action, **options):
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
