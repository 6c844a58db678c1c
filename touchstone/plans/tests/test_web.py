"""Plans web pages and API: a permission matrix over every address, and behaviour."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from touchstone.core.models import AuditEvent, Job, Role
from touchstone.core.testing import sent
from touchstone.plans.models import Action, Plan, ProgressUpdate
from touchstone.plans.tests.builders import many_actions_csv, sample_plan


@pytest.fixture
def plan(organisation, officer):
    return sample_plan(organisation, acting_user=officer, name="Web plan")


@pytest.fixture
def action(plan):
    return plan.actions.get(ref="2.1.1")


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def page_urls(plan, action) -> list[str]:
    return [
        f"/plans/{plan.pk}/",
        f"/plans/{plan.pk}/export.csv",
        f"/plans/{plan.pk}/export.json",
        f"/plans/actions/{action.pk}/",
        f"/history/plans/action/{action.pk}/",
        f"/history/plans/plan/{plan.pk}/",
    ]


def api_reads(plan, action) -> list[str]:
    return [
        f"/api/v1/plans/{plan.pk}/",
        f"/api/v1/plans/{plan.pk}/actions/",
        f"/api/v1/plans/{plan.pk}/export/",
        f"/api/v1/plans/actions/{action.pk}/",
    ]


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in_and_api_refuses(plan, action):
    client = client_for(None)
    for url in ["/plans/", "/plans/import/", *page_urls(plan, action)]:
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], url
    for url in ["/api/v1/plans/", *api_reads(plan, action)]:
        assert client.get(url).status_code in (401, 403), url


@pytest.mark.django_db
def test_other_organisations_see_nothing(plan, action, outsider):
    client = client_for(outsider)
    for url in page_urls(plan, action) + api_reads(plan, action):
        assert client.get(url).status_code == 404, url
    assert b"Web plan" not in client.get("/plans/").content
    assert client.get("/api/v1/plans/").json()["count"] == 0
    assert (
        client.post(
            f"/plans/actions/{action.pk}/",
            {"record-progress": "1", "progress-text": "x", "progress-recorded_on": "2020-01-01"},
        ).status_code
        == 404
    )
    assert (
        client.patch(
            f"/api/v1/plans/actions/{action.pk}/",
            {"status": "complete"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert client.post(f"/plans/{plan.pk}/board-report/").status_code == 404
    action.refresh_from_db()
    assert action.status == "in_progress"


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.COMMITTEE_MEMBER, Role.CASEWORKER])
def test_read_only_members_can_read_but_not_write(plan, action, make_user, organisation, role):
    reader = make_user("reader", (organisation, role))
    client = client_for(reader)
    for url in page_urls(plan, action) + api_reads(plan, action):
        assert client.get(url).status_code == 200, url
    page = client.get(f"/plans/actions/{action.pk}/").content
    assert b"Record progress</button>" not in page
    response = client.post(
        f"/plans/actions/{action.pk}/",
        {"record-progress": "1", "progress-text": "sneaky", "progress-recorded_on": "2020-01-01"},
    )
    assert response.status_code == 403
    assert (
        client.patch(
            f"/api/v1/plans/actions/{action.pk}/",
            {"status": "complete"},
            content_type="application/json",
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/api/v1/plans/actions/{action.pk}/progress/",
            {"text": "x"},
            content_type="application/json",
        ).status_code
        == 403
    )
    assert client.get("/plans/import/").status_code == 403
    assert ProgressUpdate.objects.filter(text="sneaky").count() == 0


@pytest.mark.django_db
def test_dashboard_counts_and_lists(plan, officer):
    response = client_for(officer).get(f"/plans/{plan.pk}/?as_of=2010-01-15")
    dashboard = response.context["dashboard"]
    registration, ftp = dashboard.areas
    assert (registration.name, registration.counts) == (
        "Registration",
        {"green": 1, "amber": 1, "red": 0, "none": 1},
    )
    assert ftp.counts == {"green": 0, "amber": 0, "red": 1, "none": 1}
    assert [a.ref for a in dashboard.overdue] == ["2.1.1"]
    assert [a.ref for a in dashboard.due_soon] == []
    later = client_for(officer).get(f"/plans/{plan.pk}/?as_of=2018-06-10").context["dashboard"]
    assert [a.ref for a in later.due_soon] == ["3.1.1"]


@pytest.mark.django_db
def test_dashboard_filters_and_bad_as_of(plan, officer):
    client = client_for(officer)
    red = client.get(f"/plans/{plan.pk}/?rag=red").context["actions"]
    assert [a.ref for a in red] == ["3.1.1"]
    lead = client.get(f"/plans/{plan.pk}/?lead=IW").context["actions"]
    assert [a.ref for a in lead] == ["2.1.1"]
    bad = client.get(f"/plans/{plan.pk}/?as_of=not-a-date")
    assert bad.status_code == 200
    assert b"Date to measure against must be a real date" in bad.content


@pytest.mark.django_db
def test_record_progress_and_edit(plan, action, officer):
    from django.utils import timezone

    client = client_for(officer)
    url = f"/plans/actions/{action.pk}/"
    response = client.post(
        url,
        sent(
            {
                "record-progress": "1",
                "progress-text": "Register published",
                "progress-recorded_on": timezone.localdate().isoformat(),
                "progress-status": "complete",
                "progress-rag": "",
            }
        ),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "complete"
    assert action.progress_updates.first().text == "Register published"
    response = client.post(
        url,
        sent(
            {
                "edit-action": "1",
                "edit-status": "in_progress",
                "edit-rag": "amber",
                "edit-due_text": "Q2 2018-19",
                "edit-leads_text": "AH",
                "edit-comment": "Moved",
                "edit-version": action.version,
            }
        ),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.due_date, action.rag, action.leads) == (date(2018, 9, 30), "amber", ["AH"])


@pytest.mark.django_db
def test_invalid_progress_shows_errors_and_writes_nothing(plan, action, officer):
    events = AuditEvent.objects.count()
    response = client_for(officer).post(
        f"/plans/actions/{action.pk}/",
        {"record-progress": "1", "progress-text": "", "progress-recorded_on": "2999-01-01"},
    )
    assert response.status_code == 200
    assert b"Enter the progress made." in response.content
    assert b"govuk-error-summary" in response.content
    assert action.progress_updates.count() == 1
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_import_preview_then_confirm(officer, organisation):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(officer)
    upload = SimpleUploadedFile("p.csv", b"action,due,rag\nOne,July 2009,G\nTwo,soon,\n")
    response = client.post(
        "/plans/import/",
        {
            "name": "Uploaded",
            "kind": "business_plan",
            "organisation": organisation.pk,
            "file": upload,
        },
    )
    assert response.status_code == 200
    assert b"Confirm import" in response.content
    assert b"could not read a date" in response.content
    assert not Plan.objects.exists()
    response = client.post("/plans/import/", sent(confirm="1"))
    plan = Plan.objects.get(title="Uploaded")
    assert response["Location"] == f"/plans/{plan.pk}/"
    assert plan.actions.count() == 2


@pytest.mark.django_db
def test_import_of_a_bad_file_shows_row_errors_and_cannot_be_confirmed(officer, organisation):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(officer)
    upload = SimpleUploadedFile("p.csv", b"action,rag\nOne,purple\n")
    response = client.post(
        "/plans/import/",
        {"name": "Bad", "kind": "business_plan", "organisation": organisation.pk, "file": upload},
    )
    assert b"row 2: unknown RAG" in response.content
    assert b"Confirm import" not in response.content
    client.post("/plans/import/", sent(confirm="1"))
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_exports_have_the_right_types(plan, officer):
    client = client_for(officer)
    assert client.get(f"/plans/{plan.pk}/export.csv")["Content-Type"].startswith("text/csv")
    assert client.get(f"/plans/{plan.pk}/export.json").json()["plan"] == "Web plan"
    assert client.get(f"/plans/{plan.pk}/export.pdf").content.startswith(b"%PDF")
    assert client.get(f"/plans/{plan.pk}/export.xlsx").content.startswith(b"PK")
    assert client.get(f"/plans/{plan.pk}/export.exe").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_board_report_job_produces_the_pdf(plan, officer):
    """The view starts a job; once its transaction commits the task runs and keeps the PDF."""
    client = client_for(officer)
    response = client.post(f"/plans/{plan.pk}/board-report/", sent(as_of="2010-01-15"))
    assert response.status_code == 302
    job = Job.objects.get()
    assert (job.state, job.message) == (Job.State.SUCCEEDED, "")
    job_page = client.get(response["Location"])
    assert b"Download" in job_page.content
    download = client.get(response["Location"] + "download/")
    assert download.content.startswith(b"%PDF")
    assert "board-report-2010-01-15.pdf" in download["Content-Disposition"]


@pytest.mark.django_db
def test_api_contract_update_and_progress(plan, action, officer):
    token = Token.objects.create(user=officer).key
    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    listing = client.get(f"/api/v1/plans/{plan.pk}/actions/?as_of=2010-01-15").json()
    assert list(listing[0]) == [
        "id",
        "ref",
        "area",
        "target",
        "action",
        "due_text",
        "due_date",
        "recurring",
        "leads",
        "status",
        "rag",
        "comment",
        "progress",
        "overdue",
        "version",
    ]
    assert [a["ref"] for a in listing if a["overdue"]] == ["2.1.1"]
    response = client.patch(
        f"/api/v1/plans/actions/{action.pk}/", {"rag": "purple"}, content_type="application/json"
    )
    assert response.status_code == 400 and "rag" in response.json()
    response = client.patch(
        f"/api/v1/plans/actions/{action.pk}/",
        {"status": "complete"},
        content_type="application/json",
    )
    assert response.json()["status"] == "complete"
    response = client.post(
        f"/api/v1/plans/actions/{action.pk}/progress/",
        {"text": ""},
        content_type="application/json",
    )
    assert response.status_code == 400 and "text" in response.json()
    response = client.post(
        f"/api/v1/plans/actions/{action.pk}/progress/",
        {"text": "Done"},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["progress"] == "Done"
    response = client.post(
        f"/api/v1/plans/actions/{action.pk}/progress/",
        {"text": "Later", "recorded_on": "2999-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "recorded_on" in response.json()
    assert client.get(f"/api/v1/plans/{plan.pk}/actions/?status=bogus").status_code == 400
    assert client.get(f"/api/v1/plans/{plan.pk}/export/?as_of=2010-13-01").status_code == 400
    assert client.get("/api/v1/plans/?page_size=0").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/plans/{pk}/", "/api/v1/plans/{pk}/actions/"])
def test_query_count_stays_flat_as_actions_grow(organisation, officer, url):
    small = sample_plan(organisation, acting_user=officer, name="Small", csv=many_actions_csv(5))
    large = sample_plan(organisation, acting_user=officer, name="Large", csv=many_actions_csv(60))
    client = client_for(officer)

    def queries(plan) -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url.format(pk=plan.pk)).status_code == 200
        return len(context.captured_queries)

    queries(small)  # warm caches (content types, sessions)
    assert queries(large) == queries(small)
    assert Action.objects.filter(plan=large).count() == 60
