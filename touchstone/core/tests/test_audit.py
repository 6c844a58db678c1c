import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from touchstone.core.models import AuditEvent, Organisation
from touchstone.core.models.audit import AppendOnlyError
from touchstone.core.request_context import request_id_scope
from touchstone.core.services import AuditAction, audit_record, organisation_create


@pytest.mark.django_db
def test_service_writes_audit_event_with_actor_object_and_request_id(officer):
    with request_id_scope("req-12345678"):
        org = organisation_create(
            acting_user=officer, slug="new-body", name="New Body", kind="regulator"
        )
    event = AuditEvent.objects.get(
        object_id=str(org.pk), action=AuditAction.CREATE, content_type__model="organisation"
    )
    assert event.actor == officer
    assert event.actor_label == "officer"
    assert event.after["name"] == "New Body"
    assert event.before is None
    assert event.request_id == "req-12345678"
    assert event.organisation == org


@pytest.mark.django_db
def test_failed_service_writes_nothing(officer):
    Organisation.objects.create(slug="taken", name="Taken", kind="regulator")
    before = AuditEvent.objects.count()
    with pytest.raises(Exception):  # noqa: B017 — full_clean refuses the duplicate slug
        organisation_create(acting_user=officer, slug="taken", name="Again", kind="regulator")
    assert AuditEvent.objects.count() == before
    assert Organisation.objects.filter(slug="taken").count() == 1


@pytest.mark.django_db
def test_audit_events_cannot_be_changed_or_deleted_through_the_app(organisation):
    event = audit_record(actor=None, action=AuditAction.CREATE, obj=organisation)
    event.action = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="tampered")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.CREATE


@pytest.mark.django_db
def test_database_refuses_update_and_delete_on_postgresql(organisation):
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's")
    event = audit_record(actor=None, action=AuditAction.CREATE, obj=organisation)
    for sql in (
        "UPDATE core_auditevent SET action = 'x' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.CREATE


def test_changes_lists_only_fields_that_differ():
    event = AuditEvent(before={"a": 1, "b": 2}, after={"a": 1, "b": 3, "c": 4})
    assert event.changes() == [("b", 2, 3), ("c", None, 4)]


@pytest.mark.django_db
def test_database_refuses_truncate_on_postgresql(organisation):
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's")
    event = audit_record(actor=None, action=AuditAction.CREATE, obj=organisation)
    for sql in ("TRUNCATE core_auditevent", "TRUNCATE core_auditevent CASCADE"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert AuditEvent.objects.filter(pk=event.pk).exists()
