"""Background work for the standards module: the accreditation scheme's daily sweep
(terminations at the remediation deadline, lapses at the registration's end), and bringing
the stored framework library up to the shipped files (what `migrate` does on every run), for a
release that changes a library file without a migration: enqueue `reference_library_sync` and
a worker loads it."""

from django.utils import timezone
from django_tasks import task

from touchstone.core.request_context import request_id_scope
from touchstone.standards.reference import load_reference_data
from touchstone.standards.services import accreditations_sweep

ACCREDITATIONS_SWEEP_SCHEDULE = "standards-accreditations-sweep"


@task()
def accreditations_sweep_daily() -> dict:
    """The `standards-accreditations-sweep` schedule (`touchstone standards sweep
    --schedule`) has a worker run this daily at 06:30 and catch up a missed day; running it
    twice in a day ends nothing twice and sends nothing twice."""
    today = timezone.localdate()
    with request_id_scope(f"task-accreditations-sweep-{today.isoformat()}"):
        return accreditations_sweep(today=today)


@task()
def reference_library_sync() -> dict:
    """Load each shipped file whose edition is not stored as the file says; the rest change
    nothing. Returns the outcome by framework id."""
    with request_id_scope("task-standards-library"):
        return {loaded.framework.ref_id: loaded.outcome for loaded in load_reference_data()}
