"""The casework schemes shipped with the product, one YAML file each (`ombudsman.yaml`,
`conduct.yaml`), loaded after every `touchstone migrate`. A change to a scheme is a change to
its file."""

from pathlib import Path

import yaml
from django.db import transaction

from touchstone.casework.rules import SchemeError, scheme_read

REFERENCE_DIR = Path(__file__).resolve().parent


def scheme_files() -> list[Path]:
    return sorted(REFERENCE_DIR.glob("*.yaml"))


def read_scheme_file(path: Path) -> dict:
    """The checked scheme in `path` (raises SchemeError)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SchemeError(f"{path.name}: not readable YAML ({exc})") from exc
    scheme = scheme_read(data)
    if scheme["code"] != path.stem:
        raise SchemeError(f"{path.name}: holds the scheme {scheme['code']}")
    return scheme


def load_reference_data(sender=None, using="default", **kwargs) -> None:
    """Store every scheme (idempotent: a stored scheme becomes what its file says). Every file
    is read and checked before anything is written."""
    from touchstone.casework.models import SchemeDefinition
    from touchstone.casework.selectors import forget_schemes

    schemes = [read_scheme_file(path) for path in scheme_files()]
    with transaction.atomic(using=using):
        for scheme in schemes:
            SchemeDefinition.objects.using(using).update_or_create(
                code=scheme["code"],
                defaults={
                    "name": scheme["name"],
                    "organisation_kind": scheme["organisation_kind"],
                    "data": scheme,
                },
            )
    forget_schemes()
