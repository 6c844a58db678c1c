"""Reading the framework library: the current edition of each framework, and a framework's
standards in its printed order with the section and heading each sits under and its
equivalents in the frameworks it maps to (the seed's table). A fixed number of queries
however many standards and mappings there are. Every framework is public."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from touchstone.standards.models import Framework, Mapping, MappingSet, Node, NodeKind


class UnknownFramework(LookupError):
    pass


@dataclass(frozen=True)
class StandardRow:
    ref_id: str
    number: int | None
    section: str | None
    heading: str | None
    text: str
    parent: int | None  # the number of the standard this one is a sub-item of
    assessable: bool
    na_allowed: bool
    mappings: dict[str, list[str]] = field(default_factory=dict)  # by target's short name

    @property
    def mapping_columns(self) -> list[list[str]]:
        return list(self.mappings.values())


@dataclass(frozen=True)
class FrameworkTable:
    framework: Framework
    targets: list[str]  # the short names of the frameworks mapped to, in the file's order
    nodes: list[Node]  # every node in order (sections and headings too)
    standards: list[StandardRow]


def frameworks_current():
    """The current edition of each framework, with `standards`: how many standards it has."""
    return (
        Framework.objects.filter(current=True)
        .annotate(standards=Count("nodes", filter=Q(nodes__kind=NodeKind.STANDARD)))
        .order_by("name")
    )


def framework_current(ref_id: str) -> Framework:
    found = Framework.objects.filter(ref_id=ref_id, current=True).first()
    if found is None:
        raise UnknownFramework(ref_id)
    return found


def framework_edition(ref_id: str, edition: str) -> Framework:
    found = Framework.objects.filter(ref_id=ref_id, edition=edition).first()
    if found is None:
        raise UnknownFramework(ref_id)
    return found


def _ancestor(node: Node, by_pk: dict[int, Node], kind: str) -> Node | None:
    while node.parent_id is not None:
        node = by_pk[node.parent_id]
        if node.kind == kind:
            return node
    return None


def framework_table(framework: Framework) -> FrameworkTable:
    nodes = list(Node.objects.filter(framework=framework).order_by("order"))
    by_pk = {node.pk: node for node in nodes}
    sets = list(
        MappingSet.objects.filter(source=framework).select_related("target").order_by("order")
    )
    targets = [s.target.short_name for s in sets]
    codes: dict[int, dict[str, list[str]]] = {}
    for source_id, short_name, code in (
        Mapping.objects.filter(mapping_set__source=framework)
        .order_by("order")
        .values_list("source_id", "mapping_set__target__short_name", "target__ref_id")
    ):
        codes.setdefault(source_id, {}).setdefault(short_name, []).append(code)
    rows = []
    for node in nodes:
        if node.kind != NodeKind.STANDARD:
            continue
        section = _ancestor(node, by_pk, NodeKind.SECTION)
        heading = _ancestor(node, by_pk, NodeKind.HEADING)
        parent = by_pk.get(node.parent_id)
        found = codes.get(node.pk, {})
        rows.append(
            StandardRow(
                ref_id=node.ref_id,
                number=node.number,
                section=section.text if section else None,
                heading=heading.text if heading else None,
                text=node.text,
                parent=parent.number if parent and parent.kind == NodeKind.STANDARD else None,
                assessable=node.assessable,
                na_allowed=node.na_allowed,
                mappings={name: found.get(name, []) for name in targets},
            )
        )
    return FrameworkTable(framework=framework, targets=targets, nodes=nodes, standards=rows)


def library_document(framework: Framework) -> dict:
    """The framework edition in the library format, as `imports.read_library` reads it (so
    the YAML export loads back to the same edition)."""
    table = framework_table(framework)
    by_pk = {node.pk: node for node in table.nodes}
    nodes = []
    for node in table.nodes:
        item = {"ref_id": node.ref_id, "kind": node.kind}
        if node.number is not None:
            item["number"] = node.number
        if node.parent_id is not None:
            item["parent"] = by_pk[node.parent_id].ref_id
        if node.assessable != (node.kind == NodeKind.STANDARD):
            item["assessable"] = node.assessable
        if not node.na_allowed:
            item["na_allowed"] = False
        if node.text:
            item["text"] = node.text
        if node.guidance:
            item["guidance"] = node.guidance
        nodes.append(item)
    sets = []
    for mapping_set in MappingSet.objects.filter(source=framework).select_related("target"):
        entries: dict[tuple[str, str], list[str]] = {}
        for source, relationship, code in mapping_set.mappings.order_by("order").values_list(
            "source__ref_id", "relationship", "target__ref_id"
        ):
            entries.setdefault((source, relationship), []).append(code)
        sets.append(
            {
                "target": mapping_set.target.ref_id,
                "relationship": mapping_set.relationship,
                "mappings": [
                    {"source": source, "target": codes}
                    | (
                        {}
                        if relationship == mapping_set.relationship
                        else {"relationship": relationship}
                    )
                    for (source, relationship), codes in entries.items()
                ],
            }
        )
    about = {
        "id": framework.ref_id,
        "name": framework.name,
        "short_name": framework.short_name,
        "edition": framework.edition,
        "publisher": framework.publisher,
        "text_held": framework.text_held,
        "description": framework.description,
    }
    return {"framework": about, "nodes": nodes, "mapping_sets": sets}
