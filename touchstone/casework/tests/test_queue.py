"""The caseworkers' queue: the acting organisation's cases under its scheme, filtered, sorted,
paged and exported, in as many queries at 50 cases as at 5; the same list as JSON."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from touchstone.casework.models import Case
from touchstone.casework.tests.build import at_stage, concluded, new_case, ombudsman_world
from touchstone.core.middleware import ActiveOrganisationMiddleware
from touchstone.core.models import AuditEvent, OrganisationKind, Role
from touchstone.core.testing import client_for, queries_for

pytestmark = pytest.mark.django_db


def _html(client, url="/casework/staff/", **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def test_open_cases_oldest_first_with_their_ages(world):
    today = timezone.localdate()
    new_case(world["ombudsman"], "LO-2", received_on=today - timedelta(days=3))
    old = new_case(world["ombudsman"], "LO-1", received_on=today - timedelta(days=40))
    concluded(new_case(world["ombudsman"], "LO-3"))
    html = _html(client_for(world["caseworker"]))
    assert "2 cases, oldest received first" in html
    assert html.index("LO-1") < html.index("LO-2")
    assert "LO-3" not in html
    assert f"/casework/staff/cases/{old.pk}/" in html
    assert 'data-testid="received-days">40<' in html
    newest = _html(client_for(world["caseworker"]), sort="newest")
    assert newest.index("LO-2") < newest.index("LO-1")


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"state": "concluded"}, {"LO-3"}),
        ({"state": "all"}, {"LO-1", "LO-2", "LO-3"}),
        ({"stage": "investigation"}, {"LO-2"}),
        ({"complexity": "high"}, {"LO-2"}),
        ({"complexity": "none"}, {"LO-1"}),
        ({"assigned": "me"}, {"LO-2"}),
        ({"assigned": "none"}, {"LO-1"}),
        ({"q": "lo-1"}, {"LO-1"}),
    ],
)
def test_each_filter(world, query, shown):
    new_case(world["ombudsman"], "LO-1")
    second = at_stage(
        new_case(world["ombudsman"], "LO-2"), "triage", "investigation", complexity="high"
    )
    second.caseworker = world["decider"]
    second.save()
    concluded(new_case(world["ombudsman"], "LO-3"))
    client = client_for(world["decider"])
    listed = client.get("/api/v1/casework/cases/", {**query, "page_size": 50}).json()
    assert {row["reference"] for row in listed["results"]} == shown
    html = _html(client, **query)
    assert {ref for ref in ("LO-1", "LO-2", "LO-3") if f">{ref}<" in html} == shown


def test_a_stage_of_no_scheme_is_refused_and_another_schemes_lists_nothing(world):
    new_case(world["ombudsman"])
    html = _html(client_for(world["caseworker"]), stage="nowhere")
    assert "Choose a stage of the scheme" in html
    assert ">LO-1<" in html  # the other filters still list
    api = client_for(world["caseworker"]).get("/api/v1/casework/cases/", {"stage": "nowhere"})
    assert api.status_code == 400
    assert api.json()["stage"] == ["Choose a stage of the scheme"]
    other = client_for(world["caseworker"]).get(
        "/api/v1/casework/cases/",
        {"stage": "decision_panel"},  # the conduct scheme's
    )
    assert other.status_code == 200 and other.json()["results"] == []
    unknown = client_for(world["caseworker"]).get("/api/v1/casework/cases/", {"order": "x"})
    assert unknown.status_code == 400


def test_staff_see_only_their_organisations_cases_under_its_scheme(world, make_user):
    """Every way round the queue's boundary: another ombudsman's case, a conduct case at the
    regulator, a case stored under a scheme its organisation does not run, the active
    organisation switched to one where the user has no casework role, the board and the
    manager, and an outsider asking for a case by its number."""
    ours = new_case(world["ombudsman"], "OURS-1")
    other = ombudsman_world("other-")
    theirs = new_case(other["ombudsman"], "THEIRS-1")
    conduct = new_case(world["regulator"], "COND-1", scheme="conduct")
    Case.objects.create(
        organisation=world["ombudsman"],
        reference="STRAY-1",
        scheme="conduct",
        jurisdiction="legal",
        stage="received",
        provider_name="A firm",
        received_on=date(2025, 1, 1),
    )
    both = make_user(
        "both", (world["ombudsman"], Role.CASEWORKER), (other["ombudsman"], Role.MANAGER)
    )
    client = client_for(both)
    session = client.session
    session[ActiveOrganisationMiddleware.SESSION_KEY] = other["ombudsman"].pk
    session.save()  # active where they are not casework staff: their own queue is shown
    html = _html(client, state="all")
    assert "OURS-1" in html
    for hidden in ("THEIRS-1", "COND-1", "STRAY-1"):
        assert hidden not in html
    rows = client.get("/api/v1/casework/cases/", {"state": "all"}).json()["results"]
    assert [row["reference"] for row in rows] == ["OURS-1"]
    for pk in (theirs.pk, conduct.pk):
        assert client.get(f"/casework/staff/cases/{pk}/").status_code == 404
    assert client.get(f"/casework/staff/cases/{ours.pk}/").status_code == 200
    assert "THEIRS-1" not in _html(client_for(world["panel"]), state="all")
    for nobody in (world["board"], world["manager"], make_user("nobody")):
        assert client_for(nobody).get("/casework/staff/").status_code == 404
        assert client_for(nobody).get("/api/v1/casework/cases/").status_code == 403


def test_the_export_lists_the_filtered_cases_and_is_audited(world):
    new_case(world["ombudsman"], "LO-1")
    at_stage(new_case(world["ombudsman"], "LO-2"), "triage", complexity="low")
    client = client_for(world["caseworker"])
    body = b"".join(client.get("/casework/staff/cases.csv", {"complexity": "low"})).decode()
    lines = body.splitlines()
    assert lines[0].startswith("reference,stage,complexity")
    assert len(lines) == 2 and lines[1].startswith("LO-2,Triage,low,legal")
    sheet = load_workbook(
        __import__("io").BytesIO(b"".join(client.get("/casework/staff/cases.xlsx")))
    ).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["reference", "LO-1", "LO-2"]
    assert AuditEvent.objects.filter(action="export_cases").count() == 2


def test_the_queue_runs_as_many_queries_for_50_cases_as_for_5(world):
    def build(count: int, start: int) -> None:
        for n in range(start, start + count):
            case = new_case(world["ombudsman"], f"Q-{n}")
            case.caseworker = world["caseworker"] if n % 2 else world["decider"]
            case.save()

    client = client_for(world["caseworker"])
    build(5, 0)
    few = queries_for(client, "/casework/staff/")
    few_api = queries_for(client, "/api/v1/casework/cases/")
    build(45, 5)
    assert queries_for(client, "/casework/staff/") == few
    assert queries_for(client, "/api/v1/casework/cases/") == few_api


def test_a_provider_firm_has_no_queue(world, make_user, make_organisation):
    firm = make_organisation("a-firm", OrganisationKind.PROVIDER)
    admin = make_user("firm-admin", (firm, Role.ADMIN))
    assert client_for(admin).get("/casework/staff/").status_code == 404
    assert client_for(admin).get("/casework/staff/cases.csv").status_code == 404
