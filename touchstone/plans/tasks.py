"""Background work for plans: the board report, built by the task worker."""

from datetime import date

from django_tasks import task

from touchstone.core.request_context import request_id_scope
from touchstone.core.services import job_run
from touchstone.plans.exports import export_pdf
from touchstone.plans.models import Plan


@task()
def board_report(job_id: str) -> None:
    def work(job, progress):
        progress(0, 1)
        plan = Plan.objects.select_related("organisation").get(pk=job.params["plan"])
        as_of = date.fromisoformat(job.params["as_of"])
        pdf = export_pdf(plan, as_of=as_of)
        progress(1, 1)
        slug = "".join(c if c.isalnum() else "-" for c in plan.title).strip("-").lower()
        return f"{slug}-board-report-{as_of.isoformat()}.pdf", "application/pdf", pdf

    with request_id_scope(f"task-{job_id}"):
        job_run(job_id, work)
