"""A small framework library for the tests: two standards under a heading, a sub-item, and a
mapping set to the shipped Lexcel clauses; and the same as YAML text."""

import copy

import yaml

from touchstone.standards.imports import read_library


def small_document(**framework) -> dict:
    return copy.deepcopy(
        {
            "framework": {
                "id": "test-quality",
                "name": "Test Quality Standard",
                "short_name": "TQS",
                "edition": "First edition",
                "publisher": "Test Standards Body",
                "text_held": True,
                **framework,
            },
            "nodes": [
                {"ref_id": "s1", "kind": "section", "text": "Serving clients"},
                {
                    "ref_id": "h1",
                    "kind": "heading",
                    "parent": "s1",
                    "text": "Complaints",
                    "guidance": "How complaints are heard.",
                },
                {
                    "ref_id": "1",
                    "kind": "standard",
                    "number": 1,
                    "parent": "h1",
                    "text": "Have a complaints procedure, which includes:",
                },
                {
                    "ref_id": "2",
                    "kind": "standard",
                    "number": 2,
                    "parent": "1",
                    "text": "a) who hears the complaint.",
                },
                {
                    "ref_id": "3",
                    "kind": "standard",
                    "number": 3,
                    "parent": "s1",
                    "text": "Hold insurance.",
                    "na_allowed": False,
                },
            ],
            "mapping_sets": [
                {
                    "target": "lexcel",
                    "relationship": "intersect",
                    "mappings": [
                        {"source": "1", "target": "7.5"},
                        {"source": "2", "target": ["7.5", "8.3"], "relationship": "subset"},
                    ],
                }
            ],
        }
    )


def as_yaml(document: dict) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


def small_library(**framework):
    return read_library(as_yaml(small_document(**framework)), "small.yaml")
