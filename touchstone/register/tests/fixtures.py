from datetime import date, timedelta

import pytest
from django.utils import timezone

from touchstone.register.models import Category, Status
from touchstone.register.services import (
    finding_record,
    registrant_create,
    registrant_status_change,
    right_grant,
)

# What the staff pages and the staff API are sent to change John's status, grant him a right
# and record a finding.
STATUS_CHANGE = {"status": "suspended", "effective_on": "2025-06-01", "reason": "Order"}
GRANT = {"code": "probate", "granted_on": "2025-01-01", "conditions": "None"}
FINDING = {
    "decided_on": "2025-01-05",
    "body": "Disciplinary Tribunal",
    "summary": "Failure to supervise",
    "sanction": "Fine",
    "publish": False,
}

PRIVATE_VALUES = ["secret@example.test", "07700 900123", "1 Private Lane", "1970-05-04"]


@pytest.fixture
def register(organisation):
    """A small register (`small_register`)."""
    return small_register(organisation)


def small_register(organisation):
    """A small register: an entity, an active immigration practitioner with conditions and a
    published finding, a suspended member, and findings that must never be public."""
    today = timezone.localdate()
    active = Status.objects.get(code="active")
    cle = Category.objects.get(code="chartered_legal_executive")
    firm = registrant_create(
        acting_user=None,
        regulator=organisation,
        status=active,
        number="E5000",
        kind="entity",
        entity_name="Smith Legal LLP",
        town="Bedford",
        postcode="MK40 1AB",
    )
    john = registrant_create(
        acting_user=None,
        regulator=organisation,
        status=active,
        number="100001",
        kind="individual",
        title="Mr",
        given_names="John",
        family_name="Smith",
        category=cle,
        admitted_on=date(2015, 1, 1),
        entity=firm,
        town="Bedford",
        postcode="MK40 2CD",
        email=PRIVATE_VALUES[0],
        phone=PRIVATE_VALUES[1],
        home_address=PRIVATE_VALUES[2],
        date_of_birth=date(1970, 5, 4),
    )
    right_grant(
        acting_user=None,
        registrant=john,
        code="immigration",
        granted_on=date(2016, 1, 1),
        conditions="Supervised practice only",
    )
    finding_record(
        acting_user=None,
        registrant=john,
        decided_on=date(2024, 1, 10),
        body="Disciplinary Tribunal",
        summary="Late filing of accounts",
        sanction="Reprimand",
        publish=True,
    )
    finding_record(
        acting_user=None,
        registrant=john,
        decided_on=date(2023, 1, 10),
        body="Disciplinary Tribunal",
        summary="UNPUBLISHED-SECRET",
        sanction="Warning",
        publish=False,
    )
    finding_record(
        acting_user=None,
        registrant=john,
        decided_on=date(2019, 1, 10),
        body="Disciplinary Tribunal",
        summary="EXPIRED-SECRET",
        sanction="Fine",
        publish=True,
        publish_until=today - timedelta(days=1),
    )
    zoe = registrant_create(
        acting_user=None,
        regulator=organisation,
        status=active,
        number="100002",
        kind="individual",
        given_names="Zoë",
        family_name="Brown",
        category=cle,
        town="Leeds",
        postcode="LS1 1AA",
    )
    registrant_status_change(
        acting_user=None,
        registrant=zoe,
        status=Status.objects.get(code="suspended"),
        effective_on=date(2025, 3, 3),
        reason="Tribunal order",
    )
    return {"firm": firm, "john": john, "zoe": zoe}


def foreign_firm(regulator):
    """An entity on another regulator's register (E9000), which none of `register`'s
    registrants may have as their entity."""
    return registrant_create(
        acting_user=None,
        regulator=regulator,
        status=Status.objects.get(code="active"),
        number="E9000",
        kind="entity",
        entity_name="Foreign Smith LLP",
    )


def add_members(organisation, count: int, *, first_number: int = 200000) -> None:
    """`count` more active individuals (to show that something does not grow with them)."""
    active = Status.objects.get(code="active")
    for n in range(count):
        registrant_create(
            acting_user=None,
            regulator=organisation,
            status=active,
            number=str(first_number + n),
            kind="individual",
            given_names="Extra",
            family_name=f"Member{n}",
            email=f"extra{n}@example.test",
        )
