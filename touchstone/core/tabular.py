"""Reading and writing tables (CSV, XLSX) for every module's import and export."""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook, load_workbook


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


def _build(raw_rows: Iterable[Sequence[Any]]) -> Table:
    iterator = iter(raw_rows)
    header_row = next(iterator, None)
    if header_row is None or not any(_cell_text(c) for c in header_row):
        raise TableError("the file is empty: the first row must name the columns")
    headers = [_cell_text(c).lower() for c in header_row]
    rows = []
    for number, raw in enumerate(iterator, start=2):
        values = [_cell_text(c) for c in raw]
        if not any(values):
            continue
        padded = values + [""] * (len(headers) - len(values))
        rows.append((number, {h: padded[i] for i, h in enumerate(headers) if h}))
    return Table(headers=[h for h in headers if h], rows=rows)


def read_table(filename: str, data: bytes) -> Table:
    """Read a CSV (UTF-8, with or without BOM) or XLSX file whose first row is the header."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a corrupt file
            raise TableError(f"could not open the spreadsheet: {exc}") from exc
        sheet = workbook.worksheets[0]
        return _build(sheet.iter_rows(values_only=True))
    if name.endswith(".csv") or name.endswith(".txt"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise TableError("the CSV file must be UTF-8 encoded") from exc
        return _build(csv.reader(io.StringIO(text)))
    raise TableError("the file must be a .csv or .xlsx file")


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


def write_xlsx(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Sheet1")
    sheet.append(list(headers))
    for row in rows:
        sheet.append([_safe_cell(v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in exported text (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
