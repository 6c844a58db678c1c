"""The officers' pages: applications by state and age, and a case with its checks, history
and the decision on qualifying experience (§26-28)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from touchstone.core.selectors import invoices_for
from touchstone.core.web import acts_for, change_page, posted
from touchstone.rights import rules, services
from touchstone.rights.filters import ApplicationFilters
from touchstone.rights.forms import DecisionForm, PaymentForm
from touchstone.rights.rules import queue
from touchstone.rights.selectors import (
    application_for,
    applications_for_officer,
    declarations_of,
    experience_check,
    letters_of,
    portfolio_check,
    references_of,
    scheme_on,
    scheme_today,
)
from touchstone.rights.selectors.applications import officer_queue_counts, queue_row
from touchstone.rights.views.applications import knowledge_summary, period_rows
from touchstone.rights.views.submission import form_rows

DECIDE = "rights.decide_application"


def _case_or_404(user, pk: int):
    found = application_for(user, pk)
    if found is None or not user.has_perm(DECIDE, found):
        raise Http404("No such application")
    return found


QUEUE_PAGE = 50


def _sort_url(request, sort: str) -> str:
    query = request.GET.copy()
    query["sort"] = sort
    query.pop("page", None)
    return f"?{query.urlencode()}"


@login_required
@acts_for(DECIDE, refuse=Http404)
def staff_list(request):
    filters = ApplicationFilters(request.GET or None, request=request)
    if filters.is_bound and not filters.is_valid():
        filters = ApplicationFilters(None, request=request)  # an unknown state: show them all
    chosen = filters.form.cleaned_data if filters.is_bound else {}
    state, sort = chosen.get("state", ""), chosen.get("sort", "") or queue.DEFAULT_SORT
    shown = filters.qs if filters.is_bound else applications_for_officer(request.user)
    page = Paginator(shown, QUEUE_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    counts = officer_queue_counts(request.user)
    steps = [
        {
            "name": name,
            "states": [
                {
                    "value": queue.state_value(step, code),
                    "label": label,
                    "count": counts[step][code],
                    "current": queue.state_value(step, code) == state,
                }
                for code, label in queue.STEP_STATES[step].items()
            ],
        }
        for step, name in queue.STEPS.items()
    ]
    columns = {
        column: {
            "url": _sort_url(request, queue.next_sort(column, sort)),
            "aria_sort": queue.aria_sort(column, sort),
        }
        for column in ("name", "age")
    }
    return render(
        request,
        "rights/staff_list.html",
        {
            "form": filters.form,
            "page": page,
            "rows": [queue_row(a, as_of=today) for a in page.object_list],
            "steps": steps,
            "state": state,
            "sort_words": queue.SORTS[sort].lower(),
            "columns": columns,
            "filtered": bool(state or chosen.get("waiting")),
            "total": sum(counts["experience"].values()),
        },
    )


def _case_context(found) -> dict:
    as_of = found.experience_submitted_on or timezone.localdate()
    return {
        "application": found,
        "periods": period_rows(found, scheme_on(found.scheme, as_of) or scheme_today(found.scheme)),
        "check": experience_check(found, as_of=as_of),
        "as_of": as_of,
        "references": references_of(found),
        "knowledge_letters": letters_of(found, step="knowledge"),
        "experience_letters": letters_of(found, step="experience"),
        "portfolio": portfolio_check(found, as_of=timezone.localdate()),
        "invoices": list(invoices_for(found)),
        "state": rules.EXPERIENCE_STATES[found.experience_state],
        "moves": rules.experience_moves(found.experience_state, "officer"),
        "knowledge_moves": rules.knowledge_moves(found.knowledge_state, "officer"),
        "application_state": rules.APPLICATION_STATES[found.application_state],
        "application_moves": rules.application_moves(found.application_state, "officer"),
        "application_letters": letters_of(found, step="application"),
        "declarations": declarations_of(found),
        "form_rows": form_rows(found),
        **knowledge_summary(found),
    }


@login_required
def staff_case(request, pk: int):
    found = _case_or_404(request.user, pk)
    return render(request, "rights/staff_case.html", _case_context(found))


@login_required
@require_http_methods(["GET", "POST"])
def staff_decide(request, pk: int):
    found = _case_or_404(request.user, pk)
    context = _case_context(found)
    form = DecisionForm(posted(request), moves=context["moves"], initial={"version": found.version})
    case = reverse("rights:staff-case", args=[found.pk])
    return change_page(
        request,
        form=form,
        apply=lambda data: services.experience_decide(
            acting_user=request.user,
            application=found,
            action=data["action"],
            reasons=data["reasons"],
            hearing_on=data["hearing_on"],
            expected_version=data["version"],
        ),
        done="Decision recorded; the applicant has been written to.",
        success_url=case,
        template="rights/staff_decide.html",
        context={**context, "back": case},
        stale=lambda exc: _decided_elsewhere(request, found, form, context, case),
    )


def _decided_elsewhere(request, found, form, context, case):
    found.refresh_from_db()
    form.add_error(
        None,
        "Another officer changed this application while you were deciding: it is now "
        f"{rules.EXPERIENCE_STATES[found.experience_state].lower()}. Read it again below "
        "before deciding.",
    )
    fresh = _case_context(found)
    return render(
        request,
        "rights/staff_decide.html",
        {**fresh, "form": form, "back": case},
        status=409,
    )


@login_required
@require_http_methods(["GET", "POST"])
def staff_payment(request, pk: int, invoice_pk: int):
    found = _case_or_404(request.user, pk)
    invoice = invoices_for(found).filter(pk=invoice_pk, paid_on__isnull=True).first()
    if invoice is None:
        raise Http404("No such unpaid invoice")
    case = reverse("rights:staff-case", args=[found.pk])
    form = PaymentForm(posted(request))
    return change_page(
        request,
        form=form,
        apply=lambda data: services.fee_payment_record(
            acting_user=request.user,
            application=found,
            invoice=invoice,
            paid_on=data["paid_on"],
            reference=data["reference"],
        ),
        done=f"Payment of invoice {invoice.number} recorded; the applicant has been told.",
        success_url=case,
        template="rights/staff_payment.html",
        context={"application": found, "invoice": invoice, "back": case},
    )
