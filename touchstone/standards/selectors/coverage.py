"""Coverage through the mappings: for a provider that holds another accreditation (Lexcel, the
LSC Quality Mark), which of a framework's standards that accreditation's clauses cover and
which they do not — a starting point for its self-assessment — and the reverse, for a
standards officer: each clause of the other framework with the standards mapped to it. A fixed
number of queries however many standards and mappings there are."""

from dataclasses import dataclass

from touchstone.standards.models import Framework, Mapping, MappingSet, Node, NodeKind
from touchstone.standards.selectors.frameworks import UnknownFramework, framework_current


@dataclass(frozen=True)
class CoveredStandard:
    number: int | None
    ref_id: str
    text: str
    parent: int | None
    clauses: list[str]  # the held framework's clause codes mapped to the standard, in order
    relationships: list[str]  # each mapping's relationship, in the same order

    @property
    def covered(self) -> bool:
        return bool(self.clauses)


@dataclass(frozen=True)
class Coverage:
    framework: Framework
    held: Framework
    standards: list[CoveredStandard]  # every assessable standard, in the framework's order

    @property
    def covered(self) -> list[CoveredStandard]:
        return [s for s in self.standards if s.covered]

    @property
    def not_covered(self) -> list[CoveredStandard]:
        return [s for s in self.standards if not s.covered]


@dataclass(frozen=True)
class MappedClause:
    code: str
    standards: list[tuple[int | None, str]]  # (number, ref id) of each standard mapped to it


def coverage_targets(framework: Framework) -> list[Framework]:
    """The frameworks this one's standards are mapped to, in the library file's order."""
    return [
        s.target
        for s in MappingSet.objects.filter(source=framework)
        .select_related("target")
        .order_by("order")
    ]


def _mapping_set(framework: Framework, held_ref_id: str) -> MappingSet:
    found = (
        MappingSet.objects.filter(source=framework, target__ref_id=held_ref_id)
        .select_related("target")
        .first()
    )
    if found is None:
        raise UnknownFramework(held_ref_id)
    return found


def coverage(framework: Framework, held_ref_id: str) -> Coverage:
    """Which of `framework`'s assessable standards the clauses of the framework `held_ref_id`
    cover (UnknownFramework when the framework has no mappings to it)."""
    mapping_set = _mapping_set(framework, held_ref_id)
    mapped: dict[int, list[tuple[str, str]]] = {}
    for source_id, code, relationship in (
        Mapping.objects.filter(mapping_set=mapping_set)
        .order_by("order")
        .values_list("source_id", "target__ref_id", "relationship")
    ):
        mapped.setdefault(source_id, []).append((code, relationship))
    standards = [
        CoveredStandard(
            number=number,
            ref_id=ref_id,
            text=text,
            parent=parent if parent_kind == NodeKind.STANDARD else None,
            clauses=[code for code, _ in mapped.get(pk, [])],
            relationships=[relationship for _, relationship in mapped.get(pk, [])],
        )
        for pk, number, ref_id, text, parent, parent_kind in Node.objects.filter(
            framework=framework, kind=NodeKind.STANDARD, assessable=True
        )
        .order_by("order")
        .values_list("pk", "number", "ref_id", "text", "parent__number", "parent__kind")
    ]
    return Coverage(framework=framework, held=mapping_set.target, standards=standards)


def clauses_mapped(held: Framework, framework_ref_id: str) -> tuple[Framework, list[MappedClause]]:
    """The reverse view: each clause of `held` (in its order) with the standards of the
    current edition of `framework_ref_id` mapped to it; clauses nothing maps to are listed
    too, with no standards."""
    framework = framework_current(framework_ref_id)
    mapping_set = _mapping_set(framework, held.ref_id)
    if mapping_set.target_id != held.pk:  # the mappings point at another edition of it
        raise UnknownFramework(held.ref_id)
    by_clause: dict[int, list[tuple[int | None, str]]] = {}
    for target_id, number, ref_id in (
        Mapping.objects.filter(mapping_set=mapping_set)
        .order_by("source__order")
        .values_list("target_id", "source__number", "source__ref_id")
    ):
        by_clause.setdefault(target_id, []).append((number, ref_id))
    clauses = [
        MappedClause(code=code, standards=by_clause.get(pk, []))
        for pk, code in Node.objects.filter(framework=held, kind=NodeKind.STANDARD)
        .order_by("order")
        .values_list("pk", "ref_id")
    ]
    return framework, clauses
