"""History in words: fields by label, linked records by name, yes/no."""

import pytest

from touchstone.core.models import AuditEvent, Membership, Organisation
from touchstone.core.selectors import Change, described_changes


@pytest.mark.django_db
def test_linked_records_by_name_and_one_removed_since(organisation, other_organisation):
    events = [
        AuditEvent(
            action="update",
            before={"organisation_id": organisation.pk, "role": "officer"},
            after={"organisation_id": other_organisation.pk, "role": "admin"},
        ),
        AuditEvent(action="update", before={"organisation_id": 999999}, after={}),
    ]
    first, second = described_changes(Membership, events)
    assert first == [
        Change("Organisation", str(organisation), str(other_organisation)),
        Change("Role", "Officer", "Administrator"),
    ]
    assert second == [Change("Organisation", "#999999 (since removed)", None)]
    assert Organisation.objects.count() == 2


@pytest.mark.django_db
def test_unknown_keys_and_yes_or_no(db):
    event = AuditEvent(
        action="x", before={"publish": False, "note_text": "a"}, after={"publish": True}
    )
    changes = described_changes(Organisation, [event])[0]
    assert Change("Publish", "No", "Yes") in changes
    assert Change("Note text", "a", None) in changes


@pytest.mark.django_db
def test_nothing_to_nothing_is_no_change(db):
    event = AuditEvent(action="create", before=None, after={"name": "", "slug": "ips"})
    assert described_changes(Organisation, [event]) == [[Change("Slug", None, "ips")]]


@pytest.mark.django_db
def test_lists_dates_and_kinds_of_record_read_in_words(db):
    from touchstone.plans.models import Action

    event = AuditEvent(
        action="update",
        before={"leads": ["BB"], "due_date": "2026-03-03", "kind": "plans.action"},
        after={"leads": ["BB", "IW", "CK"], "due_date": "2026-12-31", "status": "complete"},
    )
    changes = described_changes(Action, [event])[0]
    assert Change("Leads", "BB", "BB, IW and CK") in changes
    assert Change("Due date", "3 March 2026", "31 December 2026") in changes
    assert Change("Kind", "Action", None) in changes
    assert Change("Status", None, "Complete") in changes


@pytest.mark.django_db
def test_the_page_names_the_kind_of_record_and_shows_no_request_ids(organisation, officer):
    from django.test import Client

    from touchstone.core.request_context import request_id_scope
    from touchstone.core.services import audit_record

    with request_id_scope("req-0123456789abcdef"):
        audit_record(actor=officer, action="update", obj=organisation, after={"name": "New"})
    client = Client()
    client.force_login(officer)
    html = client.get(f"/history/core/organisation/{organisation.pk}/").content.decode()
    assert "Organisation history" in html
    assert "req-0123456789abcdef" not in html and "Request " not in html


@pytest.mark.django_db
def test_a_deadline_event_reads_by_the_deadlines_fields(db):
    from touchstone.core.services import AuditAction
    from touchstone.plans.models import Action

    event = AuditEvent(
        action=AuditAction.SET_DEADLINE,
        before=None,
        after={"kind": "plans.action", "due_on": "2009-07-31", "state": "open", "rag": "red"},
    )
    changes = described_changes(Action, [event])[0]
    assert Change("Kind", None, "Action") in changes
    assert Change("Due on", None, "31 July 2009") in changes
    assert Change("State", None, "Open") in changes
    rated = AuditEvent(action="update", before={"rag": ""}, after={"rag": "red"})
    assert described_changes(Action, [rated])[0] == [Change("RAG", None, "Red")]
