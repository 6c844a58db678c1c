import pytest

from touchstone.core.tabular import TableError, read_table, write_csv, write_xlsx


def test_csv_headers_are_case_insensitive_and_blank_rows_skipped():
    table = read_table("x.csv", "\ufeffAction,RAG\nDo it,G\n,\nAgain,\n".encode())
    assert table.headers == ["action", "rag"]
    assert table.rows == [(2, {"action": "Do it", "rag": "G"}), (4, {"action": "Again", "rag": ""})]


def test_xlsx_round_trip():
    data = write_xlsx(["action", "due"], [["Do it", "July 2009"]], title="Plan")
    table = read_table("plan.xlsx", data)
    assert table.rows == [(2, {"action": "Do it", "due": "July 2009"})]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("plan.pdf", b"%PDF", "must be a .csv or .xlsx"),
        ("plan.csv", b"", "empty"),
        ("plan.csv", "action\n".encode("utf-16"), "UTF-8"),
        ("plan.xlsx", b"not a zip", "could not open"),
    ],
)
def test_unreadable_files_raise_table_error(name, data, message):
    with pytest.raises(TableError, match=message):
        read_table(name, data)


def test_csv_export_neutralises_formulas():
    assert write_csv(["a"], [["=HYPERLINK(1)"], ["plain"]]) == b"a\r\n'=HYPERLINK(1)\r\nplain\r\n"
