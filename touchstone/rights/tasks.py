"""Background work for practice rights: the daily chase of supervisors' references not yet
given (a reminder once, then the request lapses and the applicant is told), and compiling a
portfolio into its PDF for download."""

from django.utils import timezone
from django_tasks import task

from touchstone.core.request_context import request_id_scope
from touchstone.core.services import job_run
from touchstone.rights.exports import compile_portfolio
from touchstone.rights.models import Application
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


@task()
def portfolio_compile(job_id: str) -> None:
    """Job params: {"application": pk}. The portfolio compiled for assessment (§57), one PDF or
    a zip of one per competency, for the person who asked to download."""

    def work(job, progress):
        application = Application.objects.select_related("applicant", "regulator").get(
            pk=job.params["application"]
        )
        compiled = compile_portfolio(application, progress=progress)
        return compiled.name, compiled.content_type, compiled.data

    with request_id_scope(f"task-{job_id}"):
        job_run(job_id, work)
