"""One permission matrix over every plans address, web and API.

Each endpoint is listed once with what it is (a read or a write, tied to a plan or not, web or
API); each kind of user is then checked against every endpoint:

- anonymous: web pages send them to sign in; the API answers 401/403;
- a member of another organisation: every plan or action address is 404 (the plan is
  invisible, not forbidden), and nothing is written;
- a member with a read-only role: every read works, every write is 403 and writes nothing;
- an editor: every read and every write works.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.test import Client

from touchstone.core.models import Role
from touchstone.core.testing import sent
from touchstone.core.writes import new_token
from touchstone.plans.tests.factories import sample_plan, table_counts


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    url: Callable[[dict], str]
    data: Callable[[dict], dict] = field(default=lambda objs: {})
    write: bool = False
    api: bool = False
    scoped: bool = True  # tied to one plan or action (so invisible to other organisations)
    editor_status: int = 200

    def call(self, client: Client, objs: dict):
        url = self.url(objs)
        if self.api and self.method in ("patch", "post"):
            return getattr(client, self.method)(
                url, self.data(objs), content_type="application/json"
            )
        return getattr(client, self.method)(url, self.data(objs))


def _upload(objs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {
        "name": "Matrix upload",
        "kind": "business_plan",
        "organisation": objs["plan"].organisation_id,
        "file": SimpleUploadedFile("plan.csv", b"action\nOne\n"),
    }


ENDPOINTS = [
    # web reads
    Endpoint("list", "get", lambda o: "/plans/", scoped=False),
    Endpoint("detail", "get", lambda o: f"/plans/{o['plan'].pk}/"),
    Endpoint(
        "detail-filtered", "get", lambda o: f"/plans/{o['plan'].pk}/?rag=red&as_of=2010-01-15"
    ),
    Endpoint("export-csv", "get", lambda o: f"/plans/{o['plan'].pk}/export.csv"),
    Endpoint("export-xlsx", "get", lambda o: f"/plans/{o['plan'].pk}/export.xlsx"),
    Endpoint("export-json", "get", lambda o: f"/plans/{o['plan'].pk}/export.json"),
    Endpoint("export-pdf", "get", lambda o: f"/plans/{o['plan'].pk}/export.pdf"),
    Endpoint("action", "get", lambda o: f"/plans/actions/{o['action'].pk}/"),
    Endpoint("history-action", "get", lambda o: f"/history/plans/action/{o['action'].pk}/"),
    Endpoint("history-plan", "get", lambda o: f"/history/plans/plan/{o['plan'].pk}/"),
    # the board report reads the plan (it writes only a job for the person who asked)
    Endpoint(
        "board-report",
        "post",
        lambda o: f"/plans/{o['plan'].pk}/board-report/",
        data=lambda o: sent(as_of="2010-01-15"),
        editor_status=302,
    ),
    # web writes
    Endpoint("import-page", "get", lambda o: "/plans/import/", write=True, scoped=False),
    Endpoint(
        "import-upload", "post", lambda o: "/plans/import/", data=_upload, write=True, scoped=False
    ),
    Endpoint(
        "record-progress",
        "post",
        lambda o: f"/plans/actions/{o['action'].pk}/",
        data=lambda o: sent(
            {
                "record-progress": "1",
                "progress-text": "Matrix progress",
                "progress-recorded_on": "2020-01-01",
            }
        ),
        write=True,
        editor_status=302,
    ),
    Endpoint(
        "edit-action",
        "post",
        lambda o: f"/plans/actions/{o['action'].pk}/",
        data=lambda o: {
            "edit-action": "1",
            "edit-status": "complete",
            "edit-rag": "green",
            "edit-due_text": "",
            "edit-leads_text": "",
            "edit-comment": "Matrix",
            "edit-version": o["action"].version,
            "submission_token": new_token(),
        },
        write=True,
        editor_status=302,
    ),
    # API reads
    Endpoint("api-list", "get", lambda o: "/api/v1/plans/", api=True, scoped=False),
    Endpoint("api-plan", "get", lambda o: f"/api/v1/plans/{o['plan'].pk}/", api=True),
    Endpoint("api-actions", "get", lambda o: f"/api/v1/plans/{o['plan'].pk}/actions/", api=True),
    Endpoint("api-export", "get", lambda o: f"/api/v1/plans/{o['plan'].pk}/export/", api=True),
    Endpoint("api-action", "get", lambda o: f"/api/v1/plans/actions/{o['action'].pk}/", api=True),
    # API writes
    Endpoint(
        "api-patch",
        "patch",
        lambda o: f"/api/v1/plans/actions/{o['action'].pk}/",
        data=lambda o: {"status": "complete", "comment": "Matrix"},
        write=True,
        api=True,
    ),
    Endpoint(
        "api-progress",
        "post",
        lambda o: f"/api/v1/plans/actions/{o['action'].pk}/progress/",
        data=lambda o: {"text": "Matrix progress"},
        write=True,
        api=True,
        editor_status=201,
    ),
]
ENDPOINT_IDS = [e.name for e in ENDPOINTS]


@pytest.fixture
def objs(organisation, officer) -> dict:
    plan = sample_plan(organisation, acting_user=officer, name="Matrix plan")
    return {"plan": plan, "action": plan.actions.get(ref="2.1.1")}


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ENDPOINT_IDS)
def test_anonymous(endpoint, objs):
    before = table_counts()
    response = endpoint.call(client_for(None), objs)
    if endpoint.api:
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in/?next=")
    assert table_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ENDPOINT_IDS)
def test_member_of_another_organisation(endpoint, objs, outsider):
    before = table_counts()
    response = endpoint.call(client_for(outsider), objs)
    if endpoint.scoped:
        assert response.status_code == 404
    else:
        # Not tied to the plan: works, but for the outsider's own organisation only.
        assert response.status_code == endpoint.editor_status
        assert b"Matrix plan" not in response.content
    if endpoint.name != "import-upload":  # the outsider may preview a file for their own body
        assert table_counts() == before
    assert objs["plan"].actions.filter(comment="Matrix").count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.COMMITTEE_MEMBER])
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ENDPOINT_IDS)
def test_read_only_member(endpoint, role, objs, make_user, organisation):
    reader = make_user("reader", (organisation, role))
    before = table_counts()
    response = endpoint.call(client_for(reader), objs)
    if endpoint.write:
        assert response.status_code == 403
        assert table_counts() == before
    else:
        assert response.status_code == endpoint.editor_status
        if endpoint.scoped and not endpoint.api and endpoint.method == "get":
            # Read-only members are never offered a form they cannot use.
            assert b"Record progress</button>" not in response.content
            assert b"Save changes</button>" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ENDPOINT_IDS)
def test_editor(endpoint, objs, officer):
    response = endpoint.call(client_for(officer), objs)
    assert response.status_code == endpoint.editor_status, response.content[:500]
    action = objs["action"]
    action.refresh_from_db()
    if endpoint.name in ("edit-action", "api-patch"):
        assert (action.status, action.comment) == ("complete", "Matrix")
    if endpoint.name in ("record-progress", "api-progress"):
        assert action.progress_updates.filter(text="Matrix progress").count() == 1


@pytest.mark.django_db
def test_every_plans_url_is_in_the_matrix():
    """A new address must be added to ENDPOINTS (and so to every check above)."""
    from django.urls import get_resolver

    from touchstone.plans import urls as web_urls
    from touchstone.plans.api import urls as api_urls

    covered = {
        "list",
        "detail",
        "export",
        "action",
        "board-report",
        "import",
        "api-plans",
        "api-plan",
        "api-plan-actions",
        "api-plan-export",
        "api-action",
        "api-action-progress",
    }
    names = {p.name for p in web_urls.urlpatterns} | {p.name for p in api_urls.urlpatterns}
    assert names == covered
    assert get_resolver()  # the project URLconf loads
