"""The rights rules import the standard library, each other and core's pure rules only: no
Django, no YAML, no clock. (Not among the tests mutation testing runs: mutmut adds an import
of its own.)"""

import ast
import sys
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parent.parent / "rules"


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.append(node.module)
    return found


@pytest.mark.parametrize("path", sorted(RULES.glob("*.py")), ids=lambda p: p.name)
def test_the_rules_use_the_standard_library_only(path):
    impure = [
        name
        for name in imports(path)
        if name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith("touchstone.core.rules")
    ]
    assert not impure, impure


def test_there_are_rules_to_check():
    assert {p.name for p in RULES.glob("*.py")} >= {
        "common.py",
        "qe.py",
        "portfolio.py",
        "scheme.py",
    }
