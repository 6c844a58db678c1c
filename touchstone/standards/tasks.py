"""Background work for the standards module: bringing the stored framework library up to the
shipped files (what `migrate` does on every run), for a release that changes a library file
without a migration: enqueue `reference_library_sync` and a worker loads it."""

from django_tasks import task

from touchstone.core.request_context import request_id_scope
from touchstone.standards.reference import load_reference_data


@task()
def reference_library_sync() -> dict:
    """Load each shipped file whose edition is not stored as the file says; the rest change
    nothing. Returns the outcome by framework id."""
    with request_id_scope("task-standards-library"):
        return {loaded.framework.ref_id: loaded.outcome for loaded in load_reference_data()}
