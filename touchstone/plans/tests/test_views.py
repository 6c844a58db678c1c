"""Plans web pages: the dashboard's numbers and filters, the action page's forms and the
downloads. The import pages are in test_import_pages.py; who may do what is in
test_permissions_matrix.py."""

import json
import re
from datetime import date, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from touchstone.core.models import Job
from touchstone.core.services import worker_heartbeat
from touchstone.core.testing import date_boxes, sent
from touchstone.plans.models import Action
from touchstone.plans.tests.factories import (
    SAMPLE_AS_OF,
    make_action,
    make_plan,
    sample_plan,
    table_counts,
)


@pytest.fixture
def plan(organisation, officer):
    return sample_plan(organisation, acting_user=officer, name="Web plan")


@pytest.fixture
def action(plan):
    return plan.actions.get(ref="2.1.1")


@pytest.fixture
def client(officer) -> Client:
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def timed_plan(organisation, officer):
    """Actions placed around 15 January 2010 (created long before, so staleness counts from
    their progress): overdue, due that day, due soon, later, stale and not stale."""
    plan = make_plan(organisation, title="Timed plan", acting_user=officer)

    def add(ref, text, **fields):
        return make_action(plan, text, ref=ref, acting_user=officer, **fields)

    add(
        "1",
        "Overdue by a day",
        area="A",
        target="T1",
        due_text="14/01/2010",
        rag="R",
        progress="Started",
        progress_on=date(2009, 12, 20),
    )
    add(
        "2",
        "Due on the day",
        area="A",
        target="T1",
        due_text="15/01/2010",
        rag="A",
        progress="Nearly",
        progress_on=date(2010, 1, 10),
    )
    add(
        "3",
        "Due at the end of the month",
        area="A",
        target="T2",
        due_text="January 2010",
        rag="G",
        progress="On track",
        progress_on=date(2009, 9, 1),
    )
    add(
        "4",
        "Due after the window",
        area="B",
        target="T3",
        due_text="15/02/2010",
        progress="Planned",
        progress_on=date(2010, 1, 2),
    )
    add(
        "5",
        "Complete though late",
        area="B",
        target="T3",
        due_text="July 2009",
        status="complete",
        rag="G",
    )
    add("6", "Never reported on", area="B", target="T3", due_text="Ongoing")
    Action.objects.filter(plan=plan).update(
        created_at=timezone.make_aware(datetime(2009, 1, 1, 12))
    )
    return plan


def refs(actions) -> list[str]:
    return [a.ref for a in actions]


# --- plan list -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_plan_list_shows_each_plan_with_its_rag_summary(client, plan, timed_plan):
    response = client.get("/plans/")
    plans = {p.title: p for p in response.context["plans"]}
    web = plans["Web plan"]
    assert (web.action_count, web.rag_green, web.rag_amber, web.rag_red, web.rag_none) == (
        5,
        1,
        1,
        1,
        2,
    )
    timed = plans["Timed plan"]
    assert (timed.rag_green, timed.rag_amber, timed.rag_red, timed.rag_none) == (2, 1, 1, 2)
    html = response.content.decode()
    assert "Import a plan" in html
    assert "Green 1" in html and "Not rated 2" in html


# --- dashboard -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_dashboard_rag_counts_by_area_in_the_chart_and_the_table(client, plan):
    response = client.get(f"/plans/{plan.pk}/?as_of={SAMPLE_AS_OF}")
    dashboard = response.context["dashboard"]
    assert [(a.name, a.counts, a.total) for a in dashboard.areas] == [
        ("Registration", {"green": 1, "amber": 1, "red": 0, "none": 1}, 3),
        ("Fitness to practise", {"green": 0, "amber": 0, "red": 1, "none": 1}, 2),
    ]
    html = response.content.decode()
    # The chart is for the eye only, and says its numbers in text as well as colour.
    chart = re.search(
        r'<div class="ts-chart" aria-hidden="true">(.*?)</div>\s*<div class="ts-table-scroll"',
        html,
        re.S,
    )
    assert chart and "G 1" in chart.group(1) and "R 1" in chart.group(1)
    # The table alternative carries the same numbers, with a caption and header scopes.
    table = re.search(r'<table class="govuk-table" id="rag-by-area">(.*?)</table>', html, re.S)
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table.group(1), re.S)
    cells = [re.findall(r">\s*(?:<strong>)?([^<>]+?)(?:</strong>)?\s*</t[hd]>", r) for r in rows]
    assert cells[1:] == [
        ["Registration", "1", "1", "0", "1", "3"],
        ["Fitness to practise", "0", "0", "1", "1", "2"],
        ["All areas", "1", "1", "1", "2", "5"],
    ]
    assert "<caption" in table.group(1) and 'scope="row"' in table.group(1)


@pytest.mark.django_db
def test_dashboard_overdue_due_soon_and_stale_as_of_a_date(client, timed_plan):
    dashboard = client.get(f"/plans/{timed_plan.pk}/?as_of=2010-01-15").context["dashboard"]
    assert refs(dashboard.overdue) == ["1"]  # the due day itself is not overdue; 5 is complete
    assert refs(dashboard.due_soon) == ["2", "3"]  # 15 Jan to 14 Feb, soonest first
    assert refs(dashboard.stale) == ["3", "6"]  # last progress 1 Sep 2009; never, since 2009
    later = client.get(f"/plans/{timed_plan.pk}/?as_of=2010-02-15").context["dashboard"]
    assert refs(later.overdue) == ["1", "2", "3"]
    assert refs(later.due_soon) == ["4"]


@pytest.mark.django_db
def test_dashboard_as_of_defaults_to_today(client, plan):
    response = client.get(f"/plans/{plan.pk}/")
    assert response.context["as_of"] == timezone.localdate()
    assert b"(today)" in response.content


@pytest.mark.django_db
def test_dashboard_groups_actions_by_area_and_key_target_in_sortable_tables(client, plan):
    response = client.get(f"/plans/{plan.pk}/")
    groups = response.context["groups"]
    assert [(g["area"].name, [refs(t["actions"]) for t in g["targets"]]) for g in groups] == [
        ("Registration", [["2.1.1", "2.1.2"], ["2.2.1"]]),
        ("Fitness to practise", [["3.1.1", "3.1.2"]]),
    ]
    html = response.content.decode()
    assert html.count('data-module="moj-sortable-table"') == 3
    assert 'aria-sort="ascending"' in html and 'aria-sort="none"' in html
    assert "moj-filter-layout" in html and 'class="moj-filter"' in html
    for label in ("Search actions", "Area", "Lead", "Status", "RAG"):
        assert f">{label}</label>" in html
    assert ">As of</legend>" in html and 'name="as_of-day"' in html  # a GOV.UK date input


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rag=red", ["3.1.1"]),
        ("rag=none", ["2.2.1", "3.1.2"]),
        ("status=complete", ["2.2.1"]),
        ("lead=IW", ["2.1.1"]),
        ("lead=LN", ["3.1.2"]),
        ("q=cpd", ["2.2.1"]),
        ("q=3.1.2", ["3.1.2"]),
        ("lead=BB&rag=green", ["2.1.1"]),
        ("", ["2.1.1", "2.1.2", "2.2.1", "3.1.1", "3.1.2"]),
    ],
)
def test_dashboard_filters(client, plan, query, expected):
    response = client.get(f"/plans/{plan.pk}/?{query}")
    assert refs(response.context["actions"]) == expected
    assert sum(response.context["dashboard"].totals.values()) == len(expected)


@pytest.mark.django_db
def test_dashboard_area_filter_and_selected_filters(client, plan):
    area = plan.areas.get(name="Fitness to practise")
    response = client.get(f"/plans/{plan.pk}/?area={area.pk}&rag=red")
    assert refs(response.context["actions"]) == ["3.1.1"]
    selected = {s["label"]: s for s in response.context["selected_filters"]}
    assert selected["Area"]["value"] == "Fitness to practise"
    assert selected["RAG"]["value"] == "Red"
    assert selected["RAG"]["remove_url"] == f"?area={area.pk}"
    assert b"Selected filters" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["as_of=not-a-date", "as_of=2010-02-30", "area=999999", "rag=purple"]
)
def test_dashboard_bad_filter_shows_an_error_not_a_500(client, plan, query):
    response = client.get(f"/plans/{plan.pk}/?{query}&status=complete")
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html and "<title>Error:" in html
    assert 'aria-describedby="' in html and "govuk-form-group--error" in html
    # The good filter still applies; the bad one is ignored.
    assert refs(response.context["actions"]) == ["2.2.1"]
    if "as_of" in query:
        assert "Date to measure against must be a real date" in html
        assert response.context["as_of"] == timezone.localdate()


# --- action page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_action_page_shows_the_action(client, action, organisation):
    from touchstone.core.models import Person

    Person.objects.create(
        organisation=organisation, full_name="Ian Webb", initials="IW", email="iw@example.test"
    )
    # Leads are tied to people when the leads are (re)written.
    client.post(
        f"/plans/actions/{action.pk}/",
        sent(
            {
                "edit-action": "1",
                "edit-status": "in_progress",
                "edit-rag": "green",
                "edit-due_text": "July 2009",
                "edit-leads_text": "BB IW",
                "edit-comment": "",
                "edit-version": action.version,
            }
        ),
    )
    response = client.get(f"/plans/actions/{action.pk}/")
    html = response.content.decode()
    assert "Publish the advocates register" in html
    assert "“July 2009”, read as 31 July 2009" in html
    assert 'href="mailto:iw@example.test">Ian Webb</a>' in html
    assert 'govuk-tag--blue">In progress</strong>' in html  # status: text and colour
    assert 'govuk-tag--green">Green</strong>' in html
    assert "This action is overdue" in html  # due July 2009, long past
    assert "moj-timeline" in html and "Draft ready" in html
    assert f'href="/history/plans/action/{action.pk}/?back=/plans/' in html
    assert "Record progress</button>" in html and "Save changes</button>" in html


@pytest.mark.django_db
def test_action_page_warns_of_no_recent_progress(client, timed_plan):
    never = timed_plan.actions.get(ref="6")
    html = client.get(f"/plans/actions/{never.pk}/").content.decode()
    assert "No progress has been recorded for over 90 days" in html
    assert "This action is overdue" not in html  # recurring, no date
    assert "Recurring" in html


@pytest.mark.django_db
@pytest.mark.parametrize(("stale_days", "stale"), [(30, True), (60, False)])
def test_the_action_page_and_the_api_agree_on_staleness_under_the_setting(
    client, organisation, officer, settings, stale_days, stale
):
    """TOUCHSTONE_PLANS_STALE_DAYS decides for every caller: 40 days without progress is stale
    after 30 days, not after 60."""
    settings.TOUCHSTONE_PLANS_STALE_DAYS = stale_days
    plan = make_plan(organisation, title="Quiet plan", acting_user=officer)
    quiet = make_action(
        plan,
        "Quiet action",
        acting_user=officer,
        progress="Last word",
        progress_on=timezone.localdate() - timedelta(days=40),
    )
    Action.objects.filter(pk=quiet.pk).update(
        created_at=timezone.make_aware(datetime(2009, 1, 1, 12))
    )
    html = client.get(f"/plans/actions/{quiet.pk}/").content.decode()
    warning = f"No progress has been recorded for over {stale_days} days"
    assert (warning in html) is stale
    assert client.get(f"/api/v1/plans/{plan.pk}/").json()["stale"] == int(stale)
    dashboard = client.get(f"/plans/{plan.pk}/").content.decode()
    assert f"No progress for {stale_days} days ({int(stale)})" in dashboard


@pytest.mark.django_db
def test_progress_timeline_is_newest_first(client, action, officer):
    from touchstone.plans.services import progress_record

    progress_record(acting_user=officer, action=action, text="Older", recorded_on=date(2009, 1, 1))
    progress_record(acting_user=officer, action=action, text="Newest", recorded_on=date(2011, 1, 1))
    updates = client.get(f"/plans/actions/{action.pk}/").context["updates"]
    assert [u.text for u in updates] == ["Draft ready", "Newest", "Older"]  # today, 2011, 2009


@pytest.mark.django_db
def test_record_progress_with_new_status_and_rag(client, action):
    today = timezone.localdate()
    response = client.post(
        f"/plans/actions/{action.pk}/",
        sent(
            {
                "record-progress": "1",
                "progress-text": "Register published",
                "progress-recorded_on": today.isoformat(),
                "progress-status": "complete",
                "progress-rag": "green",
            }
        ),
    )
    assert response.status_code == 302 and response["Location"] == f"/plans/actions/{action.pk}/"
    action.refresh_from_db()
    assert (action.status, action.rag, action.last_progress_on) == ("complete", "green", today)
    assert action.progress_updates.first().text == "Register published"
    assert b"Progress recorded." in Client.get(client, response["Location"]).content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"progress-text": "", "progress-recorded_on": "2010-01-01"}, "Enter the progress made"),
        (
            {"progress-text": "   ", "progress-recorded_on": "2010-01-01"},
            "Enter the progress made",
        ),
        (
            {"progress-text": "x", **date_boxes("progress-recorded_on", "1", "13", "2010")},
            "Date of the progress must be a real date",
        ),
        ({"progress-text": "x", "progress-recorded_on": "2010-13-01"}, "must be a real date"),
        (
            {"progress-text": "x", **date_boxes("progress-recorded_on", "", "", "")},
            "Enter the date of the progress",
        ),
        (
            {"progress-text": "x", **date_boxes("progress-recorded_on", "1", "1", "")},
            "Date of the progress must include a year",
        ),
        (
            {"progress-text": "x", **date_boxes("progress-recorded_on", "1", "1", "2999")},
            "Date of the progress must be today or in the past",
        ),
        (
            {
                "progress-text": "x",
                **date_boxes("progress-recorded_on", "1", "1", "2010"),
                "progress-rag": "purple",
            },
            "Select the new RAG from the list",
        ),
    ],
)
def test_invalid_progress_shows_errors_and_writes_nothing(client, action, data, message):
    before = table_counts()
    response = client.post(f"/plans/actions/{action.pk}/", sent({"record-progress": "1", **data}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "govuk-error-summary" in html and "<title>Error:" in html
    assert re.search(r'<a href="#id_progress-[\w-]+">', html)  # the summary links to the field
    assert table_counts() == before
    action.refresh_from_db()
    assert (action.status, action.rag) == ("in_progress", "green")


@pytest.mark.django_db
def test_edit_action(client, action):
    response = client.post(
        f"/plans/actions/{action.pk}/",
        sent(
            {
                "edit-action": "1",
                "edit-status": "deferred",
                "edit-rag": "",
                "edit-due_text": "Q2 2018-19",
                "edit-leads_text": "AH, TB",
                "edit-comment": "Moved to next year",
                "edit-version": action.version,
            }
        ),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.rag, action.due_date, action.leads, action.comment) == (
        "deferred",
        "",
        date(2018, 9, 30),
        ["AH", "TB"],
        "Moved to next year",
    )


@pytest.mark.django_db
def test_edit_with_an_unreadable_due_date_saves_and_warns(client, action):
    response = client.post(
        f"/plans/actions/{action.pk}/",
        sent(
            {
                "edit-action": "1",
                "edit-status": "in_progress",
                "edit-rag": "green",
                "edit-due_text": "when we can",
                "edit-leads_text": "BB",
                "edit-comment": "",
                "edit-version": action.version,
            }
        ),
        follow=True,
    )
    assert b"could not read a date" in response.content
    action.refresh_from_db()
    assert (action.due_text, action.due_date) == ("when we can", None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("edit-status", "finished", "Select the status from the list"),
        ("edit-rag", "purple", "Select the RAG from the list"),
        ("edit-due_text", "x" * 101, "Due must be 100 characters or fewer"),
        ("edit-leads_text", "x" * 201, "Leads must be 200 characters or fewer"),
    ],
)
def test_invalid_edit_shows_errors_and_writes_nothing(client, action, field, value, message):
    data = {
        "edit-action": "1",
        "edit-status": "complete",
        "edit-rag": "red",
        "edit-due_text": "",
        "edit-leads_text": "",
        "edit-comment": "Changed",
        "edit-version": action.version,
        field: value,
    }
    before = table_counts()
    response = client.post(f"/plans/actions/{action.pk}/", sent(data))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert '<details class="govuk-details" open>' in html  # the edit form is shown open
    assert table_counts() == before
    action.refresh_from_db()
    assert (action.status, action.rag, action.comment) == ("in_progress", "green", "")


# --- downloads and the board report ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fmt", "content_type", "starts"),
    [
        ("csv", "text/csv", None),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
        ("json", "application/json", b"{"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_exports_have_the_right_types(client, plan, fmt, content_type, starts):
    response = client.get(f"/plans/{plan.pk}/export.{fmt}?as_of=2010-01-15")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == f'attachment; filename="web-plan-2010-01-15.{fmt}"'
    if starts:
        assert response.content.startswith(starts)
    if fmt == "csv":
        assert "Publish the advocates register" in response.content.decode("utf-8-sig")
    if fmt == "json":
        assert json.loads(response.content)["plan"] == "Web plan"


@pytest.mark.django_db
def test_export_refuses_an_unknown_format_or_a_bad_date(client, plan):
    assert client.get(f"/plans/{plan.pk}/export.exe").status_code == 404
    bad = client.get(f"/plans/{plan.pk}/export.csv?as_of=2010-99-01")
    assert bad.status_code == 400 and b"Date of the position must be a real date" in bad.content


@pytest.mark.django_db
def test_dashboard_offers_the_downloads_and_the_board_report(client, plan):
    worker_heartbeat(worker_id="w1", started_at=timezone.now())  # a worker is running
    html = client.get(f"/plans/{plan.pk}/?as_of=2010-01-15").content.decode()
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="/plans/{plan.pk}/export.{fmt}?as_of=2010-01-15"' in html
    # the PDF is the board report, prepared by the worker (test_plan_pages: without one)
    assert f'action="/plans/{plan.pk}/board-report/"' in html
    assert 'name="as_of" value="2010-01-15"' in html


@pytest.mark.django_db
def test_board_report_starts_a_job_and_shows_its_page(client, plan, officer):
    response = client.post(f"/plans/{plan.pk}/board-report/", sent(as_of="2010-01-15"))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.kind, job.created_by, job.organisation) == (
        "plans.board_report",
        officer,
        plan.organisation,
    )
    assert job.params == {"plan": plan.pk, "as_of": "2010-01-15"}


@pytest.mark.django_db
def test_the_board_report_started_from_the_page_runs_and_offers_its_pdf(
    client, plan, django_capture_on_commit_callbacks
):
    """The job runs once the view's transaction commits; its page then offers the PDF."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/plans/{plan.pk}/board-report/", sent(as_of="2010-01-15"))
    job = Job.objects.get()
    assert (job.state, job.message) == (Job.State.SUCCEEDED, "")
    assert b"Download" in client.get(response["Location"]).content
    download = client.get(response["Location"] + "download/")
    assert download.content.startswith(b"%PDF")
    assert "board-report-2010-01-15.pdf" in download["Content-Disposition"]


@pytest.mark.django_db
def test_board_report_with_a_bad_date_starts_nothing(client, plan):
    response = client.post(f"/plans/{plan.pk}/board-report/", {"as_of": "15/01/2010x"}, follow=True)
    assert b"Date of the position must be a real date" in response.content
    assert not Job.objects.exists()
    assert client.get(f"/plans/{plan.pk}/board-report/").status_code == 405


@pytest.mark.django_db
def test_dashboard_as_of_in_the_future_is_allowed(client, plan):
    later = (timezone.localdate() + timedelta(days=400)).isoformat()
    assert client.get(f"/plans/{plan.pk}/?as_of={later}").status_code == 200
