"""Background work for casework: the scorecard of a long period, computed by a task worker
rather than in a request (ten years of an ombudsman's cases)."""

from datetime import date

from django_tasks import task

from touchstone.casework.selectors import scorecard
from touchstone.core.models import Organisation
from touchstone.core.request_context import request_id_scope


@task()
def scorecard_compute(
    organisation_id: int, date_from: str, date_to: str, jurisdiction: str | None, scheme: str
) -> dict:
    """The scorecard's JSON dict, as the command prints it (the task's result)."""
    with request_id_scope(f"task-scorecard-{organisation_id}-{date_from}-{date_to}"):
        return scorecard(
            acting_user=None,
            organisation=Organisation.objects.get(pk=organisation_id),
            date_from=date.fromisoformat(date_from),
            date_to=date.fromisoformat(date_to),
            jurisdiction=jurisdiction,
            scheme=scheme,
        )
