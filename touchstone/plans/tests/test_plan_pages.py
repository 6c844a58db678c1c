"""The plan's page as people meet it: a contents list with a way back, the lead filter in
reading order, one board-report action that says when no worker runs, wide tables that scroll
in their own region, the history in words, and the plans of the organisation worked as."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.test import Client
from django.utils import timezone

from touchstone.core.models import Role
from touchstone.core.services import worker_heartbeat
from touchstone.core.testing import sent
from touchstone.plans.tests.factories import make_action, make_plan, sample_plan


@pytest.fixture
def client(officer_client) -> Client:
    return officer_client


@pytest.fixture
def plan(web_plan):
    return web_plan


def page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return unescape(response.content.decode())


@pytest.mark.django_db
def test_plan_page_has_contents_linking_to_each_area_and_a_way_back(client, plan):
    html = page(client, f"/plans/{plan.pk}/")
    contents = re.search(r'<nav class="ts-contents" id="contents".*?</nav>', html, re.S).group(0)
    assert ">Contents</h2>" in contents
    for anchor in ("rag-status", "overdue", "due-soon", "stale", "actions"):
        assert f'href="#{anchor}"' in contents and f'id="{anchor}"' in html
    for area in plan.areas.all():
        assert f'href="#area-{area.pk}">{area.name}</a>' in contents
        assert f'<h3 class="govuk-heading-m" id="area-{area.pk}">{area.name}</h3>' in html
    assert html.count('href="#contents">Back to contents</a>') == plan.areas.count()


@pytest.mark.django_db
def test_lead_filter_lists_leads_in_reading_order_whatever_the_case(client, organisation, officer):
    plan = make_plan(organisation, title="Leads", acting_user=officer)
    for leads in ("zoe", "TB", "amy", "BB"):
        make_action(plan, f"Led by {leads}", leads_text=leads, acting_user=officer)
    html = page(client, f"/plans/{plan.pk}/")
    select = re.search(r'<select[^>]*name="lead".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="([^"]*)"', select) == ["", "amy", "BB", "TB", "zoe"]


@pytest.mark.django_db
def test_board_report_is_one_action_prepared_in_the_background_when_a_worker_runs(client, plan):
    worker_heartbeat(worker_id="w1", started_at=timezone.now())
    html = page(client, f"/plans/{plan.pk}/?as_of=2010-01-15")
    assert "Prepare the board report (PDF)</button>" in html
    assert "usually ready within a minute" in html
    assert "Download PDF now" not in html and "Board report (PDF)</button>" not in html
    assert "worker is not running" not in html


@pytest.mark.django_db
def test_board_report_without_a_worker_says_so_and_offers_the_direct_download(client, plan):
    worker_heartbeat(
        worker_id="gone",
        started_at=timezone.now() - timedelta(hours=1),
        now=timezone.now() - timedelta(hours=1),
    )  # its lease ran out
    html = page(client, f"/plans/{plan.pk}/?as_of=2010-01-15")
    assert "The background worker is not running just now" in html
    link = f'href="/plans/{plan.pk}/export.pdf?as_of=2010-01-15" download>'
    assert f"{link}Download the board report (PDF)</a>" in html
    assert f'action="/plans/{plan.pk}/board-report/"' not in html
    assert "Download PDF now" not in html


@pytest.mark.django_db
def test_wide_tables_scroll_in_their_own_region(client, plan):
    for path in ("/plans/", f"/plans/{plan.pk}/"):
        html = page(client, path)
        tables = html.count('<table class="govuk-table')
        regions = re.findall(
            r'<div class="ts-table-scroll" role="region" aria-label="[^"]+" tabindex="0">\s*'
            r'<table class="govuk-table',
            html,
        )
        assert tables and len(regions) == tables, path


@pytest.mark.django_db
def test_history_names_a_progress_note_in_words(client, plan):
    action = plan.actions.get(ref="2.1.1")
    client.post(
        f"/plans/actions/{action.pk}/",
        sent({"progress-text": "Checked the register", "progress-recorded_on": "2010-01-02"}),
    )
    html = page(client, f"/history/plans/action/{action.pk}/")
    assert "Progress made" in html and "Checked the register" in html
    assert "Date of the progress" in html and "2 January 2010" in html
    assert not re.search(r">\s*Text\s*<", html)


# --- several organisations -----------------------------------------------------------------


@pytest.fixture
def two_bodies(make_organisation, make_user, officer):
    first, second = make_organisation("first-body"), make_organisation("second-body")
    mine = sample_plan(first, acting_user=None, name="First's plan")
    theirs = sample_plan(second, acting_user=None, name="Second's plan")
    board = make_user("board", (first, Role.BOARD_MEMBER), (second, Role.BOARD_MEMBER))
    return {"first": first, "second": second, "mine": mine, "theirs": theirs, "board": board}


def switch(client, organisation):
    response = client.post("/organisation/", {"organisation": organisation.pk})
    assert response.status_code == 302


@pytest.mark.django_db
def test_plans_list_shows_the_organisation_worked_as_and_says_so(two_bodies):
    client = Client()
    client.force_login(two_bodies["board"])
    switch(client, two_bodies["second"])
    html = page(client, "/plans/")
    assert "Second's plan" in html and "First's plan" not in html
    assert "of <strong>Second Body</strong>, the organisation you are working as" in html
    assert "You also belong to First Body: to see its plans" in html
    switch(client, two_bodies["first"])
    html = page(client, "/plans/")
    assert "First's plan" in html and "Second's plan" not in html
    home = page(client, "/")
    assert "First's plan" in home and "Second's plan" not in home


@pytest.mark.django_db
def test_a_manager_cannot_record_progress_on_a_plan_of_a_body_where_they_only_read(
    make_organisation, make_user
):
    managed, read_only = make_organisation("managed-body"), make_organisation("read-body")
    sample_plan(managed, name="Managed plan")
    other_plan = sample_plan(read_only, name="Read plan")
    manager = make_user("manager", (managed, Role.MANAGER), (read_only, Role.COMMITTEE_MEMBER))
    action = other_plan.actions.get(ref="2.1.1")
    client = Client()
    client.force_login(manager)
    for acting_for in (managed, read_only):
        switch(client, acting_for)
        html = page(client, f"/plans/actions/{action.pk}/")
        assert "Record progress</button>" not in html
        response = client.post(
            f"/plans/actions/{action.pk}/",
            sent({"progress-text": "Not mine", "progress-recorded_on": "2010-01-02"}),
        )
        assert response.status_code == 403
    assert not action.progress_updates.filter(text="Not mine").exists()
