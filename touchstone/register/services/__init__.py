"""Every write to the register: keyword-only, acting user, atomic, audited.

`acting_user=None` is a trusted system caller (an import command, demo data, another module's
service); web and API paths pass the signed-in user, whose permission is checked here. Other
modules call these (e.g. `right_grant` on an approved application, `finding_record` for a
published conduct finding).
"""

from touchstone.register.services.audit import AuditAction
from touchstone.register.services.cpd import (
    REMINDER_KIND,
    cpd_activity_add,
    cpd_reminders_schedule,
    cpd_sample_draw,
    cpd_submit,
)
from touchstone.register.services.cpd_changes import cpd_activity_remove, cpd_activity_update
from touchstone.register.services.findings import finding_publication_change, finding_record
from touchstone.register.services.registrants import (
    REGISTRANT_FIELDS,
    NewRegistrant,
    entity_offices_set,
    index_names,
    prepare_search_fields,
    reference,
    registrant_build,
    registrant_create,
    registrant_status_change,
    registrant_update,
    registrant_user_link,
    registrants_create_many,
    right_end,
    right_grant,
)

__all__ = [
    "AuditAction",
    "REGISTRANT_FIELDS",
    "REMINDER_KIND",
    "NewRegistrant",
    "cpd_activity_add",
    "cpd_activity_remove",
    "cpd_activity_update",
    "cpd_reminders_schedule",
    "cpd_sample_draw",
    "cpd_submit",
    "entity_offices_set",
    "finding_publication_change",
    "finding_record",
    "index_names",
    "prepare_search_fields",
    "reference",
    "registrant_build",
    "registrant_create",
    "registrant_status_change",
    "registrant_update",
    "registrant_user_link",
    "registrants_create_many",
    "right_end",
    "right_grant",
]
