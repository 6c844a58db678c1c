"""The framework library as pages anyone can read: the frameworks held, and each framework's
standards in the printed table's layout (number, standard, the equivalents columns), with
its section and heading rows and their guidance, and a download in each export format."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from touchstone.standards.exports import CONTENT_TYPES, export_filename, framework_export
from touchstone.standards.filters import StandardFilters
from touchstone.standards.forms import DownloadForm
from touchstone.standards.models import NodeKind
from touchstone.standards.selectors import (
    framework_table,
    frameworks_current,
    has_accreditation_scheme,
)
from touchstone.standards.views.common import current_framework_or_404


@require_GET
def framework_list(request):
    return render(request, "standards/frameworks.html", {"frameworks": frameworks_current()})


def _table_rows(table, shown):
    """The printed layout: a section row, a heading row (with its guidance), then its
    standards; sections and headings whose standards are all filtered out are left out."""
    wanted = {row.ref_id for row in shown}
    by_ref = {row.ref_id: row for row in table.standards}
    rows, pending = [], []
    for node in table.nodes:
        if node.kind == NodeKind.SECTION:
            pending = [("section", node)]
        elif node.kind == NodeKind.HEADING:
            pending = [p for p in pending if p[0] == "section"] + [("heading", node)]
        elif node.ref_id in wanted:
            rows += pending + [("standard", by_ref[node.ref_id])]
            pending = []
    return rows


@require_GET
def framework_detail(request, ref_id: str):
    framework = current_framework_or_404(ref_id)
    table = framework_table(framework)
    filters = StandardFilters(request.GET or None, table, request=request).for_page()
    shown = filters.qs
    return render(
        request,
        "standards/framework.html",
        {
            "framework": framework,
            "table": table,
            "rows": _table_rows(table, shown),
            "shown": len(shown),
            "filters": filters,
            "download": DownloadForm(),
            "has_holders": has_accreditation_scheme(framework.ref_id),
        },
    )


@require_GET
def framework_download(request, ref_id: str):
    framework = current_framework_or_404(ref_id)
    form = DownloadForm(request.GET)
    if not form.is_valid():
        return HttpResponse(
            "Choose a format: " + ", ".join(CONTENT_TYPES), status=400, content_type="text/plain"
        )
    fmt = form.cleaned_data["format"]
    response = HttpResponse(framework_export(framework, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{export_filename(framework, fmt)}"'
    return response
