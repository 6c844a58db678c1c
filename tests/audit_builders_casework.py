"""The casework services' builders for tests/test_services_audit.py: for each service, the
keyword arguments of a call that should write an audit event. Each makes its own ombudsman
(the world's organisation is a regulator) and brings a case to where the call applies."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from touchstone.casework import services
from touchstone.casework.models import ComplaintDraft
from touchstone.casework.services import CaseRecord
from touchstone.casework.tests.build import at_stage, concluded, new_case
from touchstone.casework.tests.test_public_once import ANSWERS
from touchstone.core.models import OrganisationKind, Role
from touchstone.core.testing import new_organisation, sample_pdf, uploaded


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


def _draft(answers: dict | None = None) -> ComplaintDraft:
    return ComplaintDraft.objects.create(
        organisation=_ombudsman(), answers=ANSWERS if answers is None else answers
    )


def _with_email(case):
    case.parties.filter(role="complainant").update(email="alex@example.org")
    return case


def _follow_token(case=None) -> str:
    case = _with_email(case or new_case(_ombudsman()))
    party = case.parties.get(role="complainant")
    return services.follow_link_send(case=case, party=party)[1]


def _follow_link(w) -> dict:
    case = _with_email(new_case(_ombudsman()))
    return {"case": case, "party": case.parties.get(role="complainant")}


def _draft_token(w) -> dict:
    draft = _draft()
    return {
        "token": services.complaint_save_for_later(draft=draft, email="a@example.org")[1],
        "ip_address": None,
    }


def _survey_token(w) -> dict:
    case = _with_email(new_case(_ombudsman()))
    token = services.survey_send(concluded(case))[0]
    return {
        "token": token,
        "outcome_satisfied": True,
        "service_satisfied": False,
        "ip_address": None,
    }


PUBLIC_BUILDERS: dict[str, Callable[[SimpleNamespace], dict]] = {
    "casework.complaint_evidence_add": lambda w: {
        "draft": _draft({}),
        "file": uploaded(sample_pdf("Bill")),
    },
    "casework.complaint_save_for_later": lambda w: {"draft": _draft(), "email": "a@example.org"},
    "casework.complaint_resume": _draft_token,
    "casework.complaint_submit": lambda w: {"draft": _draft()},
    "casework.follow_link_send": _follow_link,
    "casework.follow_link_renew": lambda w: {
        "reference": _with_email(new_case(_ombudsman())).reference,
        "email": "alex@example.org",
    },
    "casework.case_message_send": lambda w: {"token": _follow_token(), "text": "Hello"},
    "casework.case_evidence_send": lambda w: {
        "token": _follow_token(),
        "file": uploaded(sample_pdf("Letter")),
    },
    "casework.service_complaint_make": lambda w: {"token": _follow_token(), "text": "Slow"},
    "casework.survey_send": lambda w: {"case": _with_email(concluded(new_case(_ombudsman())))},
    "casework.survey_answer": _survey_token,
}
NOT_AUDITED_CASEWORK = {
    "casework.complaint_page_save": (
        "a member of the public's unsent answers, kept page by page; sending them is audited"
    ),
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
    **PUBLIC_BUILDERS,
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
