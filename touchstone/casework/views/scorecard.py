"""The KPI scorecard page for the staff of an ombudsman (or, for conduct cases, a regulator):
each figure against its target for the year, in GOV.UK tables, and the same as CSV."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from touchstone.casework import exports
from touchstone.casework.filters import year_of
from touchstone.casework.forms import ScorecardForm
from touchstone.casework.models import SCHEME_ORGANISATION
from touchstone.casework.selectors import scorecard, targets_for
from touchstone.core.tabular import csv_lines, download
from touchstone.core.web import acts_for

SCHEME_OF_KIND = {kind: scheme for scheme, kind in SCHEME_ORGANISATION.items()}


def _default_period(today: date) -> tuple[date, date]:
    """The last complete target year (April to March)."""
    start = year_of(today) - 1
    return date(start, 4, 1), date(start + 1, 3, 31)


def _chosen(request) -> tuple[ScorecardForm, dict | None]:
    if not request.GET:
        start, end = _default_period(date.today())
        form = ScorecardForm(initial={"date_from": start, "date_to": end})
        return form, {"date_from": start, "date_to": end, "jurisdiction": ""}
    form = ScorecardForm(request.GET)
    return form, form.cleaned_data if form.is_valid() else None


def _card(request, chosen: dict) -> tuple[dict, dict]:
    organisation = request.acting_organisation
    card = scorecard(
        acting_user=request.user,
        organisation=organisation,
        date_from=chosen["date_from"],
        date_to=chosen["date_to"],
        jurisdiction=chosen["jurisdiction"] or None,
        scheme=SCHEME_OF_KIND[organisation.kind],
    )
    targets = targets_for(
        organisation=organisation,
        year=year_of(chosen["date_from"]),
        jurisdiction=chosen["jurisdiction"] or None,
    )
    return card, targets


@login_required
@acts_for("casework.view_scorecard", refuse=Http404)
def scorecard_page(request):
    form, chosen = _chosen(request)
    context = {"form": form, "organisation": request.acting_organisation}
    if chosen is not None:
        card, targets = _card(request, chosen)
        context |= {
            "card": card,
            "timeliness": exports.timeliness_rows(card, targets),
            "satisfaction": exports.satisfaction_rows(card, targets),
            "query": request.GET.urlencode(),
        }
    return render(request, "casework/scorecard.html", context)


@login_required
@acts_for("casework.view_scorecard", refuse=Http404)
def scorecard_csv(request):
    form, chosen = _chosen(request)
    if chosen is None:
        return render(
            request,
            "casework/scorecard.html",
            {"form": form, "organisation": request.acting_organisation},
            status=400,
        )
    card, targets = _card(request, chosen)
    rows = ([row[c] for c in exports.COLUMNS] for row in exports.scorecard_rows(card, targets))
    return download(csv_lines(exports.COLUMNS, rows), fmt="csv", filename="scorecard.csv")
