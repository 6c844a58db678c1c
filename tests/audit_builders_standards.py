"""The standards services' builders for tests/test_services_audit.py: for each service, the
keyword arguments of a call that should write an audit event, made on the accreditation
tests' world (a standards body, a provider and their people)."""

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace

from touchstone.core.testing import sample_pdf, uploaded
from touchstone.standards.tests.accreditation import (
    APPLIED_ON,
    answered,
    applied,
    open_assessment,
    paid,
    scheme_world,
    submitted,
)
from touchstone.standards.tests.build import small_library


def _open(w):
    scheme = scheme_world("audit-")
    return scheme, open_assessment(applied(scheme))


def _answers(w) -> dict:
    scheme, assessment = _open(w)
    return {
        "acting_user": scheme.admin,
        "assessment": assessment,
        "answers": {1: {"answer": "complied", "note": "The policy"}},
    }


def _evidence(w) -> dict:
    scheme, assessment = _open(w)
    return {
        "acting_user": scheme.admin,
        "assessment": assessment,
        "number": 1,
        "file": uploaded(sample_pdf("Complaints policy")),
    }


def _payment(w) -> dict:
    scheme, assessment = _open(w)
    return {"acting_user": scheme.officer, "assessment": assessment, "paid_on": APPLIED_ON}


def _submit(w) -> dict:
    scheme, assessment = _open(w)
    answered(scheme, paid(scheme, assessment))
    return {"acting_user": scheme.admin, "assessment": assessment, "today": APPLIED_ON}


def _renewal(w) -> dict:
    scheme = scheme_world("audit-")
    accreditation = submitted(scheme)
    return {"acting_user": scheme.admin, "accreditation": accreditation, "today": date(2026, 12, 1)}


def _sweep(w) -> dict:
    submitted(scheme_world("audit-"), s30="partial")
    return {"today": date(2026, 9, 1)}


STANDARDS_BUILDERS: dict[str, Callable[[SimpleNamespace], dict]] = {
    "standards.framework_load": lambda w: {"acting_user": None, "library": small_library()},
    "standards.accreditation_apply": lambda w: (
        lambda scheme: {
            "acting_user": scheme.admin,
            "provider": scheme.provider,
            "standards_body": scheme.body,
            "corporate_member": True,
        }
    )(scheme_world("audit-")),
    "standards.assessment_fee_record_payment": _payment,
    "standards.assessment_answers_save": _answers,
    "standards.assessment_evidence_add": _evidence,
    "standards.assessment_submit": _submit,
    "standards.accreditation_renewal_start": _renewal,
    "standards.accreditations_sweep": _sweep,
}
