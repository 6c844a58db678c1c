"""`touchstone register cpd-sample|cpd-reminders` and the daily reminder task."""

from datetime import datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from touchstone.core.models import AuditEvent, Deadline, Schedule
from touchstone.core.services import schedules_enqueue_due
from touchstone.register.models import CpdRecord, CpdSample, Status
from touchstone.register.services import AuditAction, cpd_submit, registrant_create
from touchstone.register.tasks import cpd_reminders_daily
from touchstone.register.tests.fixtures import add_members


def run(*args) -> str:
    out = StringIO()
    call_command("register", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def members(register, organisation, make_user):
    """Two active members who can sign in: John from the register fixture, and Jane. (Zoë is
    suspended and has no account, so she gets no reminder.)"""
    jane = registrant_create(
        acting_user=None,
        regulator=organisation,
        status=Status.objects.get(code="active"),
        number="100009",
        kind="individual",
        given_names="Jane",
        family_name="Doe",
    )
    signed_in = []
    for registrant in (register["john"], jane):
        registrant.user = make_user(registrant.given_names.lower())
        registrant.save()
        signed_in.append(registrant)
    return signed_in


@pytest.mark.django_db
def test_cpd_sample_prints_the_seed_and_repeats_with_it(register, organisation):
    add_members(organisation, 12)
    first = run("cpd-sample", "--year", "2025", "--size", "4")
    assert first.startswith("CPD sample for 2025: 4 of 13 members, seed ")
    seed = first.splitlines()[0].rsplit("seed ", 1)[1]
    again = run("cpd-sample", "--year", "2025", "--size", "4", "--seed", seed)
    assert first == again
    other = run("cpd-sample", "--year", "2025", "--size", "4", "--seed", str(int(seed) + 1))
    samples = list(CpdSample.objects.order_by("pk"))
    assert len(samples) == 3 and samples[0].numbers == samples[1].numbers
    assert len(samples[0].numbers) == 4
    assert other.splitlines()[1:] == samples[2].numbers
    assert first.splitlines()[1:] == samples[0].numbers
    logged = AuditEvent.objects.filter(action=AuditAction.DRAW_CPD_SAMPLE).order_by("pk")
    assert [e.after["seed"] for e in logged] == [int(seed), int(seed), int(seed) + 1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, message",
    [
        (["--size", "0"], "at least one member"),
        (["--size", "3", "--organisation", "nobody"], 'no regulator "nobody"'),
    ],
)
def test_cpd_sample_refusals_write_nothing(register, args, message):
    with pytest.raises(CommandError, match=message) as raised:
        run("cpd-sample", "--year", "2025", *args)
    assert raised.value.returncode == 1
    assert not CpdSample.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.DRAW_CPD_SAMPLE).exists()


@pytest.mark.django_db
def test_cpd_reminders_skip_submitted_records_and_run_twice_safely(members):
    year = timezone.localdate().year
    john, jane = members
    cpd_submit(acting_user=None, registrant=jane, year=year)
    assert run("cpd-reminders") == f"CPD reminders for {year} in place for 1 member\n"
    deadline = Deadline.objects.get(kind="register.cpd")
    assert deadline.state == Deadline.State.OPEN
    assert deadline.due_on.isoformat() == f"{year}-12-31"
    assert list(deadline.responsible.all()) == [john.user]
    assert CpdRecord.objects.get(pk=int(deadline.object_id)).registrant == john
    audits = AuditEvent.objects.count()
    run("cpd-reminders", "--year", str(year))
    assert Deadline.objects.filter(kind="register.cpd").count() == 1
    assert AuditEvent.objects.count() == audits  # setting the same reminder changes nothing


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_daily_task_schedules_reminders_and_leaves_tomorrow_to_the_schedule(members):
    result = cpd_reminders_daily.call()
    today = timezone.localdate()
    assert result == {"year": today.year, "scheduled": {"ips": 2}}
    assert Deadline.objects.filter(kind="register.cpd", state=Deadline.State.OPEN).count() == 2
    assert not DBTaskResult.objects.exists()  # tomorrow's run does not hang on this one ending


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_schedule_option_keeps_a_daily_schedule_the_worker_enqueues(register):
    assert run("cpd-reminders", "--schedule") == (
        "daily CPD reminder task scheduled at 05:30: the task worker enqueues it "
        "(a missed run at its next check)\n"
    )
    schedule = Schedule.objects.get(name="cpd-reminders")
    assert (schedule.run_at, schedule.enabled, schedule.last_slot) == (time(5, 30), True, None)
    assert not Deadline.objects.exists()
    run("cpd-reminders", "--schedule")  # again: still one schedule
    assert Schedule.objects.count() == 1
    morning = timezone.make_aware(datetime.combine(timezone.localdate(), time(5, 31)))
    assert schedules_enqueue_due(now=morning) == ["cpd-reminders"]
    assert DBTaskResult.objects.get().task_path.endswith("cpd_reminders_daily")
    assert schedules_enqueue_due(now=morning + timedelta(hours=3)) == []
