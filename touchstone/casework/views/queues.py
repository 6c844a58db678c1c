"""The caseworkers' queue: the acting organisation's cases by state, stage, complexity and
age, filtered (MOJ filter layout), sortable, paged, and exported as CSV or XLSX."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from touchstone.casework.filters import CaseQueueFilters
from touchstone.casework.rules import queue
from touchstone.casework.selectors.queues import (
    EXPORT_COLUMNS,
    case_queue,
    case_queue_export_rows,
    queue_row,
)
from touchstone.core.tabular import csv_lines, download, write_xlsx
from touchstone.core.web import acts_for

QUEUE_PAGE = 50
VIEW = "casework.view_case"


def _filters(request) -> tuple[CaseQueueFilters, dict]:
    """The filters and the values to list by: all of them when valid, else the valid ones
    (a bad filter shows its message beside the list rather than empty it)."""
    filters = CaseQueueFilters(request.GET or None, request=request).for_page()
    if filters.is_bound:
        filters.is_valid()
    return filters, {k: v for k, v in filters.chosen().items() if k not in filters.form.errors}


def _query(request, **changes) -> str:
    query = request.GET.copy()
    for name, value in changes.items():
        query[name] = value
    query.pop("page", None)
    return query.urlencode()


@login_required
@acts_for(VIEW, refuse=Http404)
def queue_page(request):
    filters, chosen = _filters(request)
    cases = case_queue(request.user, request.acting_organisation, **chosen)
    page = Paginator(cases, QUEUE_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    sort = chosen.get("sort", "")
    columns = {
        column: {
            "url": "?" + _query(request, sort=queue.next_sort(column, sort)),
            "aria_sort": queue.aria_sort(column, sort),
        }
        for column in ("reference", "received", "accepted")
    }
    filtered = {name: value for name, value in chosen.items() if name != "sort"}
    return render(
        request,
        "casework/staff/queue.html",
        {
            "form": filters.form,
            "page": page,
            "rows": [queue_row(case, as_of=today) for case in page.object_list],
            "columns": columns,
            "sort_words": queue.SORTS[sort or queue.DEFAULT_SORT].lower(),
            "filtered": bool(filtered),
            "chosen": [
                {"label": filters.form.fields[name].label, "value": filters.value_label(name, v)}
                for name, v in filtered.items()
            ],
            "query": _query(request),
        },
    )


@login_required
@acts_for(VIEW, refuse=Http404)
def queue_export(request, fmt: str):
    chosen = _filters(request)[1]
    rows = case_queue_export_rows(
        acting_user=request.user,
        organisation=request.acting_organisation,
        as_of=timezone.localdate(),
        **chosen,
    )
    if fmt == "xlsx":
        return download(
            [write_xlsx(EXPORT_COLUMNS, rows, title="Cases")], fmt="xlsx", filename="cases.xlsx"
        )
    return download(csv_lines(EXPORT_COLUMNS, rows), fmt="csv", filename="cases.csv")
