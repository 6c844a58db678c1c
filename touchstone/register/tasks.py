"""Background work for the register: keep every member's CPD year-end reminder in place."""

from django.utils import timezone
from django_tasks import task

from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.request_context import request_id_scope
from touchstone.register.services import cpd_reminders_schedule


def cpd_reminders_all(*, year: int) -> dict[str, int]:
    """Schedule (idempotently) this year's CPD reminders on every regulator's register."""
    return {
        regulator.slug: cpd_reminders_schedule(acting_user=None, regulator=regulator, year=year)
        for regulator in Organisation.objects.filter(kind=OrganisationKind.REGULATOR)
    }


CPD_REMINDERS_SCHEDULE = "cpd-reminders"


@task()
def cpd_reminders_daily() -> dict:
    """Put this year's reminder on every member who has not submitted (members admitted
    during the year included). The `cpd-reminders` schedule
    (`touchstone register cpd-reminders --schedule`) has a worker run it daily at 05:30, before
    the 06:00 sweep that sends the warnings, and catch up a missed day. Setting a reminder that
    is already there changes nothing."""
    today = timezone.localdate()
    with request_id_scope(f"task-cpd-reminders-{today.isoformat()}"):
        scheduled = cpd_reminders_all(year=today.year)
    return {"year": today.year, "scheduled": scheduled}
