"""`touchstone uploads sweep`: remove stored files no upload names (left when a write that had
stored one was rolled back). The daily deadline sweep does the same."""

from touchstone.core.management.base import TouchstoneCommand
from touchstone.core.services import uploads_sweep


class Command(TouchstoneCommand):
    help = "Remove stored files, older than an hour, that no upload names."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("sweep", help="Remove files older than an hour that no upload names.")

    def handle(self, *args, action, **options):
        removed = uploads_sweep()
        self.stdout.write(
            f"uploads: {removed} unreferenced file{'' if removed == 1 else 's'} removed"
        )
