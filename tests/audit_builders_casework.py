"""The casework services' builders for tests/test_services_audit.py: for each service, the
keyword arguments of a call that should write an audit event. Each makes its own ombudsman
(the world's organisation is a regulator) and brings a case to where the call applies."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from touchstone.casework import services
from touchstone.casework.services import CaseRecord
from touchstone.casework.tests.build import at_stage, concluded, new_case
from touchstone.core.models import OrganisationKind, Role
from touchstone.core.testing import new_organisation


def _ombudsman():
    return new_organisation("audit-ombudsman", OrganisationKind.OMBUDSMAN)


def _case(*stages: str, accepted: bool = True):
    case = new_case(_ombudsman())
    return at_stage(case, *stages) if accepted else case


def _officer_of(w, organisation):
    return w.make_user("audit-ombudsman-officer", (organisation, Role.OFFICER))


def _record() -> CaseRecord:
    return CaseRecord(
        reference="AUDIT-1",
        scheme="ombudsman",
        jurisdiction="legal",
        complexity="low",
        received_on=date(2025, 1, 1),
        accepted_on=date(2025, 1, 2),
        concluded_on=date(2025, 2, 1),
        outcome="settled",
        satisfaction={"complainant": (True, True), "provider": (None, None)},
        service_complaint="",
        provider=None,
        provider_name="A firm",
        area_of_law="Wills",
    )


def _assign(w) -> dict:
    case = _case()
    return {
        "acting_user": _officer_of(w, case.organisation),
        "case": case,
        "caseworker": None,
    }


def _regulator():
    return new_organisation("audit-regulator", OrganisationKind.REGULATOR)


def _panel_member(w) -> dict:
    regulator = _regulator()
    case = new_case(regulator, "AUDIT-C", scheme="conduct")
    return {
        "acting_user": None,
        "case": case,
        "member": w.make_user("audit-panel", (regulator, Role.COMMITTEE_MEMBER)),
    }


def _asked(case):
    return services.information_request(
        acting_user=None,
        case=case,
        party=case.parties.get(),
        asked="The engagement letter",
        due_on=timezone.localdate() + timedelta(days=14),
    )


CASEWORK_BUILDERS: dict[str, Callable[[SimpleNamespace], dict]] = {
    "casework.case_create": lambda w: {
        "acting_user": None,
        "organisation": _ombudsman(),
        "scheme": "ombudsman",
        "reference": "AUDIT-1",
        "jurisdiction": "legal",
        "received_on": w.today,
        "provider_name": "A firm",
    },
    "casework.case_accept": lambda w: {
        "acting_user": None,
        "case": _case(accepted=False),
        "accepted_on": date(2025, 2, 1),
    },
    "casework.case_triage": lambda w: {
        "acting_user": None,
        "case": _case(accepted=False),
        "complexity": "low",
    },
    "casework.case_assign": _assign,
    "casework.case_transition": lambda w: {
        "acting_user": None,
        "case": _case("triage"),
        "to_stage": "investigation",
    },
    "casework.case_conclude": lambda w: {
        "acting_user": None,
        "case": _case("triage"),
        "outcome": "rejected",
        "concluded_on": date(2025, 2, 1),
    },
    "casework.case_reopen": lambda w: {
        "acting_user": None,
        "case": concluded(new_case(_ombudsman())),
        "reason": "New evidence",
    },
    "casework.case_record": lambda w: {
        "acting_user": None,
        "organisation": _ombudsman(),
        "record": _record(),
    },
    "casework.satisfaction_record": lambda w: {
        "acting_user": None,
        "case": concluded(new_case(_ombudsman())),
        "party_role": "complainant",
        "outcome_satisfied": True,
        "service_satisfied": False,
    },
    "casework.service_complaint_record": lambda w: {
        "acting_user": None,
        "case": concluded(new_case(_ombudsman())),
        "party_role": "complainant",
        "outcome": "upheld",
    },
    "casework.kpi_target_set": lambda w: {
        "acting_user": None,
        "organisation": _ombudsman(),
        "year": 2019,
        "jurisdiction": "legal",
        "complexity": "all",
        "measure": "within_90_pct",
        "value": Decimal("45"),
    },
    "casework.case_note_add": lambda w: {
        "acting_user": None,
        "case": _case("triage"),
        "note": "Spoke to the firm",
    },
    "casework.information_request": lambda w: {
        "acting_user": None,
        "case": (case := _case("triage")),
        "party": case.parties.get(),
        "asked": "The engagement letter",
        "due_on": timezone.localdate() + timedelta(days=14),
    },
    "casework.information_received": lambda w: {
        "acting_user": None,
        "request": _asked(_case("triage")),
        "received_on": timezone.localdate(),
    },
    "casework.case_decide": lambda w: {
        "acting_user": None,
        "case": _case("triage"),
        "allegation": "Delay",
        "facts_found": "Six months late",
        "findings": "Poor service",
        "outcome": "remedy",
        "remedy": "apology",
        "reasons": "The firm did not keep the complainant informed",
        "decided_on": timezone.localdate(),
    },
    "casework.panel_member_add": _panel_member,
    "casework.council_member_record": lambda w: {
        "acting_user": None,
        "organisation": (regulator := _regulator()),
        "member": w.make_user("audit-council", (regulator, Role.OFFICER)),
        "started_on": date(2025, 1, 1),
    },
    "casework.council_member_end": lambda w: {
        "acting_user": None,
        "seat": services.council_member_record(
            acting_user=None,
            organisation=(regulator := _regulator()),
            member=w.make_user("audit-council", (regulator, Role.OFFICER)),
            started_on=date(2025, 1, 1),
        ),
        "ended_on": date(2025, 6, 1),
    },
}
