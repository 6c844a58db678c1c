"""The public item: the one place the public shape of a registrant is made, for the API, the
open data and anything else that publishes the register. Public fields only."""

from collections import defaultdict
from datetime import date

from django.db.models import Q, QuerySet

from touchstone.register.models import Finding, PracticeRight
from touchstone.register.models.registrants import display_name

# The columns a public item is made from: nothing private is read.
ROW_FIELDS = (
    "id",
    "number",
    "kind",
    "title",
    "given_names",
    "family_name",
    "entity_name",
    "category__name",
    "status__name",
    "entity__number",
    "town",
)


def visible_findings(as_of: date) -> QuerySet[Finding]:
    """Findings the public may see on `as_of`: published and inside the publication period."""
    return Finding.objects.filter(
        Q(publish=True)
        & (Q(publish_from__isnull=True) | Q(publish_from__lte=as_of))
        & (Q(publish_until__isnull=True) | Q(publish_until__gte=as_of))
    )


def current_rights(as_of: date) -> QuerySet[PracticeRight]:
    """Rights granted by `as_of` and not ended by then."""
    return PracticeRight.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=as_of), granted_on__lte=as_of
    )


def _item(row: dict, rights: list[dict], findings: list[dict], as_at) -> dict:
    return {
        "number": row["number"],
        "kind": row["kind"],
        "name": display_name(
            kind=row["kind"],
            title=row["title"],
            given_names=row["given_names"],
            family_name=row["family_name"],
            entity_name=row["entity_name"],
        ),
        "category": row["category__name"],
        "status": row["status__name"],
        "rights": rights,
        "entity": row["entity__number"],
        "town": row["town"],
        "findings": findings,
        "as_at": as_at.isoformat(),
    }


def public_items(rows: list[dict], *, as_of: date, as_at) -> list[dict]:
    """Public items from rows of ROW_FIELDS, in their order: two more queries (the current
    rights and the visible findings of them all), whatever the number of rows."""
    ids = [row["id"] for row in rows]
    rights: dict[int, list[dict]] = defaultdict(list)
    for registrant_id, code, name, conditions in (
        current_rights(as_of)
        .filter(registrant_id__in=ids)
        .order_by("registrant_id", "right_type__position", "id")
        .values_list("registrant_id", "right_type__code", "right_type__name", "conditions")
    ):
        rights[registrant_id].append({"code": code, "name": name, "conditions": conditions})
    findings: dict[int, list[dict]] = defaultdict(list)
    for registrant_id, decided_on, summary, sanction in (
        visible_findings(as_of)
        .filter(registrant_id__in=ids)
        .order_by("registrant_id", "-decided_on", "-id")
        .values_list("registrant_id", "decided_on", "summary", "sanction")
    ):
        findings[registrant_id].append(
            {"date": decided_on.isoformat(), "summary": summary, "sanction": sanction}
        )
    return [_item(row, rights[row["id"]], findings[row["id"]], as_at) for row in rows]
