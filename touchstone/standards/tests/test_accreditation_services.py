"""The accreditation services: every transition (applied → registered; applied → provisional
→ registered; provisional → terminated; registered → renewed; registered → lapsed), the
refusals with their messages, and nothing written when refused."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from touchstone.core.models import AuditEvent, Deadline, Invoice
from touchstone.core.services import StaleVersion
from touchstone.core.testing import row_counts
from touchstone.standards import services
from touchstone.standards.models import Accreditation, Answer
from touchstone.standards.tests.accreditation import (
    APPLIED_ON,
    answered,
    applied,
    open_assessment,
    paid,
    scheme_world,
    submitted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return scheme_world()


@pytest.mark.parametrize(("corporate", "fee"), [(True, Decimal("200")), (False, Decimal("350"))])
def test_applying_raises_the_fee_in_force_for_a_member_or_not(w, corporate, fee):
    accreditation = applied(w, corporate_member=corporate)
    assessment = open_assessment(accreditation)
    assert accreditation.state == "applied"
    assert assessment.fee == fee and assessment.invoice.amount == fee
    assert assessment.invoice.organisation == w.body and assessment.invoice.payer == w.admin
    assert assessment.answers.count() == 71
    assert not assessment.answers.exclude(answer="").exists()
    assert AuditEvent.objects.filter(action="apply_accreditation").count() == 1


def test_a_second_open_application_is_refused_and_the_database_refuses_it_too(w):
    first = applied(w)
    with pytest.raises(ValidationError, match="already has an open IQS accreditation"):
        applied(w)
    with pytest.raises(IntegrityError), transaction.atomic():
        Accreditation.objects.create(
            provider=w.provider,
            standards_body=w.body,
            framework=first.framework,
            framework_ref="iqs-2012",
            applied_on=APPLIED_ON,
            applied_by=w.admin,
        )


def test_only_those_running_the_provider_may_apply(w):
    for user in (w.staff, w.other_admin, w.officer):
        with pytest.raises(PermissionDenied):
            services.accreditation_apply(
                acting_user=user, provider=w.provider, standards_body=w.body, corporate_member=False
            )
    with pytest.raises(ValidationError, match="not a standards body"):
        services.accreditation_apply(
            acting_user=w.admin,
            provider=w.provider,
            standards_body=w.other_provider,
            corporate_member=False,
        )
    assert not Accreditation.objects.exists() and not Invoice.objects.exists()


def test_only_the_accrediting_body_records_the_fee_once(w):
    assessment = open_assessment(applied(w))
    for user in (w.admin, w.other_officer):
        with pytest.raises(PermissionDenied):
            services.assessment_fee_record_payment(
                acting_user=user, assessment=assessment, paid_on=APPLIED_ON
            )
    paid(w, assessment)
    assessment.invoice.refresh_from_db()
    assert assessment.invoice.paid_on == APPLIED_ON
    with pytest.raises(ValidationError, match="already paid"):
        paid(w, assessment)


def test_answers_are_kept_as_typed_one_or_several_at_a_time_and_versioned(w):
    assessment = open_assessment(applied(w))
    version = assessment.version
    services.assessment_answers_save(
        acting_user=w.admin,
        assessment=assessment,
        answers={1: {"answer": "complied", "note": "Our policy, page 3"}, 2: {"note": "Draft"}},
    )
    rows = {a.number: (a.answer, a.note) for a in assessment.answers.filter(number__in=[1, 2])}
    assert rows == {1: ("complied", "Our policy, page 3"), 2: ("", "Draft")}
    assert assessment.version == version + 1
    events = AuditEvent.objects.filter(action="save_assessment_answers").count()
    services.assessment_answers_save(
        acting_user=w.admin, assessment=assessment, answers={1: {"answer": "complied"}}
    )
    assert assessment.version == version + 1  # nothing changed, nothing written
    assert AuditEvent.objects.filter(action="save_assessment_answers").count() == events
    with pytest.raises(StaleVersion):
        services.assessment_answers_save(
            acting_user=w.admin,
            assessment=assessment,
            answers={3: {"answer": "partial"}},
            expected_version=version,
        )


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({99: {"answer": "complied"}}, 'no standard numbered "99"'),
        ({1: {"answer": "maybe"}}, "Choose an answer to standard 1"),
        ({1: {"note": "x" * 4001}}, "4000 characters"),
    ],
)
def test_a_bad_answer_is_refused_and_nothing_is_saved(w, answers, message):
    assessment = open_assessment(applied(w))
    with pytest.raises(ValidationError, match=message):
        services.assessment_answers_save(
            acting_user=w.admin, assessment=assessment, answers=answers
        )
    assert not Answer.objects.exclude(answer="", note="").exists()


def test_a_provider_member_who_does_not_run_it_and_outsiders_cannot_answer(w):
    assessment = open_assessment(applied(w))
    for user in (w.staff, w.other_admin, w.officer):
        with pytest.raises(PermissionDenied):
            services.assessment_answers_save(
                acting_user=user, assessment=assessment, answers={1: {"answer": "complied"}}
            )


def test_submitting_needs_the_fee_paid_then_every_answer(w):
    assessment = open_assessment(applied(w))
    answered(w, assessment)
    with pytest.raises(ValidationError, match="fee .* has not been paid"):
        services.assessment_submit(acting_user=w.admin, assessment=assessment, today=APPLIED_ON)
    paid(w, assessment)
    services.assessment_answers_save(
        acting_user=w.admin, assessment=assessment, answers={7: {"answer": ""}, 9: {"answer": ""}}
    )
    with pytest.raises(ValidationError, match="standards 7 and 9 have no answer"):
        services.assessment_submit(acting_user=w.admin, assessment=assessment, today=APPLIED_ON)
    assessment.refresh_from_db()
    assert assessment.submissions == 0 and assessment.accreditation.state == "applied"


def test_compliant_is_registered_for_twelve_months_with_renewal_reminders(w):
    accreditation = submitted(w, today=APPLIED_ON)
    assert accreditation.state == "registered"
    assert (accreditation.registered_from, accreditation.registered_until) == (
        date(2026, 1, 31),
        date(2027, 1, 30),
    )
    deadline = Deadline.objects.get(kind="standards.registration_end")
    assert deadline.due_on == date(2027, 1, 30)
    assert deadline.warnings == [(date(2027, 1, 30) - date(2026, 11, 30)).days, 31, 7]
    assert list(deadline.responsible.all()) == [w.admin]
    assessment = accreditation.assessments.get()
    assert assessment.closed and assessment.status == "compliant"


def test_partial_is_provisional_with_the_deadline_and_three_warnings(w):
    accreditation = submitted(w, today=APPLIED_ON, s19="partial", s55="n/a")
    assert accreditation.state == "provisional"
    assert accreditation.remediation_deadline == date(2026, 8, 31)
    assessment = open_assessment(accreditation)
    assert assessment.status == "partially_compliant"
    assert assessment.non_compliant == [18, 19, 55]
    deadline = Deadline.objects.get(kind="standards.remediation")
    assert deadline.due_on == date(2026, 8, 31)
    assert deadline.warnings == [92, 31, 7]  # 31 May, 31 July, 24 August


def test_provisional_then_compliant_by_the_deadline_is_registered(w):
    accreditation = submitted(w, today=APPLIED_ON, s30="not_complied")
    assessment = open_assessment(accreditation)
    services.assessment_answers_save(
        acting_user=w.admin, assessment=assessment, answers={30: {"answer": "partial"}}
    )
    services.assessment_submit(acting_user=w.admin, assessment=assessment, today=date(2026, 5, 1))
    accreditation.refresh_from_db()
    assert accreditation.state == "provisional"
    assert accreditation.remediation_deadline == date(2026, 8, 31)  # kept, not moved
    services.assessment_answers_save(
        acting_user=w.admin, assessment=assessment, answers={30: {"answer": "complied"}}
    )
    services.assessment_submit(acting_user=w.admin, assessment=assessment, today=date(2026, 8, 31))
    accreditation.refresh_from_db()
    assert accreditation.state == "registered"
    assert accreditation.remediation_deadline is None
    assert accreditation.registered_until == date(2027, 8, 30)
    remediation = Deadline.objects.get(kind="standards.remediation")
    assert remediation.state == "met"
    assessment.refresh_from_db()
    assert assessment.submissions == 3 and assessment.closed


def test_after_the_deadline_the_assessment_cannot_be_submitted(w):
    accreditation = submitted(w, today=APPLIED_ON, s30="partial")
    assessment = open_assessment(accreditation)
    with pytest.raises(ValidationError, match="remediation deadline was 31 August 2026"):
        services.assessment_submit(
            acting_user=w.admin, assessment=assessment, today=date(2026, 9, 1)
        )


def test_a_registered_assessment_is_closed_to_changes(w):
    accreditation = submitted(w)
    assessment = accreditation.assessments.get()
    with pytest.raises(ValidationError, match="closed"):
        services.assessment_answers_save(
            acting_user=w.admin, assessment=assessment, answers={1: {"answer": "partial"}}
        )


def test_renewal_starts_from_last_years_answers_each_to_be_reconfirmed(w):
    accreditation = submitted(w, today=APPLIED_ON, s26="n/a")
    with pytest.raises(ValidationError, match="renewal opens on 30 October 2026"):
        services.accreditation_renewal_start(
            acting_user=w.admin, accreditation=accreditation, today=date(2026, 10, 29)
        )
    renewal = services.accreditation_renewal_start(
        acting_user=w.admin, accreditation=accreditation, today=date(2026, 11, 2)
    )
    assert renewal.kind == "renewal" and renewal.invoice.amount == Decimal("350")
    assert renewal.answers.get(number=26).answer == "n/a"
    assert not renewal.answers.filter(reconfirmed=True).exists()
    with pytest.raises(ValidationError, match="already been started"):
        services.accreditation_renewal_start(
            acting_user=w.admin, accreditation=accreditation, today=date(2026, 11, 2)
        )
    paid(w, renewal)
    services.assessment_answers_save(
        acting_user=w.admin,
        assessment=renewal,
        answers={n: {"reconfirmed": True} for n in range(1, 71)},
    )
    with pytest.raises(ValidationError, match="standard 71 before submitting"):
        services.assessment_submit(acting_user=w.admin, assessment=renewal, today=date(2026, 11, 3))
    services.assessment_answers_save(
        acting_user=w.admin, assessment=renewal, answers={71: {"answer": "n/a"}}
    )  # changed: that confirms it too
    services.assessment_submit(acting_user=w.admin, assessment=renewal, today=date(2026, 11, 3))
    accreditation.refresh_from_db()
    assert accreditation.state == "registered"
    assert (accreditation.registered_from, accreditation.registered_until) == (
        date(2027, 1, 31),
        date(2028, 1, 30),
    )
    assert Deadline.objects.get(kind="standards.registration_end").due_on == date(2028, 1, 30)


def test_a_provisional_accreditation_cannot_be_renewed(w):
    accreditation = submitted(w, s2="partial")
    with pytest.raises(ValidationError, match="provisionally registered"):
        services.accreditation_renewal_start(
            acting_user=w.admin, accreditation=accreditation, today=date(2026, 12, 1)
        )


def test_a_refused_submission_writes_nothing(w):
    assessment = open_assessment(applied(w))
    answered(w, assessment)
    before = row_counts("standards", "core")
    with pytest.raises(ValidationError):
        services.assessment_submit(acting_user=w.admin, assessment=assessment, today=APPLIED_ON)
    assert row_counts("standards", "core") == before
