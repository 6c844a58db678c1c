"""Every public service writes an audit event.

The services are found, not listed: every function exported by `touchstone.core.services`,
`touchstone.plans.services`, `touchstone.register.services`, `touchstone.rights.services`,
`touchstone.casework.services` and `touchstone.standards.services`.
Each has a builder here, which prepares what it needs and gives the arguments of one valid
call, or a line in NOT_AUDITED saying why it writes no event. A new service with neither
fails, and so does a name here that is no longer a service.
"""

import inspect
from collections.abc import Callable
from datetime import date, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.audit_builders_casework import CASEWORK_BUILDERS, NOT_AUDITED_CASEWORK
from tests.audit_builders_rights import RIGHTS_BUILDERS
from tests.audit_builders_standards import STANDARDS_BUILDERS
from touchstone.casework import services as casework
from touchstone.core import services as core
from touchstone.core.models import AuditEvent, OrganisationKind, Role
from touchstone.core.testing import sample_pdf, uploaded
from touchstone.plans import services as plans
from touchstone.plans.models import PlanKind
from touchstone.plans.tests.factories import sample_plan
from touchstone.register import services as register_services
from touchstone.register.models import Status
from touchstone.register.tests.fixtures import register  # noqa: F401 (a fixture)
from touchstone.rights import services as rights
from touchstone.standards import services as standards

MODULES = {
    "core": core,
    "plans": plans,
    "register": register_services,
    "rights": rights,
    "standards": standards,
    "casework": casework,
}
KNOWN_ACTIONS = {str(action) for module in MODULES.values() for action in module.AuditAction}

NOT_AUDITED = {
    "core.snapshot": "builds an event's before/after; writes nothing",
    "core.lock_for_change": "re-reads a row under lock for the calling service; writes nothing",
    "core.version_bump": "raises a version in memory; the calling service audits the change",
    "core.login_refusal": "a read: whether to check a sign-in attempt at all",
    "core.login_attempt_record": "the LoginAttempt row is itself the log of sign-in attempts",
    "core.deadlines_sweep": "sends once-only notifications of deadlines set by audited services",
    "core.notify": "a message about a write that its own service audited",
    "core.notifications_mark_read": "the reader's own inbox state",
    "core.job_start": "the Job row records who started what and when; its work is audited",
    "core.job_run": "job progress and outcome",
    "core.pending_import_hold": "working storage between preview and confirmation (not a record)",
    "core.pending_import_take": "working storage between preview and confirmation (not a record)",
    "core.submission_begin": "the once-only key of a write that its service audits",
    "core.submission_finish": "the stored outcome of a write that its service audits",
    "core.submission_outcome": "a read of a stored outcome",
    "core.submissions_forget": "housekeeping: forgets expired submission keys",
    "core.insert_many": "inserts the rows of a bulk write whose calling service audits it",
    "core.login_attempts_forget": "housekeeping: forgets sign-in attempts past their kept days",
    "core.schedules_enqueue_due": "worker machinery: claims a schedule's slot and enqueues it",
    "core.tasks_recover_orphans": "worker machinery: retries or fails tasks whose worker stopped",
    "core.worker_heartbeat": "worker machinery: renews a lease",
    "core.worker_running": "worker machinery: names the task a lease holds",
    "core.worker_stopped": "worker machinery: gives up a lease",
    "core.link_refusal": "a read: why a link cannot be used",
    "core.uploads_sweep": "housekeeping: removes stored bytes no upload row names",
    "core.invoice_number": "a pure function: how an invoice's number is written",
    "core.token_hash": "a pure function: the stored form of a link's token",
    "casework.information_reminders_send": "once-only email reminders of requests for "
    "information that their own service audited",
    "rights.notify_applicant": "a message about a write that its own service audited",
    "register.index_names": "rebuilds the derived name index for the audited registrant services",
    "register.prepare_search_fields": "fills derived search columns in memory; writes nothing",
    "register.reference": "a read: a category or status by code or name",
    "register.registrant_build": "builds and checks an unsaved registrant; writes nothing",
    **NOT_AUDITED_CASEWORK,
}


def public_services() -> dict[str, Callable]:
    return {
        f"{label}.{name}": value
        for label, module in MODULES.items()
        for name, value in vars(module).items()
        if not name.startswith("_") and inspect.isfunction(value)
    }


def _deadline_on(w, **changes) -> dict:
    return {
        "acting_user": None,
        "subject": w.organisation,
        "organisation": w.organisation,
        "kind": "test.thing",
        "label": "Publish the annual report",
        "due_on": date(2030, 1, 1),
        "responsible": [w.officer],
        **changes,
    }


def _open_deadline(w) -> dict:
    core.deadline_set(**_deadline_on(w))
    return {"acting_user": w.officer, "subject": w.organisation, "kind": "test.thing"}


def _token_to_revoke(w) -> dict:
    core.api_token_create(acting_user=w.officer)
    return {"acting_user": w.officer}


def _member_signed_in(w) -> dict:
    register_services.registrant_user_link(
        acting_user=None, registrant=w.john, user=w.make_user("john")
    )
    return {"acting_user": None, "regulator": w.organisation, "year": w.today.year}


def _cpd_activity(w):
    return register_services.cpd_activity_add(
        acting_user=None,
        registrant=w.john,
        done_on=w.today,
        hours=Decimal("2"),
        activity_type="Course or webinar",
        description="Ethics",
    )


def _new_individual(number: str) -> dict:
    return {"number": number, "kind": "individual", "family_name": "Jones"}


# Each builder prepares what its service needs and returns the arguments of one valid call.
def _invoice(w) -> dict:
    return {
        "acting_user": w.officer,
        "organisation": w.organisation,
        "payer": w.officer,
        "subject": w.organisation,
        "description": "Assessment fee",
        "amount": Decimal("100.00"),
        "raised_on": date(2026, 1, 5),
    }


def _link(w, **changes) -> dict:
    return {
        "acting_user": w.officer,
        "organisation": w.organisation,
        "purpose": "test.link",
        "name": "Ann Lee",
        "email": "ann@example.org",
        "valid_for": timedelta(days=1),
        "path_for": lambda token: f"/link/{token}/",
        "subject": "A link",
        "body": "Use it once.",
        **changes,
    }


BUILDERS: dict[str, Callable[[SimpleNamespace], dict]] = {
    "core.access_link_issue": _link,
    "core.invoice_raise": lambda w: _invoice(w),
    "core.invoice_record_payment": lambda w: {
        "acting_user": w.officer,
        "invoice": core.invoice_raise(**_invoice(w)),
        "paid_on": date(2026, 2, 1),
    },
    "core.access_link_spend": lambda w: {
        "token": core.access_link_issue(**_link(w))[1],
        "purpose": "test.link",
        "ip_address": "127.0.0.1",
    },
    "core.access_link_revoke": lambda w: {
        "acting_user": w.officer,
        "link": core.access_link_issue(**_link(w))[0],
    },
    "core.api_token_create": lambda w: {"acting_user": w.officer},
    "core.api_token_revoke": _token_to_revoke,
    "core.audit_record": lambda w: {
        "actor": w.officer,
        "action": core.AuditAction.CREATE,
        "obj": w.organisation,
    },
    "core.audit_record_many": lambda w: {
        "actor": None,
        "action": core.AuditAction.CREATE,
        "entries": [(w.organisation, None)],
    },
    "core.deadline_close": _open_deadline,
    "core.deadline_set": _deadline_on,
    "core.membership_grant": lambda w: {
        "acting_user": None,
        "user": w.make_user("newcomer"),
        "organisation": w.organisation,
        "role": Role.CASEWORKER,
    },
    "core.organisation_create": lambda w: {
        "acting_user": None,
        "slug": "new-body",
        "name": "New body",
        "kind": OrganisationKind.PROVIDER,
    },
    "core.person_create": lambda w: {
        "acting_user": None,
        "organisation": w.organisation,
        "full_name": "Brenda Bloggs",
        "initials": "BB",
    },
    "core.schedule_enable": lambda w: {
        "acting_user": None,
        "name": "deadline-sweep",
        "task_path": "touchstone.core.tasks.sweep_deadlines_daily",
        "run_at": time(6),
    },
    "core.letter_store": lambda w: {
        "organisation": w.organisation,
        "filename": "decision.pdf",
        "pdf": sample_pdf("A letter"),
    },
    "core.upload_store": lambda w: {
        "acting_user": w.officer,
        "organisation": w.organisation,
        "file": uploaded(sample_pdf()),
    },
    "core.user_create": lambda w: {"acting_user": None, "username": "newcomer", "password": None},
    "plans.plan_create": lambda w: {
        "acting_user": None,
        "organisation": w.organisation,
        "title": "Another plan",
        "kind": PlanKind.BUSINESS_PLAN,
    },
    "plans.area_add": lambda w: {"acting_user": None, "plan": w.plan(), "name": "Governance"},
    "plans.target_add": lambda w: {
        "acting_user": None,
        "area": w.plan().areas.first(),
        "text": "Board papers on time",
    },
    "plans.action_add": lambda w: {
        "acting_user": None,
        "target": w.plan().areas.first().targets.first(),
        "data": plans.ActionInput(text="Publish the minutes", due_text="July 2030"),
    },
    "plans.action_update": lambda w: {
        "acting_user": None,
        "action": w.plan().actions.first(),
        "comment": "Waiting for the board",
    },
    "plans.progress_record": lambda w: {
        "acting_user": None,
        "action": w.plan().actions.first(),
        "text": "First draft circulated",
    },
    "register.cpd_activity_add": lambda w: {
        "acting_user": None,
        "registrant": w.john,
        "done_on": w.today,
        "hours": Decimal("2"),
        "activity_type": "Course or webinar",
        "description": "Ethics",
    },
    "register.cpd_activity_remove": lambda w: {"acting_user": None, "activity": _cpd_activity(w)},
    "register.cpd_activity_update": lambda w: {
        "acting_user": None,
        "activity": _cpd_activity(w),
        "done_on": w.today,
        "hours": Decimal("3"),
        "activity_type": "Course or webinar",
        "description": "Ethics, in full",
    },
    "register.cpd_reminders_schedule": _member_signed_in,
    "register.cpd_sample_draw": lambda w: {
        "acting_user": None,
        "regulator": w.organisation,
        "year": 2025,
        "size": 1,
        "seed": 7,
    },
    "register.cpd_submit": lambda w: {
        "acting_user": None,
        "registrant": w.john,
        "year": w.today.year,
    },
    "register.entity_offices_set": lambda w: {
        "acting_user": None,
        "entity": w.firm,
        "offices": [("Bedford", "MK40 1AB")],
    },
    "register.finding_publication_change": lambda w: {
        "acting_user": None,
        "finding": w.john.findings.filter(publish=False).first(),
        "publish": True,
        "publish_from": None,
        "publish_until": None,
    },
    "register.finding_record": lambda w: {
        "acting_user": None,
        "registrant": w.zoe,
        "decided_on": date(2025, 1, 1),
        "body": "Disciplinary Tribunal",
        "summary": "Late filing",
        "sanction": "Warning",
        "publish": False,
    },
    "register.registrant_create": lambda w: {
        "acting_user": None,
        "regulator": w.organisation,
        "status": w.active,
        **_new_individual("300001"),
    },
    "register.registrants_create_many": lambda w: {
        "acting_user": None,
        "regulator": w.organisation,
        "registrants": [
            register_services.NewRegistrant(status=w.active, fields=_new_individual("300002"))
        ],
    },
    "register.registrant_status_change": lambda w: {
        "acting_user": None,
        "registrant": w.john,
        "status": Status.objects.get(code="lapsed"),
        "effective_on": date(2026, 1, 1),
    },
    "register.registrant_update": lambda w: {
        "acting_user": None,
        "registrant": w.john,
        "town": "Luton",
    },
    "register.registrant_user_link": lambda w: {
        "acting_user": None,
        "registrant": w.zoe,
        "user": w.make_user("zoe"),
    },
    "register.right_grant": lambda w: {
        "acting_user": None,
        "registrant": w.zoe,
        "code": "probate",
        "granted_on": date(2026, 1, 1),
    },
    "register.right_end": lambda w: {
        "acting_user": None,
        "right": w.john.rights.get(),
        "ended_on": date(2026, 1, 1),
    },
}


BUILDERS |= RIGHTS_BUILDERS
BUILDERS |= STANDARDS_BUILDERS
BUILDERS |= CASEWORK_BUILDERS


def test_every_service_has_a_builder_or_a_reason():
    services = set(public_services())
    assert not set(BUILDERS) & set(NOT_AUDITED), "audited or not: one of the two"
    missing = sorted(services - set(BUILDERS) - set(NOT_AUDITED))
    assert not missing, f"give these a builder here (they must audit) or a reason: {missing}"
    gone = sorted((set(BUILDERS) | set(NOT_AUDITED)) - services)
    assert not gone, f"no longer services: {gone}"
    for name, reason in NOT_AUDITED.items():
        assert reason.strip() and "\n" not in reason, name


@pytest.fixture
def world(register, organisation, officer, make_user):  # noqa: F811 (the register fixture)
    plan = []

    def the_plan():  # imported on first use only: most services do not need one
        if not plan:
            plan.append(sample_plan(organisation))
        return plan[0]

    return SimpleNamespace(
        organisation=organisation,
        officer=officer,
        make_user=make_user,
        today=timezone.localdate(),
        active=Status.objects.get(code="active"),
        plan=the_plan,
        **register,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(set(public_services()) - set(NOT_AUDITED)))
def test_the_service_writes_an_audit_event(world, name):
    builder = BUILDERS.get(name)
    assert builder is not None, f"{name} has no builder here and no reason in NOT_AUDITED"
    arguments = builder(world)
    before = AuditEvent.objects.count()
    public_services()[name](**arguments)
    actions = list(AuditEvent.objects.order_by("pk")[before:].values_list("action", flat=True))
    assert actions, f"{name} wrote no audit event"
    assert set(actions) <= KNOWN_ACTIONS, f"{name} wrote an action no module names: {actions}"
