"""Public register pages: search, detail, specialist registers and open data (no sign-in)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from touchstone.core.tabular import csv_lines, download, json_lines
from touchstone.register.filters import PublicRegisterFilters
from touchstone.register.models import Registrant
from touchstone.register.selectors import (
    PublicFilters,
    officer_organisations,
    public_get,
    public_items,
    public_search,
    public_standing,
    registrant_for_member,
    specialist_registers,
)

OPEN_DATA_COLUMNS = [
    "number",
    "kind",
    "name",
    "category",
    "status",
    "rights",
    "entity",
    "town",
    "findings",
    "as_at",
]


def search(request):
    filters = PublicRegisterFilters(request.GET or None, request=request).for_page()
    page = None
    if filters.asked:
        page = Paginator(filters.qs, 25).get_page(request.GET.get("page"))
        for registrant in page.object_list:
            registrant.standing = public_standing(registrant)
    return render(
        request,
        "register/search.html",
        {
            "form": filters.form,
            "page": page,
            "asked_nothing": filters.is_valid() and not filters.asked,
            "as_at": timezone.now(),
            # Where the signed-in keep the register or their own CPD record.
            "is_officer": officer_organisations(request.user).exists(),
            "is_member": registrant_for_member(request.user) is not None,
        },
    )


def specialist(request):
    """The specialist registers (advocates, immigration practitioners): views of rights."""
    return render(request, "register/specialist.html", {"registers": specialist_registers()})


def detail(request, number: str):
    try:
        registrant = public_get(number, as_of=timezone.localdate())
    except Registrant.DoesNotExist as exc:
        raise Http404("No one with that number is on the register.") from exc
    return render(
        request,
        "register/detail.html",
        {
            "registrant": registrant,
            "standing": public_standing(registrant),
            "as_at": timezone.now(),
        },
    )


def _open_data_rows(as_at):
    """Every public item, a thousand at a time, in register order."""
    rows = public_search(PublicFilters(), as_of=timezone.localdate()).values()
    paginator = Paginator(rows, 1000)
    for number in paginator.page_range:
        page = list(paginator.page(number).object_list)
        yield from public_items(page, as_of=timezone.localdate(), as_at=as_at)


def _open_data_row(item: dict) -> list:
    """A public item as a row under OPEN_DATA_COLUMNS."""
    rights = "; ".join(
        f"{r['code']}" + (f" ({r['conditions']})" if r["conditions"] else "")
        for r in item["rights"]
    )
    findings = "; ".join(f"{f['date']}: {f['sanction']} ({f['summary']})" for f in item["findings"])
    return [
        item["number"],
        item["kind"],
        item["name"],
        item["category"] or "",
        item["status"],
        rights,
        item["entity"] or "",
        item["town"],
        findings,
        item["as_at"],
    ]


def open_data(request, fmt: str):
    """The whole public register, public fields only, for other registers to consume."""
    as_at = timezone.now()
    if fmt == "json":
        chunks = json_lines({"as_at": as_at.isoformat()}, "registrants", _open_data_rows(as_at))
    elif fmt == "csv":
        rows = (_open_data_row(item) for item in _open_data_rows(as_at))
        chunks = csv_lines(OPEN_DATA_COLUMNS, rows)
    else:
        raise Http404("No such format.")
    return download(chunks, fmt=fmt, filename=f"register.{fmt}")
