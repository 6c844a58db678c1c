"""Reading and writing tables (CSV, XLSX, JSON) for every module's import and export.

Every file the product writes goes through here: the writers neutralise spreadsheet formulas
(a cell starting with = + - @ or a tab gets a leading apostrophe) and stream, so a large export
never sits in memory. The reader streams too: `TableReader` reads a file a row at a time, and
can read it again from the start (imports check every row, then write).
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from touchstone.core.inputs import text_problem, without_control_characters

# Characters that start a formula in a spreadsheet; an exported cell starting with one gets a
# leading apostrophe, which the import takes off again (`unguard`).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters Excel does not allow in a sheet title; a title is at most 31 characters.
_SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


class TableError(ValueError):
    """The file cannot be read as a table at all (wrong type, no header, bad encoding)."""


@dataclass(frozen=True)
class Table:
    headers: list[str]  # lower-cased, stripped
    rows: list[tuple[int, dict[str, str]]]  # (row number in the file, values by header)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def unguard(value: str) -> str:
    """Take off the apostrophe an export put before a formula-like value."""
    if value[:1] == "'" and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


class TableReader:
    """A CSV (UTF-8, with or without BOM) or XLSX file whose first row is the header, read a
    row at a time. `source` is bytes or a seekable binary file; `rows()` starts again from the
    top each time it is called, so a file can be checked in one pass and written in another
    without being held in memory."""

    def __init__(self, filename: str, source: bytes | IO[bytes]):
        name = filename.lower()
        if name.endswith(".xlsx"):
            self._format = "xlsx"
        elif name.endswith(".csv") or name.endswith(".txt"):
            self._format = "csv"
        else:
            raise TableError("the file must be a .csv or .xlsx file")
        self._source = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
        raw = self._raw_rows()
        try:
            header_row = next(raw, None)
        finally:
            raw.close()
        if header_row is None or not any(_cell_text(c) for c in header_row):
            raise TableError("the file is empty: the first row must name the columns")
        self._all_headers = [_cell_text(c).lower() for c in header_row]
        if problems := _text_problems(1, self._all_headers, self._all_headers):
            raise TableError("; ".join(problems))
        self.headers = [h for h in self._all_headers if h]

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(row number in the file, values by header) for each row that is not blank."""
        headers = self._all_headers
        raw = self._raw_rows()
        try:
            next(raw, None)  # the header
            for number, cells in enumerate(raw, start=2):
                values = [_cell_text(c) for c in cells]
                if not any(values):
                    continue
                padded = values + [""] * (len(headers) - len(values))
                if problems := _text_problems(number, headers, padded):
                    raise TableError("; ".join(problems))  # NUL or control characters
                yield number, {h: padded[i] for i, h in enumerate(headers) if h}
        finally:
            raw.close()

    def _raw_rows(self) -> Iterator[Sequence[Any]]:
        self._source.seek(0)
        if self._format == "xlsx":
            return self._xlsx_rows()
        return self._csv_rows()

    def _xlsx_rows(self) -> Iterator[Sequence[Any]]:
        try:
            workbook = load_workbook(self._source, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a corrupt file
            raise TableError(f"could not open the spreadsheet: {exc}") from exc
        try:
            yield from workbook.worksheets[0].iter_rows(values_only=True)
        finally:
            workbook.close()

    def _csv_rows(self) -> Iterator[Sequence[Any]]:
        text = io.TextIOWrapper(self._source, encoding="utf-8-sig", newline="")
        try:
            yield from csv.reader(text)
        except UnicodeDecodeError as exc:
            raise TableError("the CSV file must be UTF-8 encoded") from exc
        except csv.Error as exc:
            raise TableError(f"the CSV file cannot be read: {exc}") from exc
        finally:
            text.detach()  # leave the caller's file open


def _text_problems(number: int, headers: list[str], values: list[str]) -> list[str]:
    """Row messages for cells holding NUL or control characters (core.inputs)."""
    problems = []
    for i, value in enumerate(values):
        problem = text_problem(value)
        if problem is not None:
            column = headers[i] if i < len(headers) and headers[i] else f"number {i + 1}"
            where = f'row {number}, column "{without_control_characters(column)}"'
            problems.append(f"{where}: {problem[:1].lower()}{problem[1:]}")
    return problems


def read_table(filename: str, data: bytes) -> Table:
    """The whole of a small table in memory (see `TableReader` to stream a large one)."""
    reader = TableReader(filename, data)
    return Table(headers=reader.headers, rows=list(reader.rows()))


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    return "".join(csv_lines(headers, rows)).encode("utf-8")


def csv_lines(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """CSV text a line at a time (to stream a large export), formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else _safe_cell(v) for v in row])
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def sheet_title(text: str) -> str:
    """A title Excel accepts for a sheet: no `[]:*?/\\`, no control characters, no apostrophe
    at either end, 1 to 31 characters."""
    cleaned = " ".join(without_control_characters(text).translate(_SHEET_TITLE_FORBIDDEN).split())
    cleaned = cleaned[:31].strip().strip("'").strip()
    return cleaned or "Sheet1"


def write_xlsx(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str,
    widths: Mapping[str, int] | None = None,
) -> bytes:
    """A sheet to work in: the header row frozen, an autofilter on it, and each column wide
    enough for its heading (or as wide as `widths` says, in characters, for long text). The
    header holds the column names as given: where they are the import's, the file reads back."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    sheet.freeze_panes = "A2"
    for i, header in enumerate(headers, start=1):
        wanted = (widths or {}).get(header) or len(str(header)) + 4
        sheet.column_dimensions[get_column_letter(i)].width = max(10, min(wanted, 80))
    sheet.append(list(headers))
    count = 1
    for row in rows:
        sheet.append([_safe_cell(v) if isinstance(v, str) else v for v in row])
        count += 1
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_json(data: Any) -> bytes:
    """A JSON document (UTF-8, indented), for exports small enough to build whole."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=str).encode("utf-8")


def json_lines(head: dict[str, Any], key: str, items: Iterable[Any]) -> Iterator[str]:
    """A JSON object a piece at a time: the fields of `head`, then `key` holding the items as
    a list, each item written as it comes (to stream a large export)."""
    opening = json.dumps({**head, key: []}, default=str)
    yield opening[: opening.rindex("[") + 1]
    for i, item in enumerate(items):
        yield ("," if i else "") + json.dumps(item, default=str)
    yield "]}"


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download(chunks: Iterable[str | bytes], *, fmt: str, filename: str):
    """A streamed HTTP download of an export written by the functions above."""
    from django.http import StreamingHttpResponse

    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in exported text (CSV injection), and drop control
    characters stored before input refused them (XLSX cannot hold them)."""
    if not isinstance(value, str):
        return value
    value = without_control_characters(value)
    if value[:1] in FORMULA_STARTS:
        return "'" + value
    return value
