"""A realistic generated register for demonstration (deterministic: the same every time)."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from touchstone.core.demo import DEMO_PASSWORD
from touchstone.core.models import Organisation, User
from touchstone.core.services import user_create
from touchstone.register.models import Category, Registrant, RightType, Status
from touchstone.register.services import (
    NewRegistrant,
    cpd_activity_add,
    cpd_sample_draw,
    cpd_submit,
    entity_offices_set,
    finding_record,
    registrant_status_change,
    registrant_user_link,
    registrants_create_many,
    right_grant,
)

MEMBER_USERNAME = "member"
INDIVIDUALS = 1500
ENTITIES = 120
GIVEN = [
    "John",
    "Jane",
    "Amir",
    "Siobhan",
    "Chloé",
    "Zoë",
    "Mohammed",
    "Priya",
    "David",
    "Aoife",
    "Kwame",
    "Olga",
    "Rhys",
    "Fatima",
    "Tomasz",
    "Grace",
    "Liam",
    "Mei",
    "Oluwaseun",
    "Hannah",
    "Ravi",
    "Ellen",
    "Gareth",
    "Nia",
    "Samuel",
    "Isla",
    "José",
    "Anna",
]
FAMILY = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Roberts",
    "Johnson",
    "Lewis",
    "Walker",
    "Robinson",
    "Wood",
    "Thompson",
    "White",
    "Watson",
    "Jackson",
    "Wright",
    "Green",
    "Harris",
    "Cooper",
    "King",
    "Lee",
    "Martin",
    "Clarke",
    "James",
    "Morgan",
    "Hughes",
    "Edwards",
    "Hill",
    "Moore",
    "Khan",
    "O'Brien",
    "Nowak",
    "Okafor",
    "Patel",
    "Murphy",
    "Singh",
    "Ahmed",
    "Kowalski",
    "Ó Súilleabháin",
]
TOWNS = [
    ("Bedford", "MK40"),
    ("Cambridge", "CB1"),
    ("Manchester", "M1"),
    ("Leeds", "LS1"),
    ("Cardiff", "CF10"),
    ("Bristol", "BS1"),
    ("Norwich", "NR1"),
    ("Birmingham", "B1"),
    ("Newcastle upon Tyne", "NE1"),
    ("London", "EC4A"),
    ("Liverpool", "L2"),
    ("York", "YO1"),
]
SUPERVISED = "Must practise under the supervision of an authorised person"
FIRMS = ["Legal Services", "Law", "Solicitors", "Legal Practice", "Law LLP"]
RIGHTS = [
    "immigration",
    "litigation_civil",
    "litigation_criminal",
    "litigation_family",
    "advocacy",
    "probate",
    "conveyancing",
    "commissioner_for_oaths",
]
ACTIVITIES = [
    "Reserved legal activities: litigation",
    "Reserved legal activities: probate",
    "Reserved legal activities: conveyancing",
    "Immigration advice and services",
    "Administration of oaths",
]
SANCTIONS = [
    "Reprimand",
    "Fine of £1,500",
    "Suspension for 12 months",
    "Exclusion from membership",
    "Conditions on practice for 2 years",
]


def load(stdout) -> None:
    regulator = Organisation.objects.filter(slug="ips").first()
    if regulator is None or Registrant.objects.filter(regulator=regulator).exists():
        stdout.write("register: demo registrants already there (or no regulator)")
        return
    count = _generate(regulator)
    stdout.write(
        f"register: {count} demo registrants; sign in as {MEMBER_USERNAME} to keep a CPD record"
    )


@transaction.atomic
def _generate(regulator: Organisation) -> int:
    """Entities, then individuals, each added in bulk as an import adds them
    (`registrants_create_many`: the same checks, name index and audit events); then, one at
    a time through their services, what only some registrants have: a second office, a right
    with conditions, a change of status, a finding."""
    rng = random.Random(2009)
    statuses = {s.code: s for s in Status.objects.all()}
    right_types = {r.code: r for r in RightType.objects.all()}
    categories = list(Category.objects.all())
    wanted, offices = [], []
    for n in range(ENTITIES):
        town, district = rng.choice(TOWNS)
        fields = {
            "number": f"E{5000 + n}",
            "kind": "entity",
            "entity_name": f"{rng.choice(FAMILY)} {rng.choice(FIRMS)}",
            "authorised_activities": ", ".join(sorted(rng.sample(ACTIVITIES, k=rng.randint(1, 3)))),
            "admitted_on": date(2010, 1, 1) + timedelta(days=rng.randrange(5000)),
            "town": town,
            "postcode": f"{district} {rng.randint(1, 9)}AB",
        }
        wanted.append(NewRegistrant(status=statuses["active"], fields=fields))
        places = [(town, fields["postcode"])]
        if rng.random() < 0.3:
            other_town, other_district = rng.choice(TOWNS)
            places.append((other_town, f"{other_district} {rng.randint(1, 9)}CD"))
        offices.append(places)
    entities = registrants_create_many(acting_user=None, regulator=regulator, registrants=wanted)
    for entity, places in zip(entities, offices, strict=True):
        entity_offices_set(acting_user=None, entity=entity, offices=places)

    wanted, later = [], []
    for n in range(INDIVIDUALS):
        town, district = rng.choice(TOWNS)
        admitted = date(1995, 1, 1) + timedelta(days=rng.randrange(11000))
        fields = {
            "number": f"{100000 + n * 7}",
            "kind": "individual",
            "title": rng.choice(["", "", "", "", "Dr"]),  # most registers show no title
            "given_names": rng.choice(GIVEN),
            "family_name": rng.choice(FAMILY),
            "category": rng.choice(categories),
            "admitted_on": admitted,
            "entity": rng.choice(entities) if rng.random() < 0.7 else None,
            "town": town,
            "postcode": f"{district} {rng.randint(1, 9)}{rng.choice('ABDEFG')}Q",
            "email": f"member{n}@example.invalid",
            "date_of_birth": date(1960, 1, 1) + timedelta(days=rng.randrange(12000)),
            "home_address": f"{rng.randint(1, 200)} High Street, {town}",
        }
        plain, first_granted = [], None
        for code in rng.sample(RIGHTS, k=rng.choice([0, 1, 1, 2, 3])):
            supervised = rng.random() < 0.05
            granted_on = admitted + timedelta(days=rng.randrange(2000))
            if supervised:
                later.append(
                    (
                        n,
                        right_grant,
                        {"code": code, "granted_on": granted_on, "conditions": SUPERVISED},
                    )
                )
            else:
                plain.append(right_types[code])
                first_granted = first_granted or granted_on
        wanted.append(
            NewRegistrant(
                status=statuses["active"],
                fields=fields,
                rights=tuple(plain),
                granted_on=first_granted,
            )
        )
        roll = rng.random()
        if roll < 0.03:
            effective_on = date(2025, 1, 1) + timedelta(rng.randrange(600))
            later.append(
                (
                    n,
                    registrant_status_change,
                    {
                        "status": statuses["suspended"],
                        "effective_on": effective_on,
                        "reason": "Suspended by the Disciplinary Tribunal",
                    },
                )
            )
        elif roll < 0.06:
            status = statuses[rng.choice(["lapsed", "resigned"])]
            effective_on = date(2023, 1, 1) + timedelta(rng.randrange(900))
            later.append(
                (n, registrant_status_change, {"status": status, "effective_on": effective_on})
            )
        if rng.random() < 0.02:
            decided = date(2022, 1, 1) + timedelta(days=rng.randrange(1200))
            later.append(
                (
                    n,
                    finding_record,
                    {
                        "decided_on": decided,
                        "body": "Disciplinary Tribunal",
                        "summary": "Failed to act with integrity in handling client money.",
                        "sanction": rng.choice(SANCTIONS),
                        "publish": rng.random() < 0.8,
                        "publish_until": decided + timedelta(days=365 * rng.choice([1, 3, 5])),
                    },
                )
            )
    individuals = registrants_create_many(acting_user=None, regulator=regulator, registrants=wanted)
    for n, service, arguments in later:
        service(acting_user=None, registrant=individuals[n], **arguments)
    _member_with_cpd(regulator, rng)
    cpd_sample_draw(acting_user=None, regulator=regulator, year=2025, size=40, seed=2025)
    return ENTITIES + INDIVIDUALS


def _member_with_cpd(regulator: Organisation, rng: random.Random) -> None:
    """A sign-in for the first individual, with part of last year's CPD recorded."""
    registrant = Registrant.objects.get(regulator=regulator, number="100000")
    user = User.objects.filter(username=MEMBER_USERNAME).first() or user_create(
        acting_user=None,
        username=MEMBER_USERNAME,
        password=DEMO_PASSWORD,
        first_name=registrant.given_names,
        last_name=registrant.family_name,
        email=f"{MEMBER_USERNAME}@touchstone.invalid",
    )
    registrant_user_link(acting_user=None, registrant=registrant, user=user)
    for month, hours, kind in [(2, "3", "Course or webinar"), (6, "4.5", "Reading or research")]:
        cpd_activity_add(
            acting_user=None,
            registrant=registrant,
            done_on=date(2025, month, 10),
            hours=Decimal(hours),
            activity_type=kind,
            description=f"{kind} on immigration appeals",
            reflection="Applied at work in the following month.",
        )
    cpd_submit(acting_user=None, registrant=registrant, year=2025)
