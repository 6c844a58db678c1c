from datetime import date

import pytest
from django.core import mail

from touchstone.core.models import AuditEvent, Deadline, Notification
from touchstone.core.services import AuditAction, deadline_close, deadline_set, deadlines_sweep


@pytest.fixture
def lead(make_user, organisation):
    return make_user("lead", (organisation, "officer"))


def _set(subject, organisation, lead, due_on, **kwargs):
    return deadline_set(
        acting_user=None,
        subject=subject,
        organisation=organisation,
        kind="test.thing",
        label="Publish the annual report",
        due_on=due_on,
        responsible=[lead],
        **kwargs,
    )


@pytest.mark.django_db(transaction=True)
def test_sweep_notifies_overdue_once_and_emails(organisation, lead):
    _set(organisation, organisation, lead, date(2026, 3, 31))
    first = deadlines_sweep(as_of=date(2026, 4, 1))
    second = deadlines_sweep(as_of=date(2026, 4, 2))
    assert (first.overdue_sent, second.overdue_sent) == (1, 0)
    assert Notification.objects.filter(recipient=lead).count() == 1
    assert len(mail.outbox) == 1
    assert "Overdue" in mail.outbox[0].subject
    assert mail.outbox[0].to == ["lead@example.test"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2026, 3, 16), (0, 0)),  # 15 days before: outside the 14-day warning
        (date(2026, 3, 17), (1, 0)),  # 14 days before: due soon
        (date(2026, 3, 31), (1, 0)),  # the day itself is not overdue
        (date(2026, 4, 1), (0, 1)),  # the day after is
    ],
)
def test_sweep_boundaries(organisation, lead, as_of, expected):
    _set(organisation, organisation, lead, date(2026, 3, 31))
    result = deadlines_sweep(as_of=as_of)
    assert (result.due_soon_sent, result.overdue_sent) == expected


@pytest.mark.django_db
def test_moved_deadline_warns_again_and_closed_deadline_is_silent(organisation, lead):
    _set(organisation, organisation, lead, date(2026, 3, 31))
    assert deadlines_sweep(as_of=date(2026, 4, 1)).overdue_sent == 1
    _set(organisation, organisation, lead, date(2026, 4, 10))
    assert deadlines_sweep(as_of=date(2026, 4, 11)).overdue_sent == 1
    deadline_close(acting_user=None, subject=organisation, kind="test.thing")
    _set_none = deadlines_sweep(as_of=date(2026, 5, 1))
    assert _set_none.checked == 0


@pytest.mark.django_db
def test_clearing_the_date_cancels_the_deadline(organisation, lead):
    _set(organisation, organisation, lead, date(2026, 3, 31))
    assert _set(organisation, organisation, lead, None) is None
    assert deadlines_sweep(as_of=date(2026, 6, 1)).checked == 0


@pytest.mark.django_db
def test_home_page_lists_the_users_missed_and_upcoming_deadlines(client, organisation, lead):
    from django.utils import timezone

    today = timezone.localdate()
    _set(organisation, organisation, lead, today.replace(year=today.year - 1))
    client.force_login(lead)
    page = client.get("/").content.decode()
    assert "Publish the annual report" in page
    assert "Overdue" in page


@pytest.mark.django_db
def test_closing_a_deadline_is_audited_on_its_subject_once(organisation, lead):
    deadline = _set(organisation, organisation, lead, date(2026, 3, 31))
    for _ in range(2):  # the second close finds nothing open: nothing to record
        deadline_close(acting_user=lead, subject=organisation, kind="test.thing")
    deadline.refresh_from_db()
    assert deadline.state == Deadline.State.MET
    event = AuditEvent.objects.get(action=AuditAction.CLOSE_DEADLINE)
    assert (event.actor, event.object_id, event.organisation) == (
        lead,
        str(organisation.pk),
        organisation,
    )
    assert (event.before, event.after) == (
        {"state": "open"},
        {"kind": "test.thing", "due_on": "2026-03-31", "state": "met"},
    )


@pytest.mark.django_db
def test_several_warnings_are_each_sent_once_and_the_single_one_keeps_its_key(organisation, lead):
    due = date(2026, 9, 30)
    _set(organisation, organisation, lead, due, warnings=[91, 30, 7])
    sent = {}
    for day in (date(2026, 6, 30), date(2026, 7, 1), date(2026, 7, 2)):  # 92, 91, 90 days before
        sent[day] = deadlines_sweep(as_of=day).due_soon_sent
    assert sent == {date(2026, 6, 30): 0, date(2026, 7, 1): 1, date(2026, 7, 2): 0}
    for day in (date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 23), date(2026, 9, 24)):
        deadlines_sweep(as_of=day)
        deadlines_sweep(as_of=day)
    keys = sorted(Notification.objects.filter(recipient=lead).values_list("key", flat=True))
    deadline = Deadline.objects.get()
    assert keys == [
        f"deadline:{deadline.pk}:due-soon-{days}:2026-09-30:{lead.pk}" for days in (30, 7, 91)
    ]
    assert deadline.warnings == [91, 30, 7]


@pytest.mark.django_db
def test_a_deadline_without_warnings_warns_once_warn_days_before_as_it_did(organisation, lead):
    _set(organisation, organisation, lead, date(2026, 9, 30), warn_days=14)
    assert deadlines_sweep(as_of=date(2026, 9, 15)).due_soon_sent == 0
    assert deadlines_sweep(as_of=date(2026, 9, 16)).due_soon_sent == 1
    assert deadlines_sweep(as_of=date(2026, 9, 20)).due_soon_sent == 0
    deadline = Deadline.objects.get()
    assert Notification.objects.get().key == (
        f"deadline:{deadline.pk}:due-soon:2026-09-30:{lead.pk}"
    )
