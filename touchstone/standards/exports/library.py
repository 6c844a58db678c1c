"""A framework edition written out: JSON (the shape other systems read), YAML (the library
format, which `touchstone standards load` reads back), and CSV or XLSX through core.tabular
(one row a standard, each framework's codes joined, formulas neutralised)."""

import yaml

from touchstone.core.tabular import csv_lines, write_json, write_xlsx
from touchstone.standards.selectors import FrameworkTable, framework_table, library_document

FORMATS = ("json", "yaml", "csv", "xlsx")
CONTENT_TYPES = {
    "json": "application/json",
    "yaml": "application/yaml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
JOINER = "; "
XLSX_WIDTHS = {"section": 24, "heading": 30, "text": 80}


def framework_json(table: FrameworkTable) -> dict:
    framework = table.framework
    return {
        "framework": {"id": framework.ref_id, "name": framework.name, "edition": framework.edition},
        "standards": [
            {
                "number": row.number,
                "section": row.section,
                "heading": row.heading,
                "text": row.text,
                "parent": row.parent,
                "mappings": row.mappings,
            }
            for row in table.standards
        ],
    }


def _columns(table: FrameworkTable) -> list[str]:
    return ["number", "section", "heading", "text", "parent", *table.targets]


def _rows(table: FrameworkTable):
    for row in table.standards:
        yield [
            row.number if row.number is not None else row.ref_id,
            row.section,
            row.heading,
            row.text,
            row.parent,
            *(JOINER.join(row.mappings[name]) for name in table.targets),
        ]


def framework_yaml(framework) -> str:
    return yaml.safe_dump(
        library_document(framework), sort_keys=False, allow_unicode=True, width=98
    )


def framework_export(framework, fmt: str) -> bytes:
    """The whole edition in `fmt` (one of FORMATS): small enough to build in memory."""
    if fmt == "yaml":
        return framework_yaml(framework).encode("utf-8")
    table = framework_table(framework)
    if fmt == "json":
        return write_json(framework_json(table))
    if fmt == "csv":
        return "".join(csv_lines(_columns(table), _rows(table))).encode("utf-8")
    if fmt == "xlsx":
        return write_xlsx(
            _columns(table), _rows(table), title=framework.short_name, widths=XLSX_WIDTHS
        )
    raise ValueError(f"no export format {fmt!r}")


def export_filename(framework, fmt: str) -> str:
    return f"{framework.ref_id}.{fmt}"
