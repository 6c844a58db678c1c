"""Property: any valid library — any tree of sections, headings and standards, any text, any
mappings to the shipped Lexcel clauses — loads, and its YAML export reads back to the same
document (the same digest, so loading it again is `unchanged`)."""

import pytest
import yaml
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from touchstone.standards.exports import framework_export
from touchstone.standards.imports import read_library
from touchstone.standards.services import framework_load

LEXCEL = ["1.4", "3.3", "4.2", "5.2", "5.7", "6.2", "7.1", "7.5", "8.3", "8.5"]
RELATIONSHIPS = ["equal", "subset", "superset", "intersect", "not_related"]
words = (
    st.text(
        alphabet=st.characters(whitelist_categories=("L", "N", "P", "Zs")), min_size=1, max_size=40
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def libraries(draw) -> dict:
    nodes = [{"ref_id": "s0", "kind": "section", "text": draw(words)}]
    standards = []
    for i in range(1, draw(st.integers(1, 12)) + 1):
        kind = draw(st.sampled_from(["heading", "standard", "standard", "section"]))
        parents = [n for n in nodes if kind == "standard" or n["kind"] in ("section", "heading")]
        node = {"ref_id": f"n{i}", "kind": kind, "text": draw(words)}
        if kind != "section":
            node["parent"] = draw(st.sampled_from(parents))["ref_id"]
        if kind == "standard":
            node["number"] = i
            node["na_allowed"] = draw(st.booleans())
            standards.append(node["ref_id"])
        if draw(st.booleans()):
            node["guidance"] = draw(words)
        nodes.append(node)
    mappings = [
        {
            "source": source,
            "target": draw(st.lists(st.sampled_from(LEXCEL), min_size=1, max_size=3, unique=True)),
            "relationship": draw(st.sampled_from(RELATIONSHIPS)),
        }
        for source in standards
        if draw(st.booleans())
    ]
    return {
        "framework": {
            "id": "drawn",
            "name": draw(words),
            "short_name": "DRAWN",
            "edition": draw(words),
            "text_held": True,
        },
        "nodes": nodes,
        "mapping_sets": [
            {
                "target": "lexcel",
                "relationship": draw(st.sampled_from(RELATIONSHIPS)),
                "mappings": mappings,
            }
        ],
    }


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=libraries())
def test_a_loaded_library_exports_back_to_itself(document):
    library = read_library(yaml.safe_dump(document, allow_unicode=True))
    with transaction.atomic():
        loaded = framework_load(acting_user=None, library=library)
        assert loaded.outcome == "created"
        exported = framework_export(loaded.framework, "yaml").decode("utf-8")
        assert read_library(exported).digest == library.digest
        again = framework_load(acting_user=None, library=read_library(exported))
        assert again.outcome == "unchanged"
        transaction.set_rollback(True)
