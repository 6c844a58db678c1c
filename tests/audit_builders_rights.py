"""The practice-rights services' builders for tests/test_services_audit.py: for each service,
the keyword arguments of a call that should write an audit event, made from the test's
world (`w`: the organisation, its officer, `make_user`, today)."""

from collections.abc import Callable
from datetime import date, timedelta
from types import SimpleNamespace

from django.utils import timezone

from touchstone.core import selectors as core_selectors
from touchstone.core.testing import sample_pdf, uploaded
from touchstone.rights import services as rights
from touchstone.rights.tests import declarations as rights_declarations
from touchstone.rights.tests import portfolio as rights_portfolio
from touchstone.rights.tests import references as rights_references
from touchstone.rights.tests import submission as rights_submission


def _application(w, state: str = "draft"):
    """An application (by a new applicant) with one period, in `state`."""
    applicant = w.make_user(f"applicant-{state}")
    application = rights.application_start(
        acting_user=applicant, regulator=w.organisation, scheme="immigration"
    )
    rights.experience_period_add(acting_user=applicant, application=application, **_PERIOD)
    if state != "draft":
        rights_references.given(application)
        rights.experience_submit(acting_user=applicant, application=application)
    if state == "not_met":
        rights.experience_decide(
            acting_user=w.officer, application=application, action="does_not_meet", reasons="No"
        )
    application.refresh_from_db()
    return applicant, application


_CPQ = "cilex-professional-qualification-cpq"
_PERIOD = {"kind": "work", "start": date(2025, 1, 1), "hours": 100, "tasks": ["advising"]}


def _portfolio(w, call: Callable) -> dict:
    """A draft application with a supervisor and a sheet for 2.3 with one document."""
    applicant, application = _application(w)
    rights_portfolio.supervised(application)
    return call(applicant, rights_portfolio.with_evidence(application, "2.3"))


def _requested(w, call: Callable) -> dict:
    applicant, application = _application(w)
    return call(applicant, rights_references.requested(application))


def _referenced(call: dict) -> dict:
    rights_references.given(call["application"])
    return call


def _with(state: str, **call):
    def build(w):
        applicant, application = _application(w, state)
        return {"acting_user": applicant, "application": application, **call}

    return build


def _period_call(**call):
    def build(w):
        applicant, application = _application(w)
        return {"acting_user": applicant, "period": application.periods.get(), **call}

    return build


RIGHTS_BUILDERS: dict[str, Callable[[SimpleNamespace], dict]] = {
    "rights.application_start": lambda w: {
        "acting_user": w.make_user("starter"),
        "regulator": w.organisation,
        "scheme": "immigration",
    },
    "rights.experience_period_add": _with("draft", **_PERIOD),
    "rights.experience_period_update": _period_call(hours=200),
    "rights.experience_period_remove": _period_call(),
    "rights.experience_submit": lambda w: _referenced(_with("draft")(w)),
    "rights.portfolio_sheet_save": _with(
        "draft", example="2.3", **rights_portfolio.sheet_fields("2.3")
    ),
    "rights.portfolio_sheet_remove": lambda w: _portfolio(
        w,
        lambda applicant, sheet: {
            "acting_user": applicant,
            "sheet": sheet,
        },
    ),
    "rights.portfolio_evidence_add": lambda w: _portfolio(
        w,
        lambda applicant, sheet: {
            "acting_user": applicant,
            "sheet": sheet,
            "description": "Letter",
            "date": date(2026, 1, 5),
            "kind": "client_letter",
            "file": uploaded(sample_pdf("A letter")),
        },
    ),
    "rights.portfolio_evidence_remove": lambda w: _portfolio(
        w,
        lambda applicant, sheet: {
            "acting_user": applicant,
            "evidence": sheet.evidence.get(),
        },
    ),
    "rights.portfolio_supervisor_add": _with(
        "draft", name="Ann Lee", authorised=True, current=True
    ),
    "rights.portfolio_supervisor_remove": lambda w: _portfolio(
        w,
        lambda applicant, sheet: {
            "acting_user": applicant,
            "supervisor": sheet.application.supervisors.get(),
        },
    ),
    "rights.portfolio_optional_set": _with("draft", include=True),
    "rights.reference_request": _with("draft", name="Ann Lee", email="ann@example.org"),
    "rights.reference_withdraw": lambda w: _requested(
        w,
        lambda applicant, reference: {
            "acting_user": applicant,
            "reference": reference,
        },
    ),
    "rights.reference_give": lambda w: _requested(
        w,
        lambda applicant, reference: {
            "token": reference.link_token,
            "ip_address": "127.0.0.1",
            **rights_references.answers(reference.application),
        },
    ),
    "rights.references_chase": lambda w: {
        "now": rights_references.requested(_application(w)[1]).invited_at + timedelta(days=8)
    },
    "rights.experience_reopen": _with("not_met"),
    "rights.fee_payment_record": lambda w: {
        "acting_user": w.officer,
        "application": (found := _application(w, "submitted")[1]),
        "invoice": core_selectors.invoices_for(found).get(),
        "paid_on": w.today,
    },
    "rights.declarations_send": lambda w: {
        "acting_user": w.officer,
        "application": rights_declarations.submitted(
            _application(w)[1], state="declarations_pending"
        ),
    },
    "rights.application_fee_settled": lambda w: {
        "acting_user": None,
        "application": _fee_paid(_application(w)[1]),
    },
    "rights.declaration_sign": lambda w: {
        "token": (signing := rights_declarations.sent(_application(w)[1])[0]).link_token,
        "signed_name": signing.name,
        "confirms": True,
        "ip": "127.0.0.1",
        "user_agent": "audit test",
    },
    "rights.application_form_save": _with("draft", answers=dict(rights_submission.ANSWERS)),
    "rights.application_submit": lambda w: {
        "acting_user": (found := _step4(w)).applicant,
        "application": found,
    },
    "rights.application_resubmit": lambda w: {
        "acting_user": (found := _step4(w, "information_requested")).applicant,
        "application": found,
        "note": "The new sheet for 2.3.",
    },
    "rights.application_decide": lambda w: {
        "acting_user": w.officer,
        "application": _step4(w, "under_assessment"),
        "action": "request_information",
        "reasons": "More on 2.3, please.",
        "information_due_on": w.today + timedelta(days=14),
    },
    "rights.experience_decide": lambda w: {
        **_with("submitted", action="meets")(w),
        "acting_user": w.officer,
    },
    "rights.knowledge_evidence_set": lambda w: {
        **_with("draft", route="accredited", qualification=_CPQ)(w),
        "file": uploaded(sample_pdf()),
    },
    "rights.knowledge_submit": lambda w: _knowledge(w, "draft"),
    "rights.knowledge_reopen": lambda w: _knowledge(w, "not_met"),
    "rights.knowledge_decide": lambda w: {
        **_knowledge(w, "submitted"),
        "acting_user": w.officer,
        "action": "meets",
    },
}


def _step4(w, state: str = "draft"):
    """An application with everything step 4 asks for, in `state` (set directly, as of today,
    for a state after submitting)."""
    applicant = w.make_user(f"step4-{state}")
    found = rights.application_start(
        acting_user=applicant, regulator=w.organisation, scheme="immigration"
    )
    rights_submission.ready(found, w.officer)
    if state != "draft":
        type(found).objects.filter(pk=found.pk).update(
            application_state=state, application_submitted_on=timezone.localdate()
        )
        found.refresh_from_db()
    return found


def _fee_paid(application):
    """An application whose step 4 fee is due and paid, but not yet recorded as settled."""
    rights_declarations.submitted(application, state="fee_due")
    invoice = rights_declarations.application_fee(application)
    invoice.paid_on = invoice.raised_on
    invoice.save()
    return application


def _knowledge(w, state: str) -> dict:
    """An application with step 1's evidence complete, in `state`."""
    applicant, application = _application(w)
    rights.knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="accredited",
        qualification=_CPQ,
        file=uploaded(sample_pdf()),
    )
    if state != "draft":
        rights.knowledge_submit(acting_user=applicant, application=application)
    if state == "not_met":
        rights.knowledge_decide(
            acting_user=w.officer, application=application, action="does_not_meet", reasons="No"
        )
    application.refresh_from_db()
    return {"acting_user": applicant, "application": application}
