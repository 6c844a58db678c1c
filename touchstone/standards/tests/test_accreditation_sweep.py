"""The daily sweep: a provisional accreditation past its remediation deadline is terminated and
a registration past its end lapses, each with a notice to the provider's users; a second run
ends nothing twice and sends nothing twice. And the remediation deadline's three warnings."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from touchstone.core.models import AuditEvent, Notification, Schedule
from touchstone.core.services import deadlines_sweep
from touchstone.standards import services
from touchstone.standards.rules import months_after
from touchstone.standards.tasks import ACCREDITATIONS_SWEEP_SCHEDULE
from touchstone.standards.tests.accreditation import scheme_world, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return scheme_world()


def test_a_provisional_accreditation_ends_the_day_after_its_deadline_once(w):
    accreditation = submitted(w, s30="partial")
    assert services.accreditations_sweep(today=date(2026, 8, 31)) == {"terminated": 0, "lapsed": 0}
    first = services.accreditations_sweep(today=date(2026, 9, 1))
    second = services.accreditations_sweep(today=date(2026, 9, 2))
    assert first == {"terminated": 1, "lapsed": 0}
    assert second == {"terminated": 0, "lapsed": 0}
    accreditation.refresh_from_db()
    assert (accreditation.state, accreditation.ended_on) == ("terminated", date(2026, 8, 31))
    notices = Notification.objects.filter(
        key__startswith=f"standards:accreditation:{accreditation.pk}"
    )
    assert sorted(n.recipient.username for n in notices) == ["centre-admin", "centre-adviser"]
    assert "has ended" in notices.first().subject
    assert AuditEvent.objects.filter(action="terminate_accreditation").count() == 1
    assert not accreditation.assessments.filter(closed=False).exists()
    assert accreditation.version > 1


def test_a_terminated_provider_may_apply_again(w):
    submitted(w, s30="partial")
    services.accreditations_sweep(today=date(2026, 9, 1))
    again = services.accreditation_apply(
        acting_user=w.admin,
        provider=w.provider,
        standards_body=w.body,
        corporate_member=True,
        today=date(2026, 9, 2),
    )
    assert again.state == "applied"


def test_a_registration_not_renewed_lapses_once_and_a_renewed_one_does_not(w):
    lapsing = submitted(w)
    renewed = submitted(scheme_world("b-"))
    renewal = services.accreditation_renewal_start(
        acting_user=renewed.applied_by, accreditation=renewed, today=date(2026, 12, 1)
    )
    services.assessment_fee_record_payment(
        acting_user=renewed.standards_body.memberships.get().user,
        assessment=renewal,
        paid_on=date(2026, 12, 1),
    )
    services.assessment_answers_save(
        acting_user=renewed.applied_by,
        assessment=renewal,
        answers={a.number: {"reconfirmed": True} for a in renewal.answers.all()},
    )
    services.assessment_submit(
        acting_user=renewed.applied_by, assessment=renewal, today=date(2026, 12, 2)
    )
    assert services.accreditations_sweep(today=date(2027, 1, 30))["lapsed"] == 0
    assert services.accreditations_sweep(today=date(2027, 1, 31)) == {"terminated": 0, "lapsed": 1}
    assert services.accreditations_sweep(today=date(2027, 2, 1))["lapsed"] == 0
    lapsing.refresh_from_db()
    renewed.refresh_from_db()
    assert (lapsing.state, lapsing.ended_on) == ("lapsed", date(2027, 1, 30))
    assert (renewed.state, renewed.registered_until) == ("registered", date(2028, 1, 30))
    assert Notification.objects.filter(subject__contains="has lapsed").count() == 2


def test_a_registration_lapses_with_its_renewal_left_unfinished(w):
    accreditation = submitted(w)
    services.accreditation_renewal_start(
        acting_user=w.admin, accreditation=accreditation, today=date(2026, 12, 1)
    )
    services.accreditations_sweep(today=date(2027, 1, 31))
    accreditation.refresh_from_db()
    assert accreditation.state == "lapsed"
    renewal = accreditation.assessments.get(kind="renewal")
    assert renewal.closed


def test_the_remediation_deadline_warns_three_months_one_month_and_one_week_before(w):
    submitted(w, s30="partial")  # deadline 31 August 2026
    days = [date(2026, 5, d) for d in range(29, 32)] + [date(2026, 7, 31), date(2026, 8, 24)]
    sent = {}
    for day in days:
        sent[day] = deadlines_sweep(as_of=day).due_soon_sent
        deadlines_sweep(as_of=day)
    assert sent == {
        date(2026, 5, 29): 0,
        date(2026, 5, 30): 0,
        date(2026, 5, 31): 1,
        date(2026, 7, 31): 1,
        date(2026, 8, 24): 1,
    }
    assert Notification.objects.filter(recipient=w.admin).count() == 3
    assert not Notification.objects.filter(recipient=w.staff).exists()


def test_the_command_sweeps_and_schedules_the_daily_task(w, capsys):
    submitted(w, s30="partial")
    call_command("standards", "sweep", "--as-of", "2026-09-01")
    assert "1 terminated, 0 lapsed" in capsys.readouterr().out
    call_command("standards", "sweep", "--schedule")
    call_command("standards", "sweep", "--schedule")
    schedule = Schedule.objects.get(name=ACCREDITATIONS_SWEEP_SCHEDULE)
    assert schedule.task_path == "touchstone.standards.tasks.accreditations_sweep_daily"


def test_the_daily_task_runs_the_sweep(w):
    from touchstone.standards.tasks import accreditations_sweep_daily

    accreditation = submitted(w, today=months_after(timezone.localdate(), -8), s30="partial")
    assert accreditations_sweep_daily.call() == {"terminated": 1, "lapsed": 0}
    assert accreditations_sweep_daily.call() == {"terminated": 0, "lapsed": 0}
    accreditation.refresh_from_db()
    assert accreditation.state == "terminated"


def test_the_registration_end_warns_two_months_one_month_and_one_week_before(w):
    submitted(w)  # registered until 30 January 2027
    days = [date(2026, 11, 29), date(2026, 11, 30), date(2026, 12, 30), date(2027, 1, 23)]
    sent = [deadlines_sweep(as_of=day).due_soon_sent for day in days]
    sent += [deadlines_sweep(as_of=day).due_soon_sent for day in days]  # a second run
    assert sent == [0, 1, 1, 1, 0, 0, 0, 0]
    subjects = Notification.objects.filter(recipient=w.admin).values_list("subject", flat=True)
    assert all("Renew the registration under IQS" in subject for subject in subjects)
