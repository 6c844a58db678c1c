"""Downloads of the accreditation scheme's records: a standards body's holders and
assessments as CSV or XLSX (its administrators and officers), and an assessment as a PDF in
the framework's printed layout (the provider's people and the body's staff)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from touchstone.core.models import OrganisationKind
from touchstone.core.tabular import csv_lines, download, write_xlsx
from touchstone.core.web import acts_for
from touchstone.standards.exports import (
    ASSESSMENT_COLUMNS,
    HOLDER_COLUMNS,
    assessment_pdf,
    assessments_export_rows,
    holders_export_rows,
)
from touchstone.standards.views.assessment import assessment_or_404

WHAT = {"holders": HOLDER_COLUMNS, "assessments": ASSESSMENT_COLUMNS}


@login_required
@acts_for("standards.export_accreditations", kind=OrganisationKind.STANDARDS_BODY, refuse=Http404)
@require_GET
def accreditations_export(request, what: str):
    fmt = request.GET.get("format", "csv")
    if what not in WHAT or fmt not in ("csv", "xlsx"):
        raise Http404("No such export")
    body = request.acting_organisation
    today = timezone.localdate()
    if what == "holders":
        rows = holders_export_rows(acting_user=request.user, standards_body=body, as_of=today)
    else:
        rows = assessments_export_rows(acting_user=request.user, standards_body=body)
    filename = f"{body.slug}-{what}-{today.isoformat()}.{fmt}"
    if fmt == "csv":
        return download(csv_lines(WHAT[what], rows), fmt="csv", filename=filename)
    return download([write_xlsx(WHAT[what], rows, title=what)], fmt="xlsx", filename=filename)


@login_required
@require_GET
def assessment_download(request, pk: int):
    assessment = assessment_or_404(request.user, pk)
    pdf = assessment_pdf(acting_user=request.user, assessment=assessment)
    response = HttpResponse(pdf, content_type="application/pdf")
    provider = assessment.accreditation.provider.slug
    response["Content-Disposition"] = f'attachment; filename="assessment-{provider}-{pk}.pdf"'
    return response
