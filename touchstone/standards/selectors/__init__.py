"""What the standards module offers other modules to read."""

from touchstone.standards.selectors.frameworks import (
    FrameworkTable,
    StandardRow,
    UnknownFramework,
    framework_current,
    framework_edition,
    framework_table,
    frameworks_current,
    library_document,
)

__all__ = [
    "FrameworkTable",
    "StandardRow",
    "UnknownFramework",
    "framework_current",
    "framework_edition",
    "framework_table",
    "frameworks_current",
    "library_document",
]
