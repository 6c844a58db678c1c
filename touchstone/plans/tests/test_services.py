from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from touchstone.core.models import AuditEvent, Deadline, Notification, Role
from touchstone.core.services import deadlines_sweep, person_create
from touchstone.plans.models import Action, Plan, ProgressUpdate
from touchstone.plans.services import (
    ActionInput,
    AuditAction,
    action_add,
    action_update,
    area_add,
    plan_create,
    progress_record,
    target_add,
)


@pytest.fixture
def lead_user(make_user, organisation):
    user = make_user("bb", (organisation, Role.OFFICER))
    person_create(
        acting_user=None,
        organisation=organisation,
        full_name="Beth Barker",
        initials="BB",
        user=user,
    )
    return user


@pytest.fixture
def target(organisation, officer):
    plan = plan_create(
        acting_user=officer, organisation=organisation, title="Plan 2009-10", kind="business_plan"
    )
    area = area_add(acting_user=officer, plan=plan, name="Fitness to practise")
    return target_add(acting_user=officer, area=area, text="Robust procedures", number=1)


def _add(target, officer, **kwargs) -> Action:
    data = {"text": "Launch new rules", "due_text": "January 2010", "leads_text": "BB FTP WP"}
    return action_add(acting_user=officer, target=target, data=ActionInput(**{**data, **kwargs}))


@pytest.mark.django_db
def test_action_add_derives_due_date_leads_and_audit(target, officer, lead_user):
    action = _add(target, officer)
    assert (action.due_date, action.recurring) == (date(2010, 1, 31), False)
    assert action.leads == ["BB", "FTP", "WP"]
    assert [p.initials for p in action.lead_people.all()] == ["BB"]
    event = AuditEvent.objects.get(
        object_id=str(action.pk), action=AuditAction.CREATE, content_type__model="action"
    )
    assert event.actor == officer
    assert event.after["due_date"] == "2010-01-31"


@pytest.mark.django_db
def test_action_update_records_before_and_after(target, officer):
    action = _add(target, officer)
    action_update(acting_user=officer, action=action, status="Complete", rag="g")
    action.refresh_from_db()
    assert (action.status, action.rag) == ("complete", "green")
    event = AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(action),
        object_id=str(action.pk),
        action=AuditAction.UPDATE,
    ).get()
    assert event.before["status"] == "not_started"
    assert event.after["status"] == "complete"
    assert event.after["rag"] == "green"


@pytest.mark.django_db
def test_unchanged_update_writes_no_audit_event(target, officer):
    action = _add(target, officer, rag="amber")
    action_update(acting_user=officer, action=action, rag="A")
    assert not AuditEvent.objects.filter(
        object_id=str(action.pk), action=AuditAction.UPDATE
    ).exists()


@pytest.mark.django_db
def test_progress_record_keeps_history_and_latest_date(target, officer):
    action = _add(target, officer)
    progress_record(
        acting_user=officer, action=action, text="Rules drafted", recorded_on=date(2009, 10, 1)
    )
    progress_record(
        acting_user=officer,
        action=action,
        text="Earlier note",
        recorded_on=date(2009, 9, 1),
        status="in_progress",
        rag="amber",
    )
    action.refresh_from_db()
    assert action.last_progress_on == date(2009, 10, 1)
    assert (action.status, action.rag) == ("in_progress", "amber")
    assert list(action.progress_updates.values_list("text", flat=True)) == [
        "Rules drafted",
        "Earlier note",
    ]


@pytest.mark.django_db
def test_empty_progress_is_refused_and_nothing_written(target, officer):
    action = _add(target, officer)
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        progress_record(acting_user=officer, action=action, text="   ")
    assert ProgressUpdate.objects.count() == 0
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_bad_rag_in_update_is_refused_and_nothing_changes(target, officer):
    action = _add(target, officer, rag="green")
    with pytest.raises(ValueError, match="unknown RAG"):
        action_update(acting_user=officer, action=action, rag="purple", status="complete")
    action.refresh_from_db()
    assert (action.rag, action.status) == ("green", "not_started")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.COMMITTEE_MEMBER, Role.CASEWORKER, Role.PUBLIC])
def test_read_only_roles_cannot_write(target, officer, make_user, organisation, role):
    reader = make_user("reader", (organisation, role))
    action = _add(target, officer)
    with pytest.raises(PermissionDenied):
        action_update(acting_user=reader, action=action, status="complete")
    with pytest.raises(PermissionDenied):
        progress_record(acting_user=reader, action=action, text="Sneaky")
    with pytest.raises(PermissionDenied):
        plan_create(
            acting_user=reader, organisation=organisation, title="Mine", kind="business_plan"
        )
    action.refresh_from_db()
    assert action.status == "not_started"
    assert not ProgressUpdate.objects.exists()


@pytest.mark.django_db
def test_other_organisations_cannot_write(target, officer, outsider):
    action = _add(target, officer)
    with pytest.raises(PermissionDenied):
        action_update(acting_user=outsider, action=action, status="complete")
    with pytest.raises(PermissionDenied):
        plan_create(
            acting_user=outsider,
            organisation=target.area.plan.organisation,
            title="Intruder",
            kind="business_plan",
        )
    assert Plan.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_leads_are_notified_once_when_an_action_becomes_overdue(target, officer, lead_user):
    action = _add(target, officer)
    assert Deadline.objects.get(object_id=str(action.pk)).due_on == date(2010, 1, 31)
    assert deadlines_sweep(as_of=date(2010, 2, 1)).overdue_sent == 1
    assert deadlines_sweep(as_of=date(2010, 2, 2)).overdue_sent == 0
    notification = Notification.objects.get(recipient=lead_user)
    assert "Overdue" in notification.subject
    assert notification.url == f"/plans/actions/{action.pk}/"


@pytest.mark.django_db
def test_completing_an_action_closes_its_deadline(target, officer, lead_user):
    action = _add(target, officer)
    action_update(acting_user=officer, action=action, status="complete")
    assert Deadline.objects.get(object_id=str(action.pk)).state == Deadline.State.MET
    assert deadlines_sweep(as_of=date(2011, 1, 1)).overdue_sent == 0


@pytest.mark.django_db
def test_undated_action_has_no_deadline(target, officer, lead_user):
    action = _add(target, officer, due_text="Ongoing")
    assert action.recurring
    assert not Deadline.objects.filter(object_id=str(action.pk), state="open").exists()
