import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from touchstone.core.tabular import read_table
from touchstone.plans.exports import (
    export_csv,
    export_json,
    export_pdf,
    export_xlsx,
    plan_export_data,
)
from touchstone.plans.imports import plan_import
from touchstone.plans.tests.builders import sample_plan

AS_OF = date(2010, 1, 15)
KEYS = [
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
    "progress",
    "overdue",
]


@pytest.fixture
def plan(organisation, officer):
    return sample_plan(organisation, acting_user=officer, name="IPS plan")


@pytest.mark.django_db
def test_json_shape_order_and_flags(plan):
    data = json.loads(export_json(plan, as_of=AS_OF))
    assert list(data) == ["plan", "as_of", "actions"]
    assert (data["plan"], data["as_of"]) == ("IPS plan", "2010-01-15")
    assert [a["ref"] for a in data["actions"]] == ["2.1.1", "2.1.2", "2.2.1", "3.1.1", "3.1.2"]
    assert all(list(a) == KEYS for a in data["actions"])
    first, tba, done, quarter, ongoing = data["actions"]
    assert first == {
        "ref": "2.1.1",
        "area": "Registration",
        "target": "Register is accurate",
        "action": "Publish the advocates register",
        "due_text": "July 2009",
        "due_date": "2009-07-31",
        "recurring": False,
        "leads": ["BB", "IW"],
        "status": "in_progress",
        "rag": "green",
        "progress": "Draft ready",
        "overdue": True,
    }
    assert (tba["due_date"], tba["overdue"], tba["progress"]) == (None, False, None)
    assert (done["status"], done["overdue"]) == ("complete", False)  # past due but complete
    assert quarter["overdue"] is False and quarter["rag"] == "red"
    assert (ongoing["recurring"], ongoing["rag"]) == (True, None)


@pytest.mark.django_db
def test_overdue_depends_on_the_as_of_date(plan):
    def overdue_refs(as_of):
        return [a["ref"] for a in plan_export_data(plan, as_of=as_of)["actions"] if a["overdue"]]

    assert overdue_refs(date(2009, 7, 31)) == []
    assert overdue_refs(date(2009, 8, 1)) == ["2.1.1"]
    assert overdue_refs(date(2018, 7, 1)) == ["2.1.1", "3.1.1"]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_tabular_export_reimports_to_the_same_plan(plan, organisation, officer, fmt):
    exporter = {"csv": export_csv, "xlsx": export_xlsx}[fmt]
    data = exporter(plan, as_of=AS_OF)
    copy = plan_import(
        acting_user=officer,
        organisation=organisation,
        name="Copy",
        filename=f"copy.{fmt}",
        data=data,
    ).plan
    original = plan_export_data(plan, as_of=AS_OF)["actions"]
    again = plan_export_data(copy, as_of=AS_OF)["actions"]
    assert again == original


@pytest.mark.django_db
def test_xlsx_has_a_header_row_and_one_row_per_action(plan):
    sheet = load_workbook(io.BytesIO(export_xlsx(plan, as_of=AS_OF))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:9] == (
        "area",
        "target",
        "action",
        "due",
        "leads",
        "progress",
        "rag",
        "status",
        "ref",
    )
    assert len(rows) == 6


@pytest.mark.django_db
def test_csv_export_is_readable_as_a_table(plan):
    table = read_table("x.csv", export_csv(plan, as_of=AS_OF))
    assert table.rows[0][1]["overdue"] == "yes"
    assert table.rows[1][1]["due_date"] == ""


@pytest.mark.django_db
def test_board_report_is_a_real_pdf_with_the_plan(plan):
    pdf = export_pdf(plan, as_of=AS_OF)
    assert pdf.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for expected in [
        "IPS plan",
        "Registration",
        "Fitness to practise",
        "RAG summary",
        "Overdue actions (1)",
        "Publish the advocates register",
        "Draft ready",
    ]:
        assert expected in text, expected
