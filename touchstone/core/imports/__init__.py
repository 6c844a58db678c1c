"""The shared import framework (see framework.py): what every module's imports.py uses."""

from touchstone.core.imports.framework import (
    BATCH_ROWS,
    Column,
    ImportFile,
    ImportRejected,
    ImportSpec,
    RowErrors,
    batched,
)

__all__ = [
    "BATCH_ROWS",
    "Column",
    "ImportFile",
    "ImportRejected",
    "ImportSpec",
    "RowErrors",
    "batched",
]
