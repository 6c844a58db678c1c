"""The framework library shipped with the product, one YAML file per framework edition
(`iqs-2012.yaml`, and the clause lists of the frameworks it maps to), loaded after every
`touchstone migrate`. A file whose edition is stored with the same content changes nothing; a
file changed in a release replaces its stored edition (docs/standards.md, "Editions")."""

from pathlib import Path

from django.db import DEFAULT_DB_ALIAS

from touchstone.core.request_context import request_id_scope
from touchstone.standards.imports import Library, read_library

REFERENCE_DIR = Path(__file__).resolve().parent


def library_files() -> list[Path]:
    return sorted(REFERENCE_DIR.glob("*.yaml"))


def in_load_order(libraries: list[Library]) -> list[Library]:
    """Each framework after the frameworks its mapping sets point at (those shipped here)."""
    shipped = {library.framework["id"] for library in libraries}
    ordered: list[Library] = []
    waiting = list(libraries)
    while waiting:
        done = {library.framework["id"] for library in ordered}
        ready = [
            library
            for library in waiting
            if all(s["target"] in done or s["target"] not in shipped for s in library.mapping_sets)
        ]
        if not ready:  # mapping sets that point at each other: the loader names what is missing
            ready = waiting[:1]
        ordered += ready
        waiting = [library for library in waiting if library not in ready]
    return ordered


def shipped_libraries() -> list[Library]:
    return in_load_order(
        [read_library(path.read_text(encoding="utf-8"), path.name) for path in library_files()]
    )


def load_reference_data(sender=None, using=DEFAULT_DB_ALIAS, **kwargs) -> list:
    from touchstone.standards.services import framework_load

    if using != DEFAULT_DB_ALIAS:  # the services write to the default database only
        return []
    with request_id_scope("migrate-standards-library"):
        return [
            framework_load(acting_user=None, library=library, replace=True)
            for library in shipped_libraries()
        ]
