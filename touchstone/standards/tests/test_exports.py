"""The export in each format: JSON in the documented shape, CSV and XLSX one row a standard
with each framework's codes joined (through core.tabular, formulas neutralised), and YAML in
the library format, which loads back to the very same edition."""

import csv
import io
import json
from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from touchstone.core.testing import row_counts
from touchstone.standards.exports import framework_export
from touchstone.standards.imports import read_library
from touchstone.standards.selectors import framework_current
from touchstone.standards.services import framework_load
from touchstone.standards.tests.build import small_document, small_library

pytestmark = pytest.mark.django_db
HEADER = ["number", "section", "heading", "text", "parent", "LSC", "Lexcel", "ISO 9000", "IBA"]


def _export(*args) -> str:
    out = StringIO()
    call_command("standards", "export", *args, stdout=out)
    return out.getvalue()


def test_csv_is_one_row_a_standard_with_codes_joined():
    rows = list(csv.reader(io.StringIO(_export("iqs-2012", "--format", "csv"))))
    assert rows[0] == HEADER
    assert len(rows) == 72
    assert rows[21] == [
        "21",
        "Consumer Protection",
        "Client Engagement Letter",
        "c) the next steps to be taken.",
        "18",
        "F1; F2",
        "7.2; 7.3",
        "",
        "",
    ]
    assert rows[1][5:] == ["", "", "", ""]


def test_xlsx_holds_the_same_rows(tmp_path):
    path = tmp_path / "iqs.xlsx"
    _export("iqs-2012", "--format", "xlsx", "--output", str(path))
    sheet = load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == HEADER and len(values) == 72
    assert values[37][0] == 37 and values[37][5:7] == ["D2.3", "5.2; 5.7"]
    assert values[60][5] == "E.2"


def test_a_text_that_looks_like_a_formula_is_neutralised():
    document = small_document()
    document["nodes"][2]["text"] = '=HYPERLINK("http://example.invalid")'
    framework = framework_load(
        acting_user=None, library=read_library(yaml.safe_dump(document))
    ).framework
    rows = list(csv.reader(io.StringIO(framework_export(framework, "csv").decode())))
    assert rows[1][3].startswith("'=")
    sheet = load_workbook(io.BytesIO(framework_export(framework, "xlsx"))).active
    assert sheet["D2"].value.startswith("'=")


def test_json_of_a_small_framework():
    framework = framework_load(acting_user=None, library=small_library()).framework
    assert json.loads(framework_export(framework, "json")) == {
        "framework": {
            "id": "test-quality",
            "name": "Test Quality Standard",
            "edition": "First edition",
        },
        "standards": [
            {
                "number": 1,
                "section": "Serving clients",
                "heading": "Complaints",
                "text": "Have a complaints procedure, which includes:",
                "parent": None,
                "mappings": {"Lexcel": ["7.5"]},
            },
            {
                "number": 2,
                "section": "Serving clients",
                "heading": "Complaints",
                "text": "a) who hears the complaint.",
                "parent": 1,
                "mappings": {"Lexcel": ["7.5", "8.3"]},
            },
            {
                "number": 3,
                "section": "Serving clients",
                "heading": None,
                "text": "Hold insurance.",
                "parent": None,
                "mappings": {"Lexcel": []},
            },
        ],
    }


def test_yaml_loads_back_to_the_same_edition(tmp_path):
    before = row_counts("standards")
    path = tmp_path / "iqs.yaml"
    path.write_text(_export("iqs-2012", "--format", "yaml"), encoding="utf-8")
    out = StringIO()
    call_command("standards", "load", str(path), stdout=out)
    assert out.getvalue().strip() == 'iqs-2012 "January 2012" unchanged: 86 nodes, 80 mappings'
    assert row_counts("standards") == before


def test_yaml_as_a_new_edition_exports_the_same_standards(tmp_path):
    first = json.loads(_export("iqs-2012"))
    document = yaml.safe_load(_export("iqs-2012", "--format", "yaml"))
    document["framework"]["edition"] = "January 2012, reloaded"
    path = tmp_path / "iqs-reloaded.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    call_command("standards", "load", str(path), stdout=StringIO())
    second = json.loads(_export("iqs-2012"))
    assert second["framework"]["edition"] == "January 2012, reloaded"
    assert second["standards"] == first["standards"]
    earlier = json.loads(_export("iqs-2012", "--edition", "January 2012"))
    assert earlier == first


def test_the_yaml_of_a_clause_list_names_only_codes():
    document = yaml.safe_load(framework_export(framework_current("lsc-gqm"), "yaml"))
    assert document["framework"]["text_held"] is False
    assert {"ref_id": "E.2", "kind": "standard", "assessable": False} in document["nodes"]


def test_export_to_a_file_says_where(tmp_path):
    path = tmp_path / "out.json"
    assert _export("iqs-2012", "--output", str(path)).strip() == (
        f"wrote iqs-2012 (json) to {path}"
    )
    assert len(json.loads(path.read_text())["standards"]) == 71


@pytest.mark.parametrize(
    "args, message",
    [
        (["nothing-here"], 'no framework "nothing-here"'),
        (["iqs-2012", "--edition", "1999"], 'no framework "iqs-2012" with edition "1999"'),
    ],
)
def test_export_of_an_unknown_framework_fails(args, message):
    with pytest.raises(CommandError, match=message) as failed:
        _export(*args)
    assert failed.value.returncode == 1
