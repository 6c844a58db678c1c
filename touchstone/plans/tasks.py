"""Background work for plans: the board report (PDF, or the XLSX workbook), built by the task
worker and kept on the core Job for the person who asked for it to download."""

from datetime import date

from django.utils.text import slugify
from django_tasks import task

from touchstone.core.request_context import request_id_scope
from touchstone.core.services import job_run
from touchstone.plans.exports import export_pdf, export_xlsx
from touchstone.plans.models import Plan

FORMATS = {
    "pdf": ("board-report", "application/pdf", export_pdf),
    "xlsx": (
        "actions",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        export_xlsx,
    ),
}


def board_report_filename(plan: Plan, *, as_of: date, fmt: str = "pdf") -> str:
    stem = FORMATS[fmt][0]
    return f"{slugify(plan.title) or 'plan'}-{stem}-{as_of.isoformat()}.{fmt}"


@task()
def board_report(job_id: str) -> None:
    """Job params: {"plan": pk, "as_of": "YYYY-MM-DD", "format": "pdf" (default) or "xlsx"}."""

    def work(job, progress):
        progress(0, 2)
        fmt = job.params.get("format", "pdf")
        if fmt not in FORMATS:
            raise ValueError(f'unknown format "{fmt}": use pdf or xlsx')
        plan = Plan.objects.select_related("organisation").get(pk=job.params["plan"])
        as_of = date.fromisoformat(job.params["as_of"])
        progress(1, 2)
        _stem, content_type, export = FORMATS[fmt]
        payload = export(plan, as_of=as_of)
        progress(2, 2)
        return board_report_filename(plan, as_of=as_of, fmt=fmt), content_type, payload

    with request_id_scope(f"task-{job_id}"):
        job_run(job_id, work)
