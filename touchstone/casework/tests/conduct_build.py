"""A regulator's conduct world for the independence and publication tests: officers, three
panel members, a member on its register, and people on its board and council who also hold a
casework role there (the ways round the independence rule)."""

from datetime import date, timedelta

from django.utils import timezone

from touchstone.casework import services
from touchstone.casework.tests.build import ACCEPTED, RECEIVED
from touchstone.core.models import Membership, OrganisationKind, Role
from touchstone.core.testing import new_organisation, new_user
from touchstone.register.models import Status
from touchstone.register.services import registrant_create


def conduct_world() -> dict:
    regulator = new_organisation("conduct-regulator", OrganisationKind.REGULATOR)
    member = registrant_create(
        acting_user=None,
        regulator=regulator,
        status=Status.objects.get(code="active"),
        number="C1001",
        kind="individual",
        given_names="Pat",
        family_name="Member",
    )
    council = new_user("council", (regulator, Role.OFFICER), (regulator, Role.COMMITTEE_MEMBER))
    services.council_member_record(
        acting_user=None,
        organisation=regulator,
        member=council,
        started_on=timezone.localdate() - timedelta(days=30),
    )
    return {
        "regulator": regulator,
        "member": member,
        "admin": new_user("conduct-admin", (regulator, Role.ADMIN)),
        "officer": new_user("conduct-officer", (regulator, Role.OFFICER)),
        "officer2": new_user("conduct-officer-2", (regulator, Role.OFFICER)),
        "panel": [new_user(f"panel-{n}", (regulator, Role.COMMITTEE_MEMBER)) for n in range(1, 5)],
        # a board member who is also an officer and a panel member of the regulator
        "board": new_user(
            "board",
            (regulator, Role.BOARD_MEMBER),
            (regulator, Role.OFFICER),
            (regulator, Role.COMMITTEE_MEMBER),
        ),
        "council": council,
    }


def conduct_case(w: dict, *stages: str, reference: str = "FTP-1"):
    case = services.case_create(
        acting_user=None,
        organisation=w["regulator"],
        scheme="conduct",
        reference=reference,
        jurisdiction="legal",
        received_on=RECEIVED,
        provider=w["member"],
        complainant_name="Sam Client",
        complainant_email="sam@example.com",
    )
    case = services.case_accept(acting_user=None, case=case, accepted_on=ACCEPTED)
    case = services.case_triage(acting_user=None, case=case, complexity="medium")
    for stage in stages:
        case = services.case_transition(acting_user=None, case=case, to_stage=stage)
    return case


def on_board(user, regulator) -> None:
    Membership.objects.create(user=user, organisation=regulator, role=Role.BOARD_MEMBER)


def decision(**changes) -> dict:
    return {
        "allegation": "The member misled a client about fees.",
        "facts_found": "The client was quoted £500 and billed £5,000.",
        "findings": "The member acted without integrity.",
        "outcome": "proved",
        "remedy": "reprimand",
        "reasons": "A serious departure from the standards, with insight shown.",
        "decided_on": date.today(),
        **changes,
    }
