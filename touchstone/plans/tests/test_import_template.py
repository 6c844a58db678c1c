"""The import page's template file, the progress column of the preview and the plan's period
asked for on import (the GOV.UK date input)."""

import csv
import io
import re
from datetime import date
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from touchstone.core.testing import date_boxes, sent
from touchstone.plans.imports import PLAN_SPEC, preview_plan_file
from touchstone.plans.models import Plan

CSV = b"action,progress,rag\nReview terms of reference,Draft sent to the board,G\n"


@pytest.fixture
def client(officer_client) -> Client:
    return officer_client


def upload(client, content=CSV, **extra):
    data = {
        "name": "Period plan",
        "kind": "business_plan",
        "file": SimpleUploadedFile("plan.csv", content),
        **extra,
    }
    return client.post("/plans/import/", data)


@pytest.mark.django_db
def test_import_page_links_to_the_template_file(client):
    html = client.get("/plans/import/").content.decode()
    assert 'href="/plans/import/template.csv" download>template file (CSV)</a>' in html


@pytest.mark.django_db
def test_template_has_exactly_the_import_columns_and_an_example_row_that_imports(client):
    response = client.get("/plans/import/template.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="plan-import-template.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [column.name for column in PLAN_SPEC.columns]
    assert len(rows) == 2 and all(rows[1])
    preview = preview_plan_file(filename="template.csv", data=response.content)
    assert preview.ok and not preview.warnings and len(preview.rows) == 1


@pytest.mark.django_db
def test_preview_shows_the_progress_column(client):
    html = unescape(upload(client).content.decode())
    head = re.search(r"<thead.*?</thead>", html, re.S).group(0)
    assert ">Progress</th>" in head
    assert ">Draft sent to the board</td>" in html


@pytest.mark.django_db
def test_import_asks_for_the_period_with_the_date_input(client):
    html = client.get("/plans/import/").content.decode()
    for name in ("starts_on", "ends_on"):
        for box in ("day", "month", "year"):
            assert f'name="{name}-{box}"' in html
    assert "Start of the plan's period (optional)" in unescape(html)


@pytest.mark.django_db
def test_import_keeps_the_period_from_preview_to_plan(client):
    response = upload(
        client, **date_boxes("starts_on", 1, 4, 2026), **date_boxes("ends_on", 31, "March", 2027)
    )
    assert "1 April 2026 to 31 March 2027" in unescape(response.content.decode())
    response = client.post("/plans/import/", sent(confirm="1"))
    assert response.status_code == 302
    plan = Plan.objects.get(title="Period plan")
    assert (plan.starts_on, plan.ends_on) == (date(2026, 4, 1), date(2027, 3, 31))
    assert plan.period == "1 April 2026 to 31 March 2027"
    assert "1 April 2026 to 31 March 2027" in unescape(client.get("/plans/").content.decode())


@pytest.mark.django_db
def test_import_refuses_a_period_ending_before_it_starts(client):
    response = upload(
        client, **date_boxes("starts_on", 1, 4, 2026), **date_boxes("ends_on", 31, 3, 2026)
    )
    html = unescape(response.content.decode())
    assert "The end of the plan's period must be the same as or after its start" in html
    assert not Plan.objects.filter(title="Period plan").exists()
