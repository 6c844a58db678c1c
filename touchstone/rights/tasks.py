"""Background work for practice rights: the daily chase of supervisors' references not yet
given (a reminder once, then the request lapses and the applicant is told)."""

from django.utils import timezone
from django_tasks import task

from touchstone.core.request_context import request_id_scope
from touchstone.rights.services import references_chase

REFERENCES_CHASE_SCHEDULE = "rights-references-chase"


@task()
def references_chase_daily() -> dict:
    """The `rights-references-chase` schedule (`touchstone rights chase-references
    --schedule`) has a worker run this daily at 07:00 and catch up a missed day; running it
    twice in a day changes nothing."""
    now = timezone.now()
    with request_id_scope(f"task-references-chase-{now.date().isoformat()}"):
        return references_chase(now=now)
