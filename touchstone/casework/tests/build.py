"""Records the casework tests start from: an ombudsman and a regulator with their staff, and
cases brought to a stage through the services."""

from datetime import date

from touchstone.casework import services
from touchstone.core.models import OrganisationKind, Role
from touchstone.core.testing import new_organisation, new_user

RECEIVED = date(2025, 1, 6)
ACCEPTED = date(2025, 1, 20)


def ombudsman_world(prefix: str = "") -> dict:
    """An ombudsman with a caseworker, an ombudsman (officer), a manager and a board member,
    and a regulator with an officer and a panel member."""
    ombudsman = new_organisation(f"{prefix}ombudsman", OrganisationKind.OMBUDSMAN)
    regulator = new_organisation(f"{prefix}regulator", OrganisationKind.REGULATOR)
    return {
        "ombudsman": ombudsman,
        "regulator": regulator,
        "caseworker": new_user(f"{prefix}caseworker", (ombudsman, Role.CASEWORKER)),
        "decider": new_user(f"{prefix}decider", (ombudsman, Role.OFFICER)),
        "manager": new_user(f"{prefix}manager", (ombudsman, Role.MANAGER)),
        "board": new_user(f"{prefix}board", (regulator, Role.BOARD_MEMBER)),
        "conduct_officer": new_user(f"{prefix}conduct-officer", (regulator, Role.OFFICER)),
        "panel": new_user(f"{prefix}panel", (regulator, Role.COMMITTEE_MEMBER)),
    }


def new_case(organisation, reference: str = "LO-1", scheme: str = "ombudsman", **extra):
    return services.case_create(
        acting_user=None,
        organisation=organisation,
        scheme=scheme,
        reference=reference,
        jurisdiction=extra.pop("jurisdiction", "legal"),
        received_on=extra.pop("received_on", RECEIVED),
        provider_name=extra.pop("provider_name", "Smith & Co Solicitors"),
        complainant_name="Alex Brown",
        **extra,
    )


def at_stage(case, *stages: str, complexity: str = "medium"):
    """The case accepted, triaged and moved through `stages` by a trusted caller."""
    case = services.case_accept(acting_user=None, case=case, accepted_on=ACCEPTED)
    case = services.case_triage(acting_user=None, case=case, complexity=complexity)
    for stage in stages:
        case = services.case_transition(acting_user=None, case=case, to_stage=stage)
    return case


def concluded(case, outcome: str = "remedy", on: date = date(2025, 5, 1), **extra):
    case = at_stage(case, "triage", "investigation")
    return services.case_conclude(
        acting_user=None, case=case, outcome=outcome, concluded_on=on, **extra
    )
