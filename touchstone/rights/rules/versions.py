"""A scheme document's versions, each resolved in full, and the version in force on a day.

A document (the YAML in `rights/reference/`, or any dict of the same shape) is::

    code: immigration
    name: Chartered Legal Executive (Immigration)
    versions:
      - version: "2024.1"
        effective_from: "2024-01-01"
        required_hours: 2300
        ...                      # the first version: the whole scheme
      - version: "2025.1"
        effective_from: "2025-06-01"
        evidence_window_years: 3 # a later version: only what it changes

A later version inherits everything else from the one before it: mappings are merged key by
key (at any depth), anything else — a list, a number, a text — is replaced whole."""

import copy
from collections.abc import Sequence
from datetime import date
from typing import Any

from .scheme import Scheme, SchemeError


def merge(base: Any, change: Any) -> Any:
    """`change` laid over `base`: mappings merged key by key, anything else replaced."""
    if not (isinstance(base, dict) and isinstance(change, dict)):
        return copy.deepcopy(change)
    merged = copy.deepcopy(base)
    for key, value in change.items():
        merged[key] = merge(base[key], value) if key in base else copy.deepcopy(value)
    return merged


def _iso(value: Any, where: str) -> str:
    """A date as written in the document: YAML reads an unquoted 2024-01-01 as a date."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise SchemeError(f"{where}: effective_from is not a date written YYYY-MM-DD")


def _plain(value: Any) -> Any:
    """The value as JSON can hold it: dates written as ISO strings, at any depth."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def resolve_scheme_document(document: dict) -> list[dict]:
    """Each version of the document in full, in order: its own keys over the one before's,
    with the document's `code` and `name`. Versions must be in effective order."""
    if not isinstance(document, dict):
        raise SchemeError("document: a scheme document is a mapping")
    for key in ("code", "name"):
        if not isinstance(document.get(key), str) or not document[key]:
            raise SchemeError(f"document: {key} is missing")
    versions = document.get("versions")
    if not isinstance(versions, list) or not versions:
        raise SchemeError("document: versions must be a list of at least one version")
    resolved: list[dict] = []
    previous: dict = {}
    for i, change in enumerate(versions):
        where = f"versions[{i}]"
        if not isinstance(change, dict) or not isinstance(change.get("version"), str):
            raise SchemeError(f"{where}: a version needs its version, a text such as 2024.1")
        effective = _iso(change.get("effective_from"), where)
        if resolved and effective <= resolved[-1]["effective_from"]:
            raise SchemeError(f"{where}: versions must come in order of effective_from")
        previous = merge(previous, change)
        previous["effective_from"] = effective
        resolved.append({"code": document["code"], "name": document["name"], **_plain(previous)})
    return resolved


def scheme_in_force(schemes: Sequence[Scheme], on: date) -> Scheme | None:
    """The version in force on a day: the latest to take effect on or before it; None before
    the first. Two versions of one day: the later in the sequence."""
    in_force = None
    for scheme in schemes:
        if scheme.effective_from <= on and (
            in_force is None or scheme.effective_from >= in_force.effective_from
        ):
            in_force = scheme
    return in_force
