"""Reference data shipped with the register, loaded after every `touchstone migrate`."""

from decimal import Decimal
from pathlib import Path

import yaml

REFERENCE_FILE = Path(__file__).resolve().parent / "register.yaml"


def _data() -> dict:
    return yaml.safe_load(REFERENCE_FILE.read_text(encoding="utf-8"))


def reference_codes(kind: str) -> list[str]:
    """The codes of "categories", "statuses" or "right_types" as shipped (for the API schema)."""
    return [item["code"] for item in _data()[kind]]


# For the API schema's enums (settings.SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]).
STATUS_CODES = [(code, code) for code in reference_codes("statuses")]
RIGHT_TYPE_CODES = [(code, code) for code in reference_codes("right_types")]
CATEGORY_CODES = [(code, code) for code in reference_codes("categories")]


def cpd_activity_types() -> list[str]:
    return list(_data()["cpd_activity_types"])


def load_reference_data(sender=None, using="default", **kwargs) -> None:
    """Create or update categories, statuses and right types from register.yaml (idempotent)."""
    from touchstone.register.models import Category, CpdScheme, RightType, Status

    data = _data()
    for position, row in enumerate(data["categories"]):
        Category.objects.using(using).update_or_create(
            code=row["code"], defaults={"name": row["name"], "position": position}
        )
    for position, row in enumerate(data["statuses"]):
        Status.objects.using(using).update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "authorised": row["authorised"],
                "registered": row.get("registered", True),
                "position": position,
            },
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
    for row in data["cpd_schemes"]:
        CpdScheme.objects.using(using).update_or_create(
            effective_from=row["effective_from"],
            defaults={
                "minimum_hours": Decimal(str(row["minimum_hours"])),
                "required_types": list(row.get("required_types") or []),
            },
        )
    from touchstone.register.selectors import forget_reference

    forget_reference()
