"""The register in the import's own columns, private fields included (staff only): what
`touchstone register import` reads, so an export can be checked, corrected and loaded again."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from touchstone.core.models import Organisation
from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record
from touchstone.register.imports import REGISTRANT_COLUMNS
from touchstone.register.models import Registrant
from touchstone.register.selectors.items import current_rights
from touchstone.register.services.audit import AuditAction


def registrants_export_rows(*, acting_user, regulator: Organisation, as_of: date) -> Iterator[list]:
    """One row per registrant, entities first (members refer to them), then by number. The
    permission is checked and the export of private details audited here, before the first
    row, so a streamed download never starts for someone who may not have it."""
    require_perm(acting_user, "register.view_registrant", regulator)
    audit_record(
        actor=acting_user,
        action=AuditAction.EXPORT_REGISTER,
        obj=regulator,
        organisation=regulator,
        after={"as_of": as_of.isoformat()},
    )
    rights: dict[int, list[str]] = defaultdict(list)
    for registrant_id, code in (
        current_rights(as_of)
        .filter(registrant__regulator=regulator)
        .order_by("registrant_id", "right_type__position")
        .values_list("registrant_id", "right_type__code")
    ):
        rights[registrant_id].append(code)
    return _rows(regulator, rights)


def _rows(regulator: Organisation, rights: dict[int, list[str]]) -> Iterator[list]:
    registrants = (
        Registrant.objects.filter(regulator=regulator)
        .select_related("category", "status", "entity")
        .order_by("kind", "number")
    )
    for r in registrants.iterator(chunk_size=2000):
        values = {
            "number": r.number,
            "kind": r.kind,
            "title": r.title,
            "given_names": r.given_names,
            "family_name": r.family_name,
            "entity_name": r.entity_name,
            "category": r.category.name if r.category else "",
            "status": r.status.name,
            "admitted_on": r.admitted_on.isoformat() if r.admitted_on else "",
            "rights": ";".join(rights[r.pk]),
            "entity": r.entity.number if r.entity else "",
            "town": r.town,
            "postcode": r.postcode,
            "email": r.email,
            "date_of_birth": r.date_of_birth.isoformat() if r.date_of_birth else "",
            "home_address": r.home_address,
        }
        yield [values[column] for column in REGISTRANT_COLUMNS]
