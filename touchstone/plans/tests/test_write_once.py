"""Plans writes are made once per submission, and edits of an action that changed since it
was opened are refused (the changed-record page on the web, 412 from the API)."""

import uuid

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from touchstone.core.models import AuditEvent, Job, Role
from touchstone.core.testing import (
    client_for,
    hidden_value,
    run_together,
    sent,
    two_writers_can_overlap,
)
from touchstone.core.writes import TOKEN_FIELD
from touchstone.plans.models import Action, Plan, ProgressUpdate
from touchstone.plans.services import AuditAction
from touchstone.plans.tests.factories import sample_plan

needs_overlapping_writers = pytest.mark.skipif(
    not two_writers_can_overlap(), reason="a race needs two concurrent writers (PostgreSQL)"
)


@pytest.fixture
def action(organisation, officer) -> Action:
    return sample_plan(organisation, acting_user=officer, name="Once").actions.get(ref="2.1.1")


def progress(text: str = "Register published") -> dict:
    return sent(
        {
            "record-progress": "1",
            "progress-text": text,
            "progress-recorded_on": timezone.localdate().isoformat(),
        }
    )


def edit_form(client, action) -> dict:
    """What the action page's edit form sends as rendered (its token is the second one)."""
    html = client.get(f"/plans/actions/{action.pk}/").content.decode()
    edit = html[html.index('id="change-action"') :]
    return {
        TOKEN_FIELD: hidden_value(edit, TOKEN_FIELD),
        "edit-version": hidden_value(edit, "edit-version"),
        "edit-action": "1",
        "edit-status": "in_progress",
        "edit-rag": "green",
        "edit-due_text": "July 2009",
        "edit-leads_text": "BB IW",
        "edit-comment": "",
    }


def api_client(user) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")


def progress_events(action) -> int:
    return AuditEvent.objects.filter(
        action=AuditAction.RECORD_PROGRESS, object_id=str(action.pk)
    ).count()


@pytest.mark.django_db
def test_progress_sent_twice_is_recorded_once(action, officer):
    client = client_for(officer)
    data = progress()
    updates, events = action.progress_updates.count(), progress_events(action)
    first = client.post(f"/plans/actions/{action.pk}/", data)
    again = client.post(f"/plans/actions/{action.pk}/", data)
    assert first["Location"] == again["Location"] == f"/plans/actions/{action.pk}/"
    assert action.progress_updates.count() == updates + 1
    assert progress_events(action) == events + 1
    assert "saved only once" in client.get(again["Location"]).content.decode()


@pytest.mark.django_db
def test_the_board_report_and_the_import_confirmation_are_done_once(action, officer):
    client = client_for(officer)
    data = sent(as_of="2010-01-15")
    first = client.post(f"/plans/{action.plan_id}/board-report/", data)
    assert (
        client.post(f"/plans/{action.plan_id}/board-report/", data)["Location"] == first["Location"]
    )
    assert Job.objects.count() == 1
    upload = {
        "name": "Uploaded",
        "kind": "business_plan",
        "organisation": action.plan.organisation_id,
    }
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post("/plans/import/", {**upload, "file": SimpleUploadedFile("p.csv", b"action\nOne\n")})
    confirm = sent(confirm="1")
    done = client.post("/plans/import/", confirm)
    again = client.post("/plans/import/", confirm)
    plan = Plan.objects.get(title="Uploaded")
    assert done["Location"] == again["Location"] == f"/plans/{plan.pk}/"


@pytest.mark.django_db
def test_progress_through_the_api_with_a_key_is_recorded_once(action, officer):
    client = api_client(officer)
    url = f"/api/v1/plans/actions/{action.pk}/progress/"
    key = str(uuid.uuid4())
    first = client.post(
        url, {"text": "Keyed"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
    )
    again = client.post(
        url, {"text": "Keyed"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again["Idempotent-Replayed"] == "true"
    assert ProgressUpdate.objects.filter(text="Keyed").count() == 1
    other = client.post(
        url, {"text": "Else"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert other.status_code == 422
    # Without a key each request is its own write, as before.
    client.post(url, {"text": "Unkeyed"}, content_type="application/json")
    client.post(url, {"text": "Unkeyed"}, content_type="application/json")
    assert ProgressUpdate.objects.filter(text="Unkeyed").count() == 2


@pytest.mark.django_db
def test_the_second_of_two_officers_editing_an_action_gets_the_changed_record_page(
    action, officer, make_user, organisation
):
    other = make_user("second", (organisation, Role.OFFICER))
    first, second = client_for(officer), client_for(other)
    mine, theirs = edit_form(first, action), edit_form(second, action)
    assert mine["edit-version"] == theirs["edit-version"] == "1"
    assert (
        first.post(f"/plans/actions/{action.pk}/", {**mine, "edit-rag": "red"}).status_code == 302
    )
    response = second.post(
        f"/plans/actions/{action.pk}/", {**theirs, "edit-comment": "Waiting for the printer"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "This record changed since you opened it" in html
    assert "Waiting for the printer" in html and "Red" in html and "Green" in html
    assert 'name="edit-action"' in html  # the form posts back to the action page
    action.refresh_from_db()
    assert (action.rag, action.comment, action.version) == ("red", "", 2)
    retry = {
        **theirs,
        "edit-comment": "Waiting for the printer",
        "edit-version": hidden_value(html, "edit-version"),
        TOKEN_FIELD: hidden_value(html, TOKEN_FIELD),
    }
    assert second.post(f"/plans/actions/{action.pk}/", retry).status_code == 302
    action.refresh_from_db()
    assert (action.rag, action.comment, action.version) == ("green", "Waiting for the printer", 3)


@pytest.mark.django_db
def test_recording_progress_alone_does_not_make_an_open_edit_stale(action, officer):
    client = client_for(officer)
    opened = edit_form(client, action)
    client.post(f"/plans/actions/{action.pk}/", progress("A note"))
    assert (
        client.post(f"/plans/actions/{action.pk}/", {**opened, "edit-comment": "x"}).status_code
        == 302
    )


@pytest.mark.django_db
def test_the_api_sends_an_etag_and_refuses_a_stale_if_match(action, officer):
    client = api_client(officer)
    url = f"/api/v1/plans/actions/{action.pk}/"
    assert client.get(url)["ETag"] == '"1"'
    done = client.patch(url, {"rag": "red"}, content_type="application/json", HTTP_IF_MATCH='"1"')
    assert done.status_code == 200 and done["ETag"] == '"2"' and done.json()["version"] == 2
    stale = client.patch(
        url, {"rag": "amber"}, content_type="application/json", HTTP_IF_MATCH='"1"'
    )
    assert stale.status_code == 412 and stale["ETag"] == '"2"'
    action.refresh_from_db()
    assert (action.rag, action.version) == ("red", 2)
    # A change that changes nothing is not a new version.
    same = client.patch(url, {"rag": "red"}, content_type="application/json", HTTP_IF_MATCH='"2"')
    assert same.status_code == 200 and same["ETag"] == '"2"'


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_identical_progress_posts_together_record_one_update(action, officer):
    data = progress("Raced")
    clients = [client_for(officer), client_for(officer)]
    url = f"/plans/actions/{action.pk}/"
    events = progress_events(action)
    responses = run_together(*[lambda c=c: c.post(url, data) for c in clients])
    assert [r.status_code for r in responses] == [302, 302], responses
    assert ProgressUpdate.objects.filter(text="Raced").count() == 1
    assert progress_events(action) == events + 1


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_identical_api_progress_posts_together_record_one_update(action, officer):
    url = f"/api/v1/plans/actions/{action.pk}/progress/"
    key = str(uuid.uuid4())
    clients = [api_client(officer), api_client(officer)]
    responses = run_together(
        *[
            lambda c=c: c.post(
                url, {"text": "Raced"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
            )
            for c in clients
        ]
    )
    assert [r.status_code for r in responses] == [201, 201], responses
    assert ProgressUpdate.objects.filter(text="Raced").count() == 1


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_patches_of_the_same_version_racing_save_one(action, officer):
    url = f"/api/v1/plans/actions/{action.pk}/"
    clients = [api_client(officer), api_client(officer)]
    responses = run_together(
        *[
            lambda c=c, rag=rag: c.patch(
                url, {"rag": rag}, content_type="application/json", HTTP_IF_MATCH='"1"'
            )
            for c, rag in zip(clients, ["red", "amber"], strict=True)
        ]
    )
    assert sorted(r.status_code for r in responses) == [200, 412], responses
    winner = next(r for r in responses if r.status_code == 200).json()["rag"]
    action.refresh_from_db()
    assert (action.rag, action.version) == (winner, 2)
