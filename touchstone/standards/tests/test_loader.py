"""A framework library file is checked whole before anything is stored: each malformed file is
refused with a message naming the place in the file (and its line), and nothing is written —
not the framework, its nodes, its mappings, nor an audit event."""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from touchstone.core.imports import ImportRejected
from touchstone.core.models import AuditEvent
from touchstone.core.testing import row_counts
from touchstone.standards.imports import read_library
from touchstone.standards.services import framework_load
from touchstone.standards.tests.build import as_yaml, small_document


def _set(path, value):
    def change(doc):
        *parents, last = path
        target = doc
        for key in parents:
            target = target[key]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value
        return doc

    return change


def _whole(value):
    return lambda doc: value


# name, change to the small library, the message expected (a regular expression)
MALFORMED = [
    ("top level a list", _whole(["framework"]), r"^the file: must be a mapping"),
    ("unknown top key", lambda d: {**d, "nodez": []}, r"^nodez \(line \d+\): unknown key"),
    ("no framework", _set(["framework"], KeyError), r"^framework: missing"),
    (
        "id not a slug",
        _set(["framework", "id"], "Test Quality"),
        r'^framework\.id \(line 2\): "Test Quality" must be lower case',
    ),
    ("no edition", _set(["framework", "edition"], KeyError), r"^framework\.edition: missing"),
    (
        "text_held not a flag",
        _set(["framework", "text_held"], "yes"),
        r"^framework\.text_held \(line \d+\): must be true or false",
    ),
    (
        "unknown framework key",
        _set(["framework", "version"], "2"),
        r"^framework\.version \(line \d+\): unknown key",
    ),
    ("nodes not a list", _set(["nodes"], {"a": 1}), r"^nodes \(line \d+\): missing, or not a list"),
    ("node not a mapping", _set(["nodes", 4], "3"), r"^nodes\[4\] \(line \d+\): must be a mapping"),
    (
        "parent unknown",
        _set(["nodes", 3, "parent"], "18x"),
        r'^nodes\[3\]\.parent \(line \d+\): no node "18x" before this one',
    ),
    (
        "parent after the node",
        _set(["nodes", 2, "parent"], "3"),
        r'^nodes\[2\]\.parent \(line \d+\): no node "3" before this one',
    ),
    (
        "heading under a standard",
        _set(["nodes", 3, "kind"], "heading"),
        r'^nodes\[3\]\.parent \(line \d+\): a heading cannot sit under the standard "1"',
    ),
    (
        "section with a parent",
        _set(["nodes", 1, "kind"], "section"),
        r'^nodes\[1\]\.parent \(line \d+\): a section cannot sit under the section "s1"',
    ),
    (
        "ref id twice",
        _set(["nodes", 4, "ref_id"], "2"),
        r'^nodes\[4\]\.ref_id \(line \d+\): "2" is also nodes\[3\]',
    ),
    ("no ref id", _set(["nodes", 2, "ref_id"], KeyError), r"^nodes\[2\]\.ref_id: missing"),
    (
        "unknown kind",
        _set(["nodes", 2, "kind"], "clause"),
        r"^nodes\[2\]\.kind \(line \d+\): must be one of heading, section, standard",
    ),
    (
        "number not positive",
        _set(["nodes", 2, "number"], 0),
        r"^nodes\[2\]\.number \(line \d+\): must be a whole number from 1",
    ),
    (
        "number a word",
        _set(["nodes", 2, "number"], "one"),
        r"^nodes\[2\]\.number \(line \d+\): must be a whole number from 1",
    ),
    (
        "number twice",
        _set(["nodes", 3, "number"], 1),
        r"^nodes\[3\]\.number \(line \d+\): 1 is also nodes\[2\]",
    ),
    ("standard without text", _set(["nodes", 2, "text"], KeyError), r"^nodes\[2\]\.text: missing"),
    (
        "text not text",
        _set(["nodes", 2, "text"], ["a", "b"]),
        r"^nodes\[2\]\.text \(line \d+\): must be text",
    ),
    (
        "na_allowed not a flag",
        _set(["nodes", 4, "na_allowed"], "no"),
        r"^nodes\[4\]\.na_allowed \(line \d+\): must be true or false",
    ),
    (
        "unknown node key",
        _set(["nodes", 2, "title"], "x"),
        r"^nodes\[2\]\.title \(line \d+\): unknown key",
    ),
    (
        "mapping from no standard",
        _set(["mapping_sets", 0, "mappings", 0, "source"], "9"),
        r'^mapping_sets\[0\]\.mappings\[0\]\.source \(line \d+\): no standard "9"',
    ),
    (
        "mapping from a heading",
        _set(["mapping_sets", 0, "mappings", 0, "source"], "h1"),
        r'^mapping_sets\[0\]\.mappings\[0\]\.source \(line \d+\): no standard "h1"',
    ),
    (
        "mapping to nothing",
        _set(["mapping_sets", 0, "mappings", 0, "target"], {"a": 1}),
        r"^mapping_sets\[0\]\.mappings\[0\]\.target \(line \d+\): must be a clause code",
    ),
    (
        "a clause twice",
        _set(["mapping_sets", 0, "mappings", 1, "target"], ["7.5", "7.5"]),
        r"^mapping_sets\[0\]\.mappings\[1\]\.target \(line \d+\): names a clause twice",
    ),
    (
        "unknown relationship",
        _set(["mapping_sets", 0, "relationship"], "overlaps"),
        r"^mapping_sets\[0\]\.relationship \(line \d+\): must be one of equal, intersect",
    ),
    (
        "unknown mapping relationship",
        _set(["mapping_sets", 0, "mappings", 1, "relationship"], "same"),
        r"^mapping_sets\[0\]\.mappings\[1\]\.relationship \(line \d+\): must be one of",
    ),
    (
        "set without target",
        _set(["mapping_sets", 0, "target"], KeyError),
        r"^mapping_sets\[0\]\.target: missing",
    ),
    (
        "two sets to one framework",
        lambda d: {**d, "mapping_sets": d["mapping_sets"] * 2},
        r'^mapping_sets\[1\]\.target \(line \d+\): "lexcel" is also mapping_sets\[0\]',
    ),
]

# Problems only the database can see: the whole library is written, then refused, then undone.
UNRESOLVED = [
    (
        "no such target framework",
        _set(["mapping_sets", 0, "target"], "lexcel-2099"),
        r'^mapping_sets\[0\]\.target \(line \d+\): no framework "lexcel-2099"',
    ),
    (
        "no such clause",
        _set(["mapping_sets", 0, "mappings", 1, "target"], ["7.5", "9.9"]),
        r'^mapping_sets\[0\]\.mappings\[1\]\.target \(line \d+\): no clause "9.9" in lexcel',
    ),
]


def _text(change) -> str:
    return as_yaml(change(small_document()))


@pytest.mark.parametrize(
    "change, expected", [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_a_malformed_file_is_refused_naming_the_place(change, expected):
    with pytest.raises(ImportRejected) as refused:
        read_library(_text(change))
    assert any(re.search(expected, error) for error in refused.value.errors), refused.value.errors


def test_text_that_is_not_yaml_names_its_line():
    with pytest.raises(ImportRejected) as refused:
        read_library("framework:\n  id: x\nnodes: [\n  - a: b\n  ]]\n")
    assert re.match(r"^line \d+: not YAML", refused.value.errors[0])


def test_the_line_named_is_the_line_of_the_place():
    text = _text(_set(["nodes", 3, "parent"], "18x"))
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "18x" in t)
    with pytest.raises(ImportRejected) as refused:
        read_library(text)
    assert refused.value.errors == [f'nodes[3].parent (line {line}): no node "18x" before this one']


def test_every_problem_is_reported_at_once():
    doc = small_document()
    doc["nodes"][3]["parent"] = "nowhere"
    doc["nodes"][4]["kind"] = "clause"
    with pytest.raises(ImportRejected) as refused:
        read_library(as_yaml(doc))
    assert [e.split(" ")[0] for e in refused.value.errors] == [
        "nodes[3].parent",
        "nodes[4].kind",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, expected",
    [c[1:] for c in MALFORMED + UNRESOLVED],
    ids=[c[0] for c in MALFORMED + UNRESOLVED],
)
def test_the_command_refuses_it_and_writes_nothing(tmp_path, capsys, change, expected):
    path = tmp_path / "bad.yaml"
    path.write_text(_text(change), encoding="utf-8")
    before, events = row_counts("standards"), AuditEvent.objects.count()
    with pytest.raises(CommandError) as failed:
        call_command("standards", "load", str(path))
    assert failed.value.returncode == 1
    assert re.match(
        r"bad\.yaml was not imported: \d+ problem\(s\); nothing was written", str(failed.value)
    )
    errors = capsys.readouterr().err.splitlines()
    assert any(re.search(expected, line) for line in errors), errors
    assert row_counts("standards") == before
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, expected", [c[1:] for c in UNRESOLVED], ids=[c[0] for c in UNRESOLVED]
)
def test_the_service_undoes_a_library_it_could_not_resolve(change, expected):
    before = row_counts("standards")
    with pytest.raises(ImportRejected):
        framework_load(acting_user=None, library=read_library(_text(change)))
    assert row_counts("standards") == before
