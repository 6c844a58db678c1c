"""Every write in core. Other modules import from here, never from core's tables directly."""

from touchstone.core.services.audit import AuditAction, audit_record, audit_record_many, snapshot
from touchstone.core.services.bulk import insert_many
from touchstone.core.services.deadlines import (
    SweepResult,
    deadline_close,
    deadline_set,
    deadlines_sweep,
)
from touchstone.core.services.identity import (
    login_attempt_record,
    login_attempts_forget,
    login_refusal,
    membership_grant,
    organisation_create,
    person_create,
    user_create,
)
from touchstone.core.services.imports import pending_import_hold, pending_import_take
from touchstone.core.services.invoices import (
    invoice_number,
    invoice_raise,
    invoice_record_payment,
)
from touchstone.core.services.jobs import job_run, job_start
from touchstone.core.services.links import (
    REFUSALS,
    LinkHolder,
    LinkRefused,
    access_link_issue,
    access_link_revoke,
    access_link_spend,
    link_refusal,
    token_hash,
)
from touchstone.core.services.notifications import notifications_mark_read, notify
from touchstone.core.services.submissions import (
    Outcome,
    submission_begin,
    submission_finish,
    submission_outcome,
    submissions_forget,
)
from touchstone.core.services.tokens import api_token_create, api_token_revoke
from touchstone.core.services.uploads import letter_store, upload_store, uploads_sweep
from touchstone.core.services.versions import StaleVersion, lock_for_change, version_bump
from touchstone.core.services.workers import (
    schedule_enable,
    schedules_enqueue_due,
    tasks_recover_orphans,
    worker_heartbeat,
    worker_running,
    worker_stopped,
)

__all__ = [
    "invoice_number",
    "invoice_raise",
    "invoice_record_payment",
    "REFUSALS",
    "LinkHolder",
    "LinkRefused",
    "access_link_issue",
    "access_link_revoke",
    "access_link_spend",
    "link_refusal",
    "token_hash",
    "AuditAction",
    "Outcome",
    "StaleVersion",
    "SweepResult",
    "api_token_create",
    "api_token_revoke",
    "audit_record",
    "audit_record_many",
    "deadline_close",
    "deadline_set",
    "deadlines_sweep",
    "insert_many",
    "job_run",
    "job_start",
    "letter_store",
    "login_attempt_record",
    "login_attempts_forget",
    "login_refusal",
    "membership_grant",
    "notifications_mark_read",
    "notify",
    "organisation_create",
    "pending_import_hold",
    "pending_import_take",
    "person_create",
    "lock_for_change",
    "schedule_enable",
    "schedules_enqueue_due",
    "snapshot",
    "submission_begin",
    "submission_finish",
    "submission_outcome",
    "submissions_forget",
    "tasks_recover_orphans",
    "upload_store",
    "uploads_sweep",
    "user_create",
    "version_bump",
    "worker_heartbeat",
    "worker_running",
    "worker_stopped",
]
