"""`insert_many` writes exactly the rows `bulk_create` writes (the same values, converted the
same way), inside the caller's transaction, and reads ids back by a unique field."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from touchstone.core.models import AuditEvent, Organisation
from touchstone.core.services import insert_many

CHANGED = ["occurred_at", "id", "object_id"]


def events(organisation, label: str) -> list[AuditEvent]:
    kind = ContentType.objects.get_for_model(Organisation)
    return [
        AuditEvent(
            actor_label="system",
            organisation=organisation if i % 2 else None,
            content_type=kind,
            object_id=f"{label}-{i}",
            object_repr=f"Thing {i} ‘quoted’",
            action="create",
            after={"on": datetime.date(2026, 1, i % 28 + 1), "n": i, "list": [i, None]}
            if i % 3
            else None,
            request_id="req-1",
        )
        for i in range(1, 2_600)  # past one executemany call and SQLite's 999 parameters
    ]


def rows(label: str) -> list[dict]:
    return [
        {k: v for k, v in row.items() if k not in CHANGED}
        for row in AuditEvent.objects.filter(object_id__startswith=f"{label}-")
        .order_by("id")
        .values()
    ]


@pytest.mark.django_db
def test_insert_many_writes_what_bulk_create_writes(organisation):
    started = datetime.datetime.now(datetime.UTC)
    AuditEvent.objects.bulk_create(events(organisation, "bulk"))
    made = events(organisation, "many")
    insert_many(made)
    assert rows("many") == rows("bulk") and len(rows("many")) == 2_599
    assert all(e.occurred_at >= started for e in made)  # auto_now_add, as in bulk_create
    assert not any(e._state.adding for e in made)


@pytest.mark.django_db
def test_insert_many_reads_ids_back_by_a_unique_field():
    made = [Organisation(slug=f"body-{i}", name=f"Body {i}", kind="regulator") for i in range(700)]
    insert_many(made, ids_by="slug")
    assert {o.pk: o.slug for o in made} == dict(
        Organisation.objects.filter(slug__startswith="body-").values_list("pk", "slug")
    )


@pytest.mark.django_db
def test_insert_many_refuses_what_it_cannot_write(organisation):
    with pytest.raises(ValueError):
        insert_many([organisation])  # already saved
    with pytest.raises(ValueError):
        insert_many([Organisation(slug="a", name="A", kind="regulator")], ids_by="name")


@pytest.mark.django_db(transaction=True)
def test_insert_many_rolls_back_with_its_transaction(organisation):
    with pytest.raises(RuntimeError), transaction.atomic():
        insert_many(events(organisation, "gone"))
        raise RuntimeError
    assert not AuditEvent.objects.filter(object_id__startswith="gone-").exists()
