"""Every module has the same rooms, and modules meet only through each other's services and
selectors: a new module that copies any existing one copies the right shape."""

import ast
import importlib
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "touchstone"
MODULES = ("plans", "register", "rights", "casework", "standards")
PACKAGES = ("models", "services", "selectors", "views", "api", "api.views", "api.serializers")
FILES = (
    "apps",
    "rules",
    "permissions",
    "forms",
    "tasks",
    "exports",
    "filters",
    "imports",
    "urls",
    "api.urls",
    "home",
    "demo",
    "management.commands",
)
PUBLIC = ("services", "selectors")  # what one module may import from another


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_the_same_rooms(module):
    for room in PACKAGES:
        spec = importlib.util.find_spec(f"touchstone.{module}.{room}")
        assert spec is not None and spec.submodule_search_locations, f"{module}.{room} package"
    for room in FILES:
        assert importlib.util.find_spec(f"touchstone.{module}.{room}"), f"{module}.{room}"
    assert (ROOT / module / "templates" / module).is_dir()
    assert (ROOT / module / "tests").is_dir()


@pytest.mark.parametrize("module", MODULES)
@pytest.mark.parametrize("package", PUBLIC)
def test_what_a_module_offers_others_is_listed_and_exists(module, package):
    imported = importlib.import_module(f"touchstone.{module}.{package}")
    listed = getattr(imported, "__all__", None)
    assert listed, f"touchstone.{module}.{package} lists what others may call in __all__"
    missing = [name for name in listed if not hasattr(imported, name)]
    assert not missing


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def _code(package: str) -> list[Path]:
    return [
        path
        for path in (ROOT / package).rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def test_modules_meet_only_through_services_and_selectors():
    crossings = []
    for module in MODULES:
        for path in _code(module):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] != "touchstone" or len(parts) < 2 or parts[1] in ("core", module):
                    continue
                if parts[1] in MODULES and (len(parts) == 2 or parts[2] not in PUBLIC):
                    crossings.append(f"{path.relative_to(ROOT)}: {name}")
    assert not crossings, "\n".join(crossings)


# What a rules.py may import: the standard library, and core's pure rules (which themselves
# import the standard library only). No Django, no database, no clock: callers pass `as_of`.
STANDARD_LIBRARY = sys.stdlib_module_names
PURE_RULES = "touchstone.core.rules"


def _rules_files(module: str) -> list[Path]:
    """A module's rules: `rules.py`, or the files of a `rules` package split by meaning."""
    single = ROOT / module / "rules.py"
    return [single] if single.exists() else sorted((ROOT / module / "rules").glob("*.py"))


@pytest.mark.parametrize("module", ("core", *MODULES))
def test_every_rules_module_uses_the_standard_library_only(module):
    files = _rules_files(module)
    assert files, f"{module} has no rules"
    impure = [
        f"{path.name}: {name}"
        for path in files
        for name in _imports(path)
        if name.split(".")[0] not in STANDARD_LIBRARY
        and not (module != "core" and name.startswith(PURE_RULES))
    ]
    assert not impure, impure


def test_core_knows_no_module_by_name():
    """Core finds modules through their AppConfig (navigation, home panels), never by import."""
    named = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _code("core")
        for name in _imports(path)
        if name.split(".")[:2] in (["touchstone", m] for m in MODULES)
    ]
    assert not named, "\n".join(named)
