"""The schemes as pages anyone can read: what a practice right asks for, in the version in force
on a date, and each version as JSON."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from touchstone.rights.exports import scheme_json
from touchstone.rights.forms import SchemeOnForm
from touchstone.rights.rules.portfolio import examples_of
from touchstone.rights.selectors import UnknownScheme, scheme_codes, scheme_on, scheme_versions


def _versions(code: str):
    try:
        return scheme_versions(code)
    except UnknownScheme as exc:
        raise Http404("No such scheme") from exc


@require_GET
def scheme_list(request):
    today = timezone.localdate()
    schemes = []
    for code, name in scheme_codes():
        schemes.append({"code": code, "name": name, "in_force": scheme_on(code, today)})
    return render(request, "rights/schemes.html", {"schemes": schemes, "today": today})


@require_GET
def scheme_detail(request, scheme: str):
    versions = _versions(scheme)
    form = SchemeOnForm(request.GET or None)
    on = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["on"]:
        on = form.cleaned_data["on"]
    shown = scheme_on(scheme, on)
    return render(
        request,
        "rights/scheme.html",
        {
            "scheme": shown,
            "first": versions[0],
            "versions": list(reversed(versions)),
            "form": form,
            "on": on,
            "is_today": on == timezone.localdate(),
            "facts": dict(shown.facts) if shown else {},
            "examples": _example_counts(shown) if shown else None,
            "required_hours": f"{shown.required_hours:,}" if shown else "",
            "fees": _fees(dict(shown.facts).get("fees") or []) if shown else [],
        },
    )


def _example_counts(scheme) -> dict:
    def count(include_optional: bool) -> int:
        return sum(len(examples_of(c, include_optional)) for c in scheme.competencies)

    return {"compulsory": count(False), "with_optional": count(True)}


def _fees(fees: list[dict]) -> list[tuple[str, str]]:
    """(name, amount in words): amounts are kept in pence, null until published."""
    return [
        (
            fee["name"],
            "not yet published" if fee.get("amount") is None else f"£{fee['amount'] / 100:,.2f}",
        )
        for fee in fees
    ]


@require_GET
def scheme_export(request, scheme: str, version: str):
    found = next((v for v in _versions(scheme) if v.version == version), None)
    if found is None:
        raise Http404("No such version")
    response = HttpResponse(scheme_json(found), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{scheme}-{version}.json"'
    return response
