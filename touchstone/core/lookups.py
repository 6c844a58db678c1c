"""Finding reference data (statuses, categories, right types, …) by what a person typed.

Reference tables are small (a handful to a few dozen rows), so they are matched in memory: a
caller may pass a queryset, a cached list, or a `ReferenceIndex` built once for a whole import.
"""

from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def _code_of(text: str) -> str:
    return text.strip().lower().replace(" ", "_")


class ReferenceIndex(Generic[T]):
    """Items found by code ("cilex_practitioner", typed in any case, spaces for underscores)
    or by name ("CILEX Practitioner", in any case); a code match wins over a name match."""

    def __init__(self, items: Iterable[T]):
        self.items = list(items)
        self._by_code = {str(item.code).lower(): item for item in self.items}  # type: ignore[attr-defined]
        self._by_name = {}
        for item in self.items:
            self._by_name.setdefault(str(item.name).strip().lower(), item)  # type: ignore[attr-defined]

    def get(self, value: str | None) -> T | None:
        text = (value or "").strip()
        if not text:
            return None
        return self._by_code.get(_code_of(text)) or self._by_name.get(text.lower())

    def names(self) -> list[str]:
        return [str(item.name) for item in self.items]  # type: ignore[attr-defined]


def by_code_or_name(items: Iterable[T], value: str | None) -> T | None:
    """The item named by `value` (see ReferenceIndex), or None."""
    return ReferenceIndex(items).get(value)
