"""Reference data shipped with the register, loaded after every `touchstone migrate`."""

from pathlib import Path

import yaml

REFERENCE_FILE = Path(__file__).resolve().parent / "register.yaml"


def load_reference_data(sender=None, using="default", **kwargs) -> None:
    """Create or update categories, statuses and right types from register.yaml (idempotent)."""
    from touchstone.register.models import Category, RightType, Status

    data = yaml.safe_load(REFERENCE_FILE.read_text(encoding="utf-8"))
    for position, row in enumerate(data["categories"]):
        Category.objects.using(using).update_or_create(
            code=row["code"], defaults={"name": row["name"], "position": position}
        )
    for position, row in enumerate(data["statuses"]):
        Status.objects.using(using).update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "authorised": row["authorised"], "position": position},
        )
    for position, row in enumerate(data["right_types"]):
        RightType.objects.using(using).update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "plain": row["plain"],
                "scope": (row.get("scope") or "").strip(),
                "specialist_register": row.get("specialist_register") or "",
                "position": position,
            },
        )
