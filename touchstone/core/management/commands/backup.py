"""`touchstone backup dump|check`: take a PostgreSQL backup, and prove that one restores."""

from pathlib import Path

from django.core.management.base import CommandError

from touchstone.core import backup
from touchstone.core.management.base import TouchstoneCommand


class Command(TouchstoneCommand):
    help = (
        "dump: pg_dump -Fc with a manifest of row counts from the same snapshot. check: restore "
        "a dump into a scratch database and compare every table's rows and the audit table's "
        "last id with the manifest (exit 1 on any difference)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        dump = sub.add_parser("dump", help="Write a dump (-Fc) and its manifest (<file>.json).")
        dump.add_argument("file")
        check = sub.add_parser("check", help="Restore a dump into a scratch database and compare.")
        check.add_argument("file")
        check.add_argument("--manifest", help="Default: <file>.json beside the dump.")
        check.add_argument(
            "--keep", action="store_true", help="Keep the scratch database for inspection."
        )

    def handle(self, *args, action, file, **options):
        path = Path(file)
        try:
            if action == "dump":
                counted = backup.dump(path)
                self.stdout.write(
                    f"dumped {len(counted.tables)} tables ({sum(counted.tables.values())} rows, "
                    f"audit last id {counted.audit_last_id}) to {path}; manifest "
                    f"{backup.manifest_path(path)}"
                )
                return
            manifest = Path(options["manifest"]) if options["manifest"] else None
            result = backup.check(path, manifest=manifest, keep=options["keep"])
        except backup.BackupError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        restored = result.restored
        if result.differences:
            for difference in result.differences:
                self.stderr.write(difference)
            raise CommandError(
                f"the restore of {path} differs from {result.compared_with} in "
                f"{len(result.differences)} way(s)",
                returncode=1,
            )
        self.stdout.write(
            f"restore checked: {len(restored.tables)} tables, {sum(restored.tables.values())} "
            f"rows and audit last id {restored.audit_last_id}, equal to {result.compared_with}"
        )
