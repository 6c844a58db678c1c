"""The import framework every module's `imports.py` is written on.

A module declares its file with an `ImportSpec` (its columns, which are required, how long a
value may be, and the wording of its header messages); `ImportSpec.open` checks the size and the
header and returns an `ImportFile` that streams the rows (headers in any case and order; values
with the export's formula guard taken off). The module checks every row, collecting problems in
`RowErrors` ("row N: …"), and raises `ImportRejected` before writing if there are any; then it
writes in batches inside one transaction, so a problem found while writing still leaves nothing
behind. The web page, the API and the command all call the module's import function, and the
command's base class turns `ImportRejected` into one line per problem on standard error.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, TypeVar

from django.conf import settings

from touchstone.core.tabular import TableError, TableReader, unguard

T = TypeVar("T")

# Rows checked or written together: few enough that a batch's lookups stay well inside every
# database's limit on query parameters (SQLite's is 999 in older builds), many enough that the
# queries per row are small.
BATCH_ROWS = 500

# At most this many messages are kept (a file with every row wrong would otherwise build a
# message per row); the last one says how many more there were.
MAX_MESSAGES = 500


class ImportRejected(Exception):
    """The file cannot be imported; nothing was written. `errors` holds one message a problem."""

    def __init__(self, errors: list[str], count: int | None = None):
        super().__init__("; ".join(errors))
        self.errors = errors
        self.count = count or len(errors)  # problems found (more than listed, past the cap)


class RowErrors:
    """The problems found in a file, in the order found, each "row N: …" (or about the file)."""

    def __init__(self, limit: int = MAX_MESSAGES):
        self._messages: list[str] = []
        self._limit = limit
        self.count = 0

    def add(self, row: int | None, message: str) -> None:
        self.count += 1
        if len(self._messages) < self._limit:
            self._messages.append(message if row is None else f"row {row}: {message}")

    def __bool__(self) -> bool:
        return self.count > 0

    def __len__(self) -> int:
        return self.count

    @property
    def messages(self) -> list[str]:
        more = self.count - len(self._messages)
        if more > 0:
            return [*self._messages, f"and {more} more problem{'s' * (more != 1)} not listed"]
        return list(self._messages)

    def reject(self) -> None:
        """Raise ImportRejected with every message, if there is any."""
        if self:
            raise ImportRejected(self.messages, count=self.count)


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False  # the header must name it (a row may still leave it blank)
    max_length: int | None = None  # a longer value is a row error, not a failed write


def _column_s(names: list[str]) -> str:
    return "column" if len(names) == 1 else "columns"


@dataclass(frozen=True)
class ImportSpec:
    """What a module's file looks like. The message templates may use {names} (the columns at
    fault), {column_s} ("column" or "columns") and {columns} (every column, in order)."""

    columns: tuple[Column, ...]
    ignored: tuple[str, ...] = ()  # accepted in the header and not read (export-only columns)
    unknown_message: str = "unknown {column_s} {names}: the columns are {columns}"
    missing_message: str = "missing {column_s} {names}"
    repeated_message: str = "the {column_s} {names} appear more than once"
    empty_message: str = "the file has no rows"
    max_bytes: int | None = None  # default: settings.TOUCHSTONE_IMPORT_MAX_BYTES
    length_message: str = "the {column} is {length} characters long; the most is {limit}"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def limit(self) -> int:
        return self.max_bytes or settings.TOUCHSTONE_IMPORT_MAX_BYTES

    def header_errors(self, headers: list[str]) -> list[str]:
        def say(template: str, names: list[str], quote: bool = False) -> str:
            shown = ", ".join(f'"{n}"' if quote else n for n in names)
            return template.format(
                names=shown, column_s=_column_s(names), columns=", ".join(self.names)
            )

        errors = []
        unique = list(dict.fromkeys(headers))
        unknown = [h for h in unique if h not in self.names and h not in self.ignored]
        if unknown:
            errors.append(say(self.unknown_message, unknown))
        repeated = [h for h in unique if headers.count(h) > 1]
        if repeated:
            errors.append(say(self.repeated_message, repeated, quote=True))
        missing = [c.name for c in self.columns if c.required and c.name not in headers]
        if missing:
            errors.append(say(self.missing_message, sorted(missing)))
        return errors

    def open(self, filename: str, source: bytes | IO[bytes], *, size: int | None = None):
        """Check the file's size, type and header; raise ImportRejected or return the file."""
        if size is None and isinstance(source, bytes | bytearray):
            size = len(source)
        limit = self.limit()
        if size is not None and size > limit:
            raise ImportRejected(
                [
                    f"{filename} is {_megabytes(size)}; the most one import takes is "
                    f"{_megabytes(limit)}: split the file and import the parts one at a time"
                ]
            )
        try:
            reader = TableReader(filename, source)
        except TableError as exc:
            raise ImportRejected([str(exc)]) from exc
        errors = self.header_errors(reader.headers)
        if errors:
            raise ImportRejected(errors)
        upload = ImportFile(spec=self, filename=filename, reader=reader)
        if next(upload.rows(), None) is None:
            raise ImportRejected([self.empty_message])
        return upload


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


@dataclass
class ImportFile:
    spec: ImportSpec
    filename: str
    reader: TableReader
    _lengths: dict[str, int] = field(init=False)

    def __post_init__(self):
        self._lengths = {c.name: c.max_length for c in self.spec.columns if c.max_length}

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(row number, a value for every column of the spec, "" where absent), from the top."""
        names = self.spec.names
        try:
            for number, raw in self.reader.rows():
                yield number, {name: unguard(raw.get(name, "")) for name in names}
        except TableError as exc:
            raise ImportRejected([str(exc)]) from exc

    def batches(self, size: int = BATCH_ROWS) -> Iterator[list[tuple[int, dict[str, str]]]]:
        return batched(self.rows(), size)

    def check_lengths(self, number: int, values: dict[str, str], errors: RowErrors) -> bool:
        """Add a row error for each value longer than its column allows; False if any."""
        ok = True
        for column, limit in self._lengths.items():
            length = len(values[column])
            if length > limit:
                errors.add(
                    number,
                    self.spec.length_message.format(column=column, length=length, limit=limit),
                )
                ok = False
        return ok


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
