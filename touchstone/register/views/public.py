"""Public register pages: search, detail, specialist registers and open data (no sign-in)."""

import csv
import io
import json

from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from touchstone.register.forms import PublicSearchForm
from touchstone.register.models import Registrant
from touchstone.register.selectors import (
    BadFilter,
    PublicFilters,
    officer_organisations,
    public_get,
    public_items,
    public_search,
    registrant_for_member,
    specialist_registers,
    status_line,
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
    form = PublicSearchForm(request.GET or None)
    page = None
    if form.is_bound and form.is_valid() and any(form.cleaned_data.values()):
        try:
            results = public_search(PublicFilters(**form.cleaned_data), as_of=timezone.localdate())
        except BadFilter as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            page = Paginator(results, 25).get_page(request.GET.get("page"))
            for registrant in page.object_list:
                registrant.status_line = status_line(registrant)
    return render(
        request,
        "register/search.html",
        {
            "form": form,
            "page": page,
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
        {"registrant": registrant, "status_line": status_line(registrant), "as_at": timezone.now()},
    )


def _open_data_rows(as_at):
    """Every public item, a thousand at a time, in register order."""
    rows = public_search(PublicFilters(), as_of=timezone.localdate()).values()
    paginator = Paginator(rows, 1000)
    for number in paginator.page_range:
        page = list(paginator.page(number).object_list)
        yield from public_items(page, as_of=timezone.localdate(), as_at=as_at)


def open_data(request, fmt: str):
    """The whole public register, public fields only, for other registers to consume."""
    as_at = timezone.now()
    if fmt == "json":

        def stream():
            yield json.dumps({"as_at": as_at.isoformat()})[:-1] + ', "registrants": ['
            for i, item in enumerate(_open_data_rows(as_at)):
                yield ("," if i else "") + json.dumps(item)
            yield "]}"

        response = StreamingHttpResponse(stream(), content_type="application/json")
    elif fmt == "csv":

        def stream():
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(OPEN_DATA_COLUMNS)
            for item in _open_data_rows(as_at):
                writer.writerow(
                    [
                        item["number"],
                        item["kind"],
                        item["name"],
                        item["category"] or "",
                        item["status"],
                        "; ".join(
                            f"{r['code']}" + (f" ({r['conditions']})" if r["conditions"] else "")
                            for r in item["rights"]
                        ),
                        item["entity"] or "",
                        item["town"],
                        "; ".join(
                            f"{f['date']}: {f['sanction']} ({f['summary']})"
                            for f in item["findings"]
                        ),
                        item["as_at"],
                    ]
                )
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
            yield buffer.getvalue()

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    else:
        raise Http404("No such format.")
    response["Content-Disposition"] = f'attachment; filename="register.{fmt}"'
    return response
