"""Text the platform cannot export is refused at every way in (forms, API, imports), and text
stored before that was refused still exports: every demo plan in every format."""

import io
import json
from io import StringIO

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader
from rest_framework.authtoken.models import Token

from touchstone.core.models import Organisation, User
from touchstone.plans.demo import load as load_demo_plans
from touchstone.plans.imports import ImportRejected, plan_import
from touchstone.plans.models import Action, Plan
from touchstone.plans.tests.factories import sample_plan, table_counts
from touchstone.plans.views.plans import EXPORT_TYPES

HOSTILE = [("\x00", "NUL"), ("\x07", "U+0007"), ("\x1b", "U+001B")]


def _check_export(fmt: str, body: bytes) -> None:
    if fmt == "xlsx":
        load_workbook(io.BytesIO(body), read_only=True).worksheets[0]
    elif fmt == "json":
        json.loads(body)
    elif fmt == "pdf":
        assert len(PdfReader(io.BytesIO(body)).pages) >= 1
    else:
        body.decode("utf-8")


@pytest.mark.django_db
def test_every_demo_plan_exports_in_every_format():
    from touchstone.core.demo import load as load_core_demo

    load_core_demo(StringIO())
    load_demo_plans(StringIO())
    assert Plan.objects.filter(title__contains="/").exists()  # "LGSS Law / CCC CFA …"
    for plan in Plan.objects.select_related("organisation"):
        client = Client()
        user = User.objects.filter(memberships__organisation=plan.organisation).first()
        client.force_login(user)
        for fmt in EXPORT_TYPES:
            response = client.get(f"/plans/{plan.pk}/export.{fmt}")
            assert response.status_code == 200, (plan.title, fmt)
            _check_export(fmt, response.content)
        sheet = load_workbook(io.BytesIO(client.get(f"/plans/{plan.pk}/export.xlsx").content))
        assert "/" not in sheet.sheetnames[0] and len(sheet.sheetnames[0]) <= 31


@pytest.mark.django_db
def test_control_characters_already_stored_are_dropped_from_every_export(organisation, officer):
    plan = sample_plan(organisation, acting_user=officer, name="Bell\x07 [plan]: a/b?")
    # Stored before input refused them (PostgreSQL never holds a NUL, so none here).
    Action.objects.filter(plan=plan).update(text="Ring\x07 the\x0b bell\x1b")
    client = Client()
    client.force_login(officer)
    for fmt in EXPORT_TYPES:
        response = client.get(f"/plans/{plan.pk}/export.{fmt}")
        assert response.status_code == 200, fmt
        _check_export(fmt, response.content)
        if fmt in ("csv", "json"):
            text = response.content.decode()
            assert "Ring the bell" in text and "\x07" not in text and "\\u0007" not in text
    workbook = load_workbook(io.BytesIO(client.get(f"/plans/{plan.pk}/export.xlsx").content))
    assert workbook.sheetnames == ["Bell plan a b"]
    cells = [c.value for row in workbook.worksheets[0].iter_rows() for c in row]
    assert "Ring the bell" in cells


@pytest.fixture
def action(organisation, officer):
    return sample_plan(organisation, acting_user=officer, name="Text plan").actions.get(ref="2.1.1")


@pytest.mark.django_db
@pytest.mark.parametrize(("char", "words"), HOSTILE)
def test_api_refuses_control_characters_with_a_field_message(officer, action, char, words):
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    before = table_counts()
    for url, method, data in (
        (f"/api/v1/plans/actions/{action.pk}/", api.patch, {"comment": f"a{char}b"}),
        (f"/api/v1/plans/actions/{action.pk}/progress/", api.post, {"text": f"x{char}"}),
    ):
        response = method(url, data, content_type="application/json")
        assert response.status_code == 400
        field = next(iter(data))
        assert words in response.json()[field][0]
    assert table_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(("char", "words"), HOSTILE)
def test_forms_refuse_control_characters_with_a_field_message(officer, action, char, words):
    client = Client()
    client.force_login(officer)
    before = table_counts()
    response = client.post(
        f"/plans/actions/{action.pk}/",
        {
            "record-progress": "1",
            "progress-text": f"x{char}y",
            "progress-recorded_on": "2010-01-01",
        },
    )
    assert response.status_code == 200
    assert words in response.content.decode()
    assert "progress-text-error" in response.content.decode()
    assert table_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(("char", "words"), HOSTILE)
def test_imports_refuse_control_characters_with_a_row_message(
    organisation: Organisation, officer, char, words
):
    data = f"area,action\nFirst,Fine\nSecond,Bad{char}cell\n".encode()
    before = table_counts()
    with pytest.raises(ImportRejected) as rejected:
        plan_import(
            acting_user=officer, organisation=organisation, name="Bad", filename="p.csv", data=data
        )
    assert any('row 3, column "action"' in e and words in e for e in rejected.value.errors)
    assert table_counts() == before
