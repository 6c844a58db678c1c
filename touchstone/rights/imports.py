"""Reading a practice-rights scheme file: YAML, every version resolved (a later version inherits
what it does not change) and checked as the rules will read it, before anything is stored."""

from pathlib import Path

import yaml

from touchstone.rights.rules import SchemeError, resolve_scheme_document, scheme_from_dict


def read_scheme_file(path: Path) -> list[dict]:
    """The resolved versions of the scheme in `path`, in effective order. Raises `SchemeError`
    naming the file for anything the rules could not use: not YAML, a missing or wrong key, two
    versions with one name or one effective date, versions out of order."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SchemeError(f"{Path(path).name}: cannot be read as YAML ({exc})") from exc
    try:
        versions = resolve_scheme_document(document)
        for resolved in versions:
            scheme_from_dict(resolved)
    except SchemeError as exc:
        raise SchemeError(f"{Path(path).name}: {exc}") from exc
    names = [v["version"] for v in versions]
    dates = [v["effective_from"] for v in versions]
    if not versions:
        raise SchemeError(f"{Path(path).name}: the scheme has no versions")
    if len(set(names)) != len(names) or len(set(dates)) != len(dates):
        raise SchemeError(f"{Path(path).name}: two versions share a name or an effective date")
    if dates != sorted(dates):
        raise SchemeError(f"{Path(path).name}: versions must be listed in effective order")
    return versions
