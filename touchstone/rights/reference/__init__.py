"""The practice-rights schemes shipped with the product, one YAML file each (`immigration.yaml`),
loaded after every `touchstone migrate`. A new specialism is a new file; a change to a scheme is
a new version in its file, with its own effective date."""

from pathlib import Path

from django.db import transaction

from touchstone.rights.imports import read_scheme_file

REFERENCE_DIR = Path(__file__).resolve().parent


def scheme_files() -> list[Path]:
    return sorted(REFERENCE_DIR.glob("*.yaml"))


def load_scheme_file(path: Path, using: str = "default") -> list:
    """Store every version of the scheme in `path` (idempotent: a version already stored is
    updated to what the file says). Every version is read and checked before anything is
    written, so a bad file changes nothing (raises `rules.SchemeError`)."""
    from touchstone.rights.models import SchemeVersion
    from touchstone.rights.selectors import forget_schemes

    versions = read_scheme_file(path)
    stored = []
    with transaction.atomic(using=using):
        for resolved in versions:
            version, _ = SchemeVersion.objects.using(using).update_or_create(
                scheme=resolved["code"],
                version=resolved["version"],
                defaults={
                    "name": resolved["name"],
                    "effective_from": resolved["effective_from"],
                    "data": resolved,
                },
            )
            stored.append(version)
    forget_schemes()
    return stored


def load_reference_data(sender=None, using="default", **kwargs) -> None:
    for path in scheme_files():
        load_scheme_file(path, using=using)
