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
