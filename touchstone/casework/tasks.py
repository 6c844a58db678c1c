"""Background work for casework: the scorecard of a long period, computed by a task worker
rather than in a request (ten years of an ombudsman's cases); and the daily email reminders
to parties of the information asked of them."""

from datetime import date

from django.utils import timezone
from django_tasks import task

from touchstone.casework.selectors import scorecard
from touchstone.casework.services import information_reminders_send
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


INFORMATION_REMINDERS_SCHEDULE = "casework-information-reminders"


@task()
def information_reminders_daily() -> int:
    """The `casework-information-reminders` schedule (`touchstone casework remind
    --schedule`) has a worker run this daily at 07:30; each request is reminded once, so a
    second run in a day sends nothing."""
    today = timezone.localdate()
    with request_id_scope(f"task-casework-reminders-{today.isoformat()}"):
        return information_reminders_send(as_of=today)
