"""Reading a framework library file (YAML, one framework edition a file: docs/standards.md)
into a checked `Library`, before anything is stored. Every problem is named by its place in
the file (`nodes[12].parent`) and its line, and all of them are reported at once."""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.utils.text import slugify

from touchstone.core.imports import ImportRejected, RowErrors
from touchstone.standards.models import NodeKind, Relationship

MAX_BYTES = 2 * 1024 * 1024
TOP_KEYS = {"framework", "nodes", "mapping_sets"}
FRAMEWORK_KEYS = {"id", "name", "short_name", "edition", "publisher", "text_held", "description"}
NODE_KEYS = {"ref_id", "kind", "number", "parent", "assessable", "na_allowed", "text", "guidance"}
SET_KEYS = {"target", "relationship", "mappings"}
MAPPING_KEYS = {"source", "target", "relationship"}
KINDS = set(NodeKind.values)
RELATIONSHIPS = set(Relationship.values)
# Which kinds of node may sit under which: a heading in a section (or another heading), a
# standard anywhere, a section only at the top.
PARENT_KINDS = {
    NodeKind.SECTION: set(),
    NodeKind.HEADING: {NodeKind.SECTION, NodeKind.HEADING},
    NodeKind.STANDARD: set(KINDS),
}


@dataclass
class Library:
    """A library file read and checked: plain data, in the file's order, with each place's line
    (for the problems only the database can find: a mapping to a clause not loaded)."""

    framework: dict
    nodes: list[dict]
    mapping_sets: list[dict]
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def document(self) -> dict:
        return {
            "framework": self.framework,
            "nodes": self.nodes,
            "mapping_sets": self.mapping_sets,
        }

    @property
    def digest(self) -> str:
        """The same for the same content however the file was written (order kept)."""
        text = json.dumps(self.document(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def place(self, path: str) -> str:
        return _place(self.lines, path)


def _place(lines: dict[str, int], path: str) -> str:
    """`nodes[3].parent (line 24)`: a place in the file, with its line where it has one."""
    if not path:
        return "the file"
    line = lines.get(path)
    return f"{path} (line {line})" if line else path


def _lines(node, path: str, found: dict[str, int]) -> None:
    found[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            _lines(value, f"{path}.{name}" if path else name, found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, f"{path}[{index}]", found)


class _Checker:
    def __init__(self, lines: dict[str, int]):
        self.lines = lines
        self.errors = RowErrors()

    def add(self, path: str, message: str) -> None:
        self.errors.add(None, f"{_place(self.lines, path)}: {message}")

    def keys(self, value: dict, allowed: set[str], path: str) -> None:
        for key in value:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.add(f"{path}.{key}" if path else str(key), f"unknown key (known: {known})")

    def text(self, value: dict, key: str, path: str, *, required: bool) -> str:
        found = value.get(key)
        if found is None:
            if required:
                self.add(f"{path}.{key}", "missing")
            return ""
        if not isinstance(found, str) or (required and not found.strip()):
            self.add(f"{path}.{key}", "must be text")
            return ""
        return found.strip()

    def flag(self, value: dict, key: str, path: str, default: bool) -> bool:
        found = value.get(key, default)
        if not isinstance(found, bool):
            self.add(f"{path}.{key}", "must be true or false")
            return default
        return found

    def relationship(self, value: dict, path: str, default: str) -> str:
        found = value.get("relationship", default)
        if found not in RELATIONSHIPS:
            self.add(f"{path}.relationship", f"must be one of {', '.join(sorted(RELATIONSHIPS))}")
            return default
        return found


def _framework(check: _Checker, value: Any) -> dict:
    if not isinstance(value, dict):
        check.add("framework", "missing, or not a mapping of id, name, short_name and edition")
        return {}
    check.keys(value, FRAMEWORK_KEYS, "framework")
    ref_id = check.text(value, "id", "framework", required=True)
    if ref_id and slugify(ref_id) != ref_id:
        check.add("framework.id", f'"{ref_id}" must be lower case letters, digits and hyphens')
    return {
        "id": ref_id,
        "name": check.text(value, "name", "framework", required=True),
        "short_name": check.text(value, "short_name", "framework", required=True),
        "edition": check.text(value, "edition", "framework", required=True),
        "publisher": check.text(value, "publisher", "framework", required=False),
        "text_held": check.flag(value, "text_held", "framework", True),
        "description": check.text(value, "description", "framework", required=False),
    }


def _node(check: _Checker, value: Any, path: str, seen: dict, numbers: dict, text_held: bool):
    if not isinstance(value, dict):
        check.add(path, "must be a mapping with ref_id, kind and text")
        return None
    check.keys(value, NODE_KEYS, path)
    ref_id = value.get("ref_id")
    if isinstance(ref_id, int) and not isinstance(ref_id, bool):
        ref_id = str(ref_id)
    if not isinstance(ref_id, str) or not ref_id.strip():
        check.add(f"{path}.ref_id", "missing")
        ref_id = None
    elif ref_id in seen:
        check.add(f"{path}.ref_id", f'"{ref_id}" is also {seen[ref_id]["path"]}')
    kind = value.get("kind")
    if kind not in KINDS:
        check.add(f"{path}.kind", f"must be one of {', '.join(sorted(KINDS))}")
        kind = None
    number = value.get("number")
    if number is not None:
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            check.add(f"{path}.number", "must be a whole number from 1")
            number = None
        elif number in numbers:
            check.add(f"{path}.number", f"{number} is also {numbers[number]}")
        else:
            numbers[number] = path
    parent = value.get("parent")
    if parent is not None:
        parent = str(parent)
        above = seen.get(parent)
        if above is None:
            check.add(f"{path}.parent", f'no node "{parent}" before this one')
        elif kind and above["kind"] not in PARENT_KINDS[kind]:
            check.add(f"{path}.parent", f'a {kind} cannot sit under the {above["kind"]} "{parent}"')
    needs_text = kind != NodeKind.STANDARD or text_held
    node = {
        "ref_id": ref_id,
        "kind": kind,
        "number": number,
        "parent": parent,
        "assessable": check.flag(value, "assessable", path, kind == NodeKind.STANDARD),
        "na_allowed": check.flag(value, "na_allowed", path, True),
        "text": check.text(value, "text", path, required=needs_text),
        "guidance": check.text(value, "guidance", path, required=False),
        "path": path,
    }
    if ref_id and ref_id not in seen:
        seen[ref_id] = node
    return node


def _nodes(check: _Checker, value: Any, text_held: bool) -> list[dict]:
    if not isinstance(value, list):
        check.add("nodes", "missing, or not a list of nodes")
        return []
    seen: dict[str, dict] = {}
    numbers: dict[int, str] = {}
    found = [
        _node(check, item, f"nodes[{i}]", seen, numbers, text_held) for i, item in enumerate(value)
    ]
    return [{k: v for k, v in node.items() if k != "path"} for node in found if node]


def _codes(check: _Checker, value: Any, path: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    codes = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item):
            check.add(path, "must be a clause code or a list of them")
            return []
        codes.append(str(item))
    if len(set(codes)) != len(codes):
        check.add(path, "names a clause twice")
    return codes


def _mapping(check: _Checker, entry: Any, where: str, standards: set[str], default: str):
    if not isinstance(entry, dict):
        check.add(where, "must be a mapping with source and target")
        return None
    check.keys(entry, MAPPING_KEYS, where)
    source = entry.get("source")
    source = None if source is None else str(source)
    if source not in standards:
        check.add(f"{where}.source", f'no standard "{source}" in this framework')
    codes = _codes(check, entry.get("target"), f"{where}.target")
    relationship = check.relationship(entry, where, default)
    return {"source": source, "target": codes, "relationship": relationship}


def _mapping_set(check: _Checker, item: dict, path: str, standards: set[str]) -> dict:
    check.keys(item, SET_KEYS, path)
    default = check.relationship(item, path, Relationship.INTERSECT)
    entries = item.get("mappings") or []
    if not isinstance(entries, list):
        check.add(f"{path}.mappings", "must be a list of mappings")
        entries = []
    found = [
        _mapping(check, entry, f"{path}.mappings[{j}]", standards, default)
        for j, entry in enumerate(entries)
    ]
    return {
        "target": check.text(item, "target", path, required=True),
        "relationship": default,
        "mappings": [mapping for mapping in found if mapping],
    }


def _mapping_sets(check: _Checker, value: Any, standards: set[str]) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add("mapping_sets", "must be a list of mapping sets")
        return []
    sets, targets = [], {}
    for i, item in enumerate(value):
        path = f"mapping_sets[{i}]"
        if not isinstance(item, dict):
            check.add(path, "must be a mapping with target and mappings")
            continue
        found = _mapping_set(check, item, path, standards)
        if found["target"] and found["target"] in targets:
            check.add(f"{path}.target", f'"{found["target"]}" is also {targets[found["target"]]}')
        targets.setdefault(found["target"], path)
        sets.append(found)
    return sets


def read_library(text: str, name: str = "the file") -> Library:
    """The checked library in `text`; raises `ImportRejected` with every problem found."""
    try:
        composed = yaml.compose(text, Loader=yaml.SafeLoader)
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else name
        raise ImportRejected([f"{where}: not YAML ({getattr(exc, 'problem', exc)})"]) from exc
    lines: dict[str, int] = {}
    if composed is not None:
        _lines(composed, "", lines)
    check = _Checker(lines)
    if not isinstance(document, dict):
        raise ImportRejected(["the file: must be a mapping of framework, nodes and mapping_sets"])
    check.keys(document, TOP_KEYS, "")
    framework = _framework(check, document.get("framework"))
    nodes = _nodes(check, document.get("nodes"), framework.get("text_held", True))
    standards = {n["ref_id"] for n in nodes if n["kind"] == NodeKind.STANDARD}
    sets = _mapping_sets(check, document.get("mapping_sets"), standards)
    check.errors.reject()
    return Library(framework=framework, nodes=nodes, mapping_sets=sets, lines=lines)


def library_import(*, filename: str, data, size: int, acting_user, replace: bool = False):
    """`TouchstoneCommand.import_file`'s importer: read, check and load one library file."""
    from touchstone.standards.services import framework_load

    if size > MAX_BYTES:
        raise ImportRejected([f"{filename}: larger than {MAX_BYTES // 1024 // 1024} MB"])
    raw = data.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportRejected([f"{filename}: not UTF-8 text"]) from exc
    library = read_library(text, filename)
    return framework_load(acting_user=acting_user, library=library, replace=replace)
