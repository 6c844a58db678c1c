"""Each register write is made once per submission: a repeated form (same one-time token) or
API request (same Idempotency-Key) gets the first one's outcome, whether it arrives after the
first or together with it; preconditions are checked under a row lock, so two officers
suspending the same member at once suspend them once."""

import uuid
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from touchstone.core.models import AuditEvent, Role
from touchstone.core.testing import client_for, run_together, sent, two_writers_can_overlap
from touchstone.register.models import CpdActivity, Finding, Registrant, StatusChange
from touchstone.register.services import AuditAction

API = "/api/v1/register"
needs_overlapping_writers = pytest.mark.skipif(
    not two_writers_can_overlap(), reason="a race needs two concurrent writers (PostgreSQL)"
)


@pytest.fixture
def member(make_user, register):
    user = make_user("member")
    Registrant.objects.filter(pk=register["john"].pk).update(user=user)
    return user


def api_client(user) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")


def audit_count(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


# --- one after the other (both databases) ------------------------------------------------------


@pytest.mark.django_db
def test_a_status_form_sent_twice_changes_the_status_once(register, officer):
    client = client_for(officer)
    url = f"/register/staff/{register['john'].pk}/status/"
    data = sent(status="suspended", effective_on="2026-03-03", reason="Order", confirmed="yes")
    first = client.post(url, data)
    again = client.post(url, data)  # a double click, a refresh, the Back button
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"] == f"/register/staff/{register['john'].pk}/"
    assert StatusChange.objects.filter(registrant=register["john"]).count() == 1
    assert (
        audit_count(AuditAction.CHANGE_STATUS) == 2
    )  # the fixture's suspension of Zoë, and this one
    page = client.get(again["Location"]).content.decode()
    assert "That form had already been sent, so it was saved only once." in page


@pytest.mark.django_db
def test_a_form_without_its_token_writes_nothing(register, officer):
    url = f"/register/staff/{register['john'].pk}/findings/add/"
    data = {"decided_on": "2025-01-01", "body": "Tribunal", "summary": "S", "sanction": "Fine"}
    response = client_for(officer).post(url, data)
    assert response.status_code == 200
    assert "was not sent in a way that can be saved safely" in response.content.decode()
    assert not Finding.objects.filter(summary="S").exists()
    # The page offers a fresh token, with which the same answers are saved.
    response = client_for(officer).post(url, sent(data))
    assert response.status_code == 302 and Finding.objects.filter(summary="S").count() == 1


@pytest.mark.django_db
def test_a_refused_submission_can_be_corrected_and_sent_again_with_the_same_token(
    register, officer
):
    client = client_for(officer)
    url = f"/register/staff/{register['zoe'].pk}/rights/add/"
    token = sent()
    refused = client.post(url, {**token, "code": "probate", "granted_on": "2026-13-01"})
    assert refused.status_code == 200  # nothing written, so the token is not used up
    done = client.post(url, {**token, "code": "probate", "granted_on": "2026-01-02"})
    assert done.status_code == 302
    assert register["zoe"].rights.filter(right_type__code="probate").count() == 1


@pytest.mark.django_db
def test_a_token_sent_again_with_other_answers_saves_nothing_more(register, officer):
    client = client_for(officer)
    url = f"/register/staff/{register['zoe'].pk}/findings/add/"
    answers = {"decided_on": "2025-01-01", "body": "Tribunal", "sanction": "Fine"}
    data = sent(answers, summary="First")
    client.post(url, data)
    again = client.post(url, {**data, "summary": "Edited after going back"})
    assert again.status_code == 302
    assert list(
        Finding.objects.filter(registrant=register["zoe"]).values_list("summary", flat=True)
    ) == ["First"]
    page = client.get(again["Location"]).content.decode()
    assert "the changes you made to it afterwards were not saved" in page


@pytest.mark.django_db
def test_tokens_belong_to_their_user(register, officer, make_user, organisation):
    other = make_user("other-officer", (organisation, Role.OFFICER))
    url = f"/register/staff/{register['zoe'].pk}/findings/add/"
    data = sent(decided_on="2025-01-01", body="Tribunal", summary="Twice", sanction="Fine")
    client_for(officer).post(url, data)
    client_for(other).post(url, data)  # the same token from someone else is their own
    assert Finding.objects.filter(summary="Twice").count() == 2


@pytest.mark.django_db
def test_cpd_forms_and_buttons_are_sent_once(register, member, officer):
    client = client_for(member)
    today = timezone.localdate()
    activity = sent(
        done_on=today.isoformat(), hours="2", activity_type="Course or webinar", description="x"
    )
    assert client.post("/register/my-cpd/add/", activity).status_code == 302
    assert client.post("/register/my-cpd/add/", activity).status_code == 302
    assert CpdActivity.objects.filter(record__registrant=register["john"]).count() == 1
    submit = sent()
    assert client.post(f"/register/my-cpd/{today.year}/submit/", submit).status_code == 302
    repeat = client.post(f"/register/my-cpd/{today.year}/submit/", submit)
    assert "already been sent" in client.get(repeat["Location"]).content.decode()
    assert audit_count(AuditAction.SUBMIT_CPD) == 1
    staff = client_for(officer)
    draw = sent(action="sample", year="2025", size="1")
    first = staff.post("/register/staff/cpd/", draw)
    assert staff.post("/register/staff/cpd/", draw)["Location"] == first["Location"]
    assert audit_count(AuditAction.DRAW_CPD_SAMPLE) == 1


@pytest.mark.django_db
def test_an_api_write_repeated_with_its_key_answers_the_same_and_writes_once(register, officer):
    client = api_client(officer)
    url = f"{API}/registrants/{register['zoe'].pk}/findings/"
    body = {
        "decided_on": "2025-02-01",
        "body": "Tribunal",
        "summary": "Keyed",
        "sanction": "Fine",
        "publish": False,
    }
    key = str(uuid.uuid4())
    first = client.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
    again = client.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["ETag"] == first["ETag"]
    assert again["Idempotent-Replayed"] == "true" and not first.has_header("Idempotent-Replayed")
    assert Finding.objects.filter(summary="Keyed").count() == 1
    assert audit_count(AuditAction.RECORD_FINDING) == 4  # three from the fixture, one here
    other = client.post(
        url, {**body, "summary": "Other"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert other.status_code == 422 and "different request" in other.json()["detail"]
    bad = client.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="short")
    assert bad.status_code == 400 and "Idempotency-Key" in bad.json()


@pytest.mark.django_db
def test_an_api_write_refused_keeps_its_key_free(register, officer):
    client = api_client(officer)
    url = f"{API}/registrants/{register['zoe'].pk}/status/"
    key = str(uuid.uuid4())
    refused = client.post(
        url,
        {"status": "suspended", "effective_on": "2026-01-01"},  # already suspended
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=key,
    )
    assert refused.status_code == 400
    done = client.post(
        url,
        {"status": "active", "effective_on": "2026-01-01"},
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=key,
    )
    assert done.status_code == 201 and done.json()["status"] == "Active"


# --- released together on two connections (PostgreSQL) ----------------------------------------


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_identical_status_posts_together_change_the_status_once(register, officer):
    john = register["john"]
    url = f"/register/staff/{john.pk}/status/"
    data = sent(status="suspended", effective_on="2026-03-03", reason="Order", confirmed="yes")
    clients = [client_for(officer), client_for(officer)]
    responses = run_together(*[lambda c=c: c.post(url, data) for c in clients])
    assert [r.status_code for r in responses] == [302, 302], responses
    assert StatusChange.objects.filter(registrant=john).count() == 1
    assert (
        AuditEvent.objects.filter(action=AuditAction.CHANGE_STATUS, object_id=str(john.pk)).count()
        == 1
    )


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_officers_suspending_together_suspend_once(register, officer, make_user, organisation):
    """Different submissions (two officers, two tokens): the second finds the member already
    suspended, because the status is checked under a lock on the registrant's row."""
    john = register["john"]
    url = f"/register/staff/{john.pk}/status/"
    second = make_user("second-officer", (organisation, Role.OFFICER))
    clients = [client_for(officer), client_for(second)]
    tokens = [sent(), sent()]  # two pages, two submissions
    data = {
        "status": "suspended",
        "effective_on": "2026-03-03",
        "reason": "Order",
        "confirmed": "yes",
    }
    posts = [
        lambda c=c, t=t: c.post(url, {**data, **t}) for c, t in zip(clients, tokens, strict=True)
    ]
    responses = run_together(*posts)
    assert sorted(r.status_code for r in responses) == [200, 302], responses
    refused = next(r for r in responses if r.status_code == 200)
    assert "already suspended" in refused.content.decode()
    assert StatusChange.objects.filter(registrant=john).count() == 1
    john.refresh_from_db()
    assert john.status.code == "suspended" and john.version == 2


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_identical_finding_posts_together_record_one_finding(register, officer):
    url = f"/register/staff/{register['zoe'].pk}/findings/add/"
    data = sent(decided_on="2025-01-01", body="Tribunal", summary="Raced", sanction="Fine")
    clients = [client_for(officer), client_for(officer)]
    responses = run_together(*[lambda c=c: c.post(url, data) for c in clients])
    assert [r.status_code for r in responses] == [302, 302], responses
    assert Finding.objects.filter(summary="Raced").count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_FINDING, actor=officer).count() == 1


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_identical_cpd_posts_together_add_one_activity(register, member):
    data = sent(
        done_on=timezone.localdate().isoformat(),
        hours="2",
        activity_type="Course or webinar",
        description="Raced",
    )
    clients = [client_for(member), client_for(member)]
    responses = run_together(*[lambda c=c: c.post("/register/my-cpd/add/", data) for c in clients])
    assert [r.status_code for r in responses] == [302, 302], responses
    assert CpdActivity.objects.filter(description="Raced").count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.ADD_CPD_ACTIVITY, actor=member).count() == 1


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_identical_api_writes_together_write_once_and_answer_alike(register, officer):
    url = f"{API}/registrants/{register['john'].pk}/status/"
    body = {"status": "suspended", "effective_on": "2026-03-03"}
    key = str(uuid.uuid4())
    clients = [api_client(officer), api_client(officer)]
    responses = run_together(
        *[
            lambda c=c: c.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
            for c in clients
        ]
    )
    assert [r.status_code for r in responses] == [201, 201], responses
    assert responses[0].json() == responses[1].json()
    assert sum(r.has_header("Idempotent-Replayed") for r in responses) == 1
    assert StatusChange.objects.filter(registrant=register["john"]).count() == 1
    assert register["john"].status_changes.get().effective_on == date(2026, 3, 3)
