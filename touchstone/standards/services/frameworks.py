"""Loading a framework edition from a checked library (`imports.read_library`).

What "load" does with an edition already stored (docs/standards.md, "Editions"):
- the same framework id and edition, the same content: nothing is written ("unchanged");
- the same id and edition, other content: refused, unless `replace` — then the edition's nodes
  are brought to what the file says (kept by their ref id, so mappings from other frameworks to
  them hold), and its mapping sets are written again;
- a new edition of a stored id: a new row beside the old ones.
The edition loaded or replaced becomes the framework's current edition. One transaction: a
problem found on the way (a mapping to a clause not loaded) leaves nothing written."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import ProtectedError

from touchstone.core.imports import ImportRejected, RowErrors
from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record
from touchstone.standards.imports import Library
from touchstone.standards.models import Framework, Mapping, MappingSet, Node
from touchstone.standards.services.audit import AuditAction

NODE_FIELDS = ("number", "kind", "assessable", "na_allowed", "text", "guidance")


@dataclass(frozen=True)
class FrameworkLoaded:
    framework: Framework
    outcome: str  # "created", "replaced" or "unchanged"
    nodes: int
    mappings: int


@transaction.atomic
def framework_load(
    *, acting_user, library: Library, replace: bool = False, organisation=None
) -> FrameworkLoaded:
    """Store `library` as a framework edition. `acting_user=None` is the product itself (the
    shipped files on migrate, the command); a user needs `standards.load_framework` in the
    standards body they act for."""
    if acting_user is not None:
        require_perm(acting_user, "standards.load_framework", organisation)
    about = library.framework
    stored = (
        Framework.objects.select_for_update()
        .filter(ref_id=about["id"], edition=about["edition"])
        .first()
    )
    if stored is not None and stored.digest == library.digest:
        return FrameworkLoaded(stored, "unchanged", stored.nodes.count(), _mapping_count(stored))
    if stored is not None and not replace:
        raise ImportRejected(
            [
                f'framework.edition: {about["id"]} "{about["edition"]}" is already loaded with '
                "other content; give the file a new edition, or replace the stored one"
            ]
        )
    Framework.objects.filter(ref_id=about["id"], current=True).exclude(
        pk=getattr(stored, "pk", None)
    ).update(current=False)
    outcome = "created" if stored is None else "replaced"
    framework = stored or Framework(ref_id=about["id"], edition=about["edition"])
    for name in ("name", "short_name", "publisher", "text_held", "description"):
        setattr(framework, name, about[name])
    framework.current = True
    framework.digest = library.digest
    framework.full_clean()
    framework.save()
    nodes = _nodes_write(framework, library)
    mappings = _mapping_sets_write(framework, library, nodes)
    audit_record(
        actor=acting_user,
        action=AuditAction.LOAD_FRAMEWORK if stored is None else AuditAction.REPLACE_FRAMEWORK,
        obj=framework,
        organisation=organisation,
        after={
            "ref_id": framework.ref_id,
            "edition": framework.edition,
            "nodes": len(nodes),
            "mappings": mappings,
            "digest": framework.digest,
        },
    )
    return FrameworkLoaded(framework, outcome, len(nodes), mappings)


def _mapping_count(framework: Framework) -> int:
    return Mapping.objects.filter(mapping_set__source=framework).count()


def _nodes_write(framework: Framework, library: Library) -> dict[str, Node]:
    """The file's nodes, by ref id: those already stored updated in place (so what other
    frameworks map to keeps its row), the rest created, the ones gone deleted."""
    existing = {node.ref_id: node for node in framework.nodes.all()}
    written: dict[str, Node] = {}
    for order, item in enumerate(library.nodes, start=1):
        node = existing.pop(item["ref_id"], None) or Node(
            framework=framework, ref_id=item["ref_id"]
        )
        for name in NODE_FIELDS:
            setattr(node, name, item[name])
        node.order = order
        node.parent = written[item["parent"]] if item["parent"] else None
        node.framework = framework
        node.full_clean()
        node.save()
        written[node.ref_id] = node
    MappingSet.objects.filter(source=framework).delete()
    problems = RowErrors()
    for ref_id, gone in existing.items():
        try:
            gone.delete()
        except ProtectedError:
            users = ", ".join(sorted({str(m.source) for m in gone.mapped_from.all()}))
            problems.add(None, f'nodes: "{ref_id}" is no longer in the file but {users} maps to it')
    problems.reject()
    return written


def _mapping_sets_write(framework: Framework, library: Library, nodes: dict[str, Node]) -> int:
    problems = RowErrors()
    rows = []
    for index, item in enumerate(library.mapping_sets):
        path = f"mapping_sets[{index}]"
        target = Framework.objects.filter(ref_id=item["target"], current=True).first()
        if target is None:
            problems.add(
                None, f'{library.place(path + ".target")}: no framework "{item["target"]}"'
            )
            continue
        clauses = {node.ref_id: node for node in target.nodes.all()}
        mapping_set = MappingSet.objects.create(
            source=framework, target=target, relationship=item["relationship"], order=index
        )
        for j, mapping in enumerate(item["mappings"]):
            for code in mapping["target"]:
                clause = clauses.get(code)
                if clause is None:
                    where = library.place(f"{path}.mappings[{j}].target")
                    problems.add(None, f'{where}: no clause "{code}" in {target.ref_id}')
                    continue
                rows.append(
                    Mapping(
                        mapping_set=mapping_set,
                        source=nodes[mapping["source"]],
                        target=clause,
                        relationship=mapping["relationship"],
                        order=len(rows),
                    )
                )
    problems.reject()
    seen = set()
    for row in rows:
        key = (row.mapping_set_id, row.source.ref_id, row.target_id)
        if key in seen:
            problems.add(None, f"mapping_sets: {row.source} is mapped to {row.target} twice")
        seen.add(key)
    problems.reject()
    Mapping.objects.bulk_create(rows)
    return len(rows)
