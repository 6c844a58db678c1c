"""`touchstone users add|grant|list`: accounts and their roles in organisations."""

import getpass

from django.core.management.base import CommandError

from touchstone.core.management.base import TouchstoneCommand
from touchstone.core.models import Role, User
from touchstone.core.services import membership_grant, user_create


class Command(TouchstoneCommand):
    help = "Add users and give them roles in organisations."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Add a user (asks for the password unless --no-password).")
        add.add_argument("username")
        add.add_argument("--email", default="")
        add.add_argument("--first-name", default="")
        add.add_argument("--last-name", default="")
        add.add_argument("--no-password", action="store_true", help="Create without a password.")
        grant = sub.add_parser("grant", help="Give a user a role in an organisation.")
        grant.add_argument("username")
        grant.add_argument("--organisation", required=True, help="Organisation slug.")
        grant.add_argument("--role", required=True, choices=Role.values)
        sub.add_parser("list", help="List users and their roles.")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(options)

    def _list(self, options):
        for user in User.objects.prefetch_related("memberships__organisation").order_by("username"):
            roles = ", ".join(f"{m.role}@{m.organisation.slug}" for m in user.memberships.all())
            self.stdout.write(f"{user.username}\t{user.email}\t{roles or '-'}")

    def _add(self, options):
        password = None
        if not options["no_password"]:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("the passwords do not match", returncode=1)
        user = user_create(
            acting_user=None,
            username=options["username"],
            password=password,
            email=options["email"],
            first_name=options["first_name"],
            last_name=options["last_name"],
        )
        self.stdout.write(f"added user {user.username}")

    def _grant(self, options):
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f'no user "{options["username"]}"', returncode=1)
        organisation = self.organisation(options["organisation"])
        membership_grant(
            acting_user=None, user=user, organisation=organisation, role=options["role"]
        )
        self.stdout.write(f"{user.username} is {options['role']} at {organisation.name}")
