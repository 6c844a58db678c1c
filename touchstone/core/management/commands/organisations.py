"""`touchstone organisations add|list`: manage the bodies that use Touchstone."""

from touchstone.core.management.base import TouchstoneCommand
from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.services import organisation_create


class Command(TouchstoneCommand):
    help = "Add or list organisations (regulator, ombudsman, standards body, provider, client)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Add an organisation.")
        add.add_argument("slug")
        add.add_argument("name")
        add.add_argument("--kind", required=True, choices=OrganisationKind.values)
        sub.add_parser("list", help="List organisations.")

    def handle(self, *args, action, **options):
        if action == "list":
            for organisation in Organisation.objects.order_by("slug"):
                self.stdout.write(f"{organisation.slug}\t{organisation.kind}\t{organisation.name}")
            return
        organisation = organisation_create(
            acting_user=None, slug=options["slug"], name=options["name"], kind=options["kind"]
        )
        self.stdout.write(f"added {organisation.slug}: {organisation.name}")
