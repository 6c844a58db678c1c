"""Exports: the JSON shape, CSV/XLSX that re-import to the same plan, and the board report."""

import io
import json
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from touchstone.core.tabular import read_table
from touchstone.plans.exports import (
    board_report_context,
    export_csv,
    export_json,
    export_pdf,
    export_xlsx,
    plan_export_data,
)
from touchstone.plans.imports import COLUMNS, plan_import
from touchstone.plans.services import progress_record
from touchstone.plans.tests.factories import (
    SAMPLE_AS_OF,
    SAMPLE_REFS,
    make_action,
    make_plan,
    sample_plan,
)

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
TYPES = {
    "ref": str,
    "area": str,
    "target": str,
    "action": str,
    "due_text": str,
    "due_date": (str, type(None)),
    "recurring": bool,
    "leads": list,
    "status": str,
    "rag": (str, type(None)),
    "progress": (str, type(None)),
    "overdue": bool,
}


@pytest.fixture
def plan(organisation):
    return sample_plan(organisation, name="IPS plan")


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.django_db
def test_json_has_the_exact_shape_keys_types_and_order(plan):
    raw = export_json(plan, as_of=SAMPLE_AS_OF)
    data = json.loads(raw.decode("utf-8"))
    assert list(data) == ["plan", "as_of", "actions"]
    assert (data["plan"], data["as_of"]) == ("IPS plan", "2010-01-15")
    assert [a["ref"] for a in data["actions"]] == SAMPLE_REFS
    for action in data["actions"]:
        assert list(action) == KEYS
        for key, kind in TYPES.items():
            assert isinstance(action[key], kind), (key, action[key])
        assert all(isinstance(lead, str) for lead in action["leads"])
        assert action["rag"] in {"green", "amber", "red", None}
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
    assert (tba["due_date"], tba["overdue"], tba["progress"], tba["rag"]) == (
        None,
        False,
        None,
        "amber",
    )
    assert (done["status"], done["due_date"], done["overdue"]) == ("complete", "2009-12-31", False)
    assert (quarter["due_date"], quarter["overdue"], quarter["rag"]) == ("2018-06-30", False, "red")
    assert (ongoing["recurring"], ongoing["due_date"], ongoing["rag"]) == (True, None, None)
    assert plan_export_data(plan, as_of=SAMPLE_AS_OF) == data


@pytest.mark.django_db
def test_overdue_flags_follow_the_as_of_date(plan):
    def overdue_refs(as_of):
        return [a["ref"] for a in plan_export_data(plan, as_of=as_of)["actions"] if a["overdue"]]

    assert overdue_refs(date(2009, 7, 31)) == []  # the due day itself is not overdue
    assert overdue_refs(date(2009, 8, 1)) == ["2.1.1"]
    assert overdue_refs(date(2018, 6, 30)) == ["2.1.1"]
    assert overdue_refs(date(2018, 7, 1)) == ["2.1.1", "3.1.1"]  # complete 2.2.1 never is


@pytest.mark.django_db
def test_progress_is_the_latest_note(plan):
    action = plan.actions.get(ref="2.1.1")
    progress_record(
        acting_user=None, action=action, text="Older note", recorded_on=date(2009, 1, 1)
    )
    progress_record(acting_user=None, action=action, text="Published", recorded_on=date.today())
    [first] = [
        a for a in plan_export_data(plan, as_of=SAMPLE_AS_OF)["actions"] if a["ref"] == "2.1.1"
    ]
    assert first["progress"] == "Published"


@pytest.mark.django_db
def test_an_empty_plan_exports_no_actions(organisation):
    plan = make_plan(organisation, title="Empty")
    assert json.loads(export_json(plan, as_of=SAMPLE_AS_OF)) == {
        "plan": "Empty",
        "as_of": "2010-01-15",
        "actions": [],
    }
    assert read_table("e.csv", export_csv(plan, as_of=SAMPLE_AS_OF)).rows == []
    assert export_pdf(plan, as_of=SAMPLE_AS_OF).startswith(b"%PDF")


@pytest.fixture
def awkward_plan(organisation):
    """Values that a naive export would not bring back: formula-like text (guarded against
    CSV injection), leads with lower-case words, accents and commas, a recurring date, a
    returning area."""
    plan = sample_plan(organisation, name="Awkward")
    make_action(
        plan,
        "=SUM(A1:A3) is not a formula here, “quoted”",
        area="Registration",
        target="Register is accurate",
        ref="-1",
        due_text="Ongoing; each year",
        leads_text="TB, AK Staff, ILEX reps",
        status="in progress",
        rag="A",
        progress="+ Café visit, 3 sites",
    )
    make_action(plan, "@mention a colleague", area="Sécurité", target="", ref="@2")
    return plan


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_tabular_export_reimports_to_the_same_plan(awkward_plan, organisation, fmt):
    exporter = {"csv": export_csv, "xlsx": export_xlsx}[fmt]
    data = exporter(awkward_plan, as_of=SAMPLE_AS_OF)
    copy = plan_import(
        acting_user=None,
        organisation=organisation,
        name="Copy",
        filename=f"copy.{fmt}",
        data=data,
    )
    assert copy.warnings == []
    original = plan_export_data(awkward_plan, as_of=SAMPLE_AS_OF)["actions"]
    again = plan_export_data(copy.plan, as_of=SAMPLE_AS_OF)["actions"]
    assert again == original
    assert len(again) == 7
    assert [a.name for a in copy.plan.areas.all()] == [a.name for a in awkward_plan.areas.all()]


@pytest.mark.django_db
def test_csv_columns_and_formula_guard(awkward_plan):
    csv = export_csv(awkward_plan, as_of=SAMPLE_AS_OF)
    assert csv.decode("utf-8").splitlines()[0] == ",".join([*COLUMNS, "due_date", "overdue"])
    table = read_table("x.csv", csv)
    rows = [values for _number, values in table.rows]
    assert (rows[0]["due_date"], rows[0]["overdue"], rows[0]["leads"]) == (
        "2009-07-31",
        "yes",
        "BB IW",
    )
    assert (rows[1]["due_date"], rows[1]["overdue"]) == ("", "no")
    # Text that a spreadsheet would run as a formula is guarded with an apostrophe.
    assert rows[5]["action"].startswith("'=SUM")
    assert rows[5]["ref"] == "'-1"
    assert rows[5]["progress"] == "'+ Café visit, 3 sites"


@pytest.mark.django_db
def test_xlsx_has_the_columns_one_row_per_action_and_real_date_cells(plan):
    sheet = load_workbook(io.BytesIO(export_xlsx(plan, as_of=SAMPLE_AS_OF))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (*COLUMNS, "due_date", "overdue")
    assert len(rows) == 6
    assert rows[1][2] == "Publish the advocates register"
    assert rows[1][9] == datetime(2009, 7, 31)
    assert rows[2][9] is None
    assert [row[10] for row in rows[1:]] == ["yes", "no", "no", "no", "no"]


@pytest.mark.django_db
def test_board_report_is_a_real_pdf_with_the_plan(plan, organisation):
    plan.actions.get(ref="2.2.1")  # complete, past due: in neither list
    pdf = export_pdf(plan, as_of=date(2009, 12, 15))
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    text = pdf_text(pdf)
    for expected in [
        "IPS plan",
        organisation.name,
        "15 December 2009",
        "RAG summary",
        "Registration",
        "Fitness to practise",
        "Overdue actions (1)",
        "Due in the next 30 days, to 14 January 2010 (0)",
        "Key target 1: Register is accurate",
        "Publish the advocates register",
        "Draft ready",
        "Green",
        "Amber",
        "Not rated",
        "Page 1 of",
    ]:
        assert expected in text, expected


@pytest.mark.django_db
def test_board_report_lists_overdue_and_due_soon_actions(plan):
    context = board_report_context(plan, as_of=date(2009, 12, 15))
    overdue, due_soon = context["attention"]
    assert [a.ref for a in overdue["actions"]] == ["2.1.1"]
    assert [a.ref for a in due_soon["actions"]] == []  # 2.2.1 falls due 31 Dec but is complete
    context = board_report_context(plan, as_of=date(2018, 6, 1))
    overdue, due_soon = context["attention"]
    assert [a.ref for a in due_soon["actions"]] == ["3.1.1"]


@pytest.mark.django_db
def test_board_report_groups_each_area_once_even_when_it_returns(organisation):
    text = "area,target,action\nFinance,Budget,One\nPeople,,Two\nFinance,Budget,Three\n"
    plan = plan_import(
        acting_user=None,
        organisation=organisation,
        name="Back",
        filename="p.csv",
        data=text.encode(),
    ).plan
    groups = board_report_context(plan, as_of=SAMPLE_AS_OF)["groups"]
    assert [g["area"].name for g in groups] == ["Finance", "People"]
    [budget] = groups[0]["targets"]
    assert [row["action"].text for row in budget["actions"]] == ["One", "Three"]


@pytest.mark.django_db
def test_xlsx_header_is_frozen_filtered_and_wide_enough_and_keeps_the_import_names(plan):
    sheet = load_workbook(io.BytesIO(export_xlsx(plan, as_of=SAMPLE_AS_OF))).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K6"
    assert sheet.column_dimensions["C"].width >= 40  # action: long text
    assert all(sheet.column_dimensions[c].width >= 10 for c in "ABCDEFGHIJK")
    assert [c.value for c in sheet[1]] == [*COLUMNS, "due_date", "overdue"]  # re-imports
