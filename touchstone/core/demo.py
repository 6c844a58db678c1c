"""Demo organisations and users, one per role (development only: they share one password)."""

from django.db import transaction

from touchstone.core.models import Organisation, OrganisationKind, Person, Role, User
from touchstone.core.services import (
    membership_grant,
    organisation_create,
    person_create,
    user_create,
)

DEMO_PASSWORD = "touchstone-demo"

ORGANISATIONS = [
    ("ips", "ILEX Professional Standards Ltd", OrganisationKind.REGULATOR),
    ("legal-ombudsman", "Legal Ombudsman", OrganisationKind.OMBUDSMAN),
    ("iqs", "Institute of Paralegals Quality Standards", OrganisationKind.STANDARDS_BODY),
    ("lgss-law", "LGSS Law", OrganisationKind.PROVIDER),
    ("cambs-cfa", "Cambridgeshire County Council CFA", OrganisationKind.CLIENT_BODY),
]

# username, first, last, initials, [(organisation slug, role)]
USERS = [
    ("officer", "Beth", "Barker", "BB", [("ips", Role.OFFICER)]),
    ("board", "Ian", "Wells", "IW", [("ips", Role.BOARD_MEMBER)]),
    ("committee", "Alan", "Hart", "AH", [("ips", Role.COMMITTEE_MEMBER)]),
    ("caseworker", "Carys", "Evans", "CE", [("legal-ombudsman", Role.CASEWORKER)]),
    ("standards", "Sam", "Reid", "SR", [("iqs", Role.OFFICER)]),
    ("provider", "Paula", "Finn", "PF", [("lgss-law", Role.PROVIDER_ADMIN)]),
    ("manager", "Mo", "Khan", "MK", [("lgss-law", Role.MANAGER), ("ips", Role.MANAGER)]),
    ("admin", "Ada", "Morgan", "AM", [("ips", Role.ADMIN), ("lgss-law", Role.ADMIN)]),
    ("public", "Pat", "Jones", "", []),
]


@transaction.atomic
def load(stdout) -> None:
    organisations = {}
    for slug, name, kind in ORGANISATIONS:
        organisations[slug] = Organisation.objects.filter(slug=slug).first() or (
            organisation_create(acting_user=None, slug=slug, name=name, kind=kind)
        )
    for username, first, last, initials, roles in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create(
                acting_user=None,
                username=username,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                email=f"{username}@touchstone.invalid",
            )
        for slug, role in roles:
            membership_grant(
                acting_user=None, user=user, organisation=organisations[slug], role=role
            )
        if initials and not Person.objects.filter(user=user).exists():
            person_create(
                acting_user=None,
                organisation=organisations[roles[0][0]],
                full_name=f"{first} {last}",
                initials=initials,
                email=user.email,
                user=user,
            )
    stdout.write("Demo sign-ins (development only), password " + DEMO_PASSWORD + ":")
    for username, first, last, _initials, roles in USERS:
        where = ", ".join(f"{role.label} at {organisations[s].name}" for s, role in roles)
        stdout.write(f"  {username:<11} {first} {last}: {where or 'no organisation'}")
