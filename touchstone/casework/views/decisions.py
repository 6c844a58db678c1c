"""The decision on a case: the standard reasoned-determination form, the check of the answers
before it is recorded, and the decision letter; and the naming of a conduct case's panel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from touchstone.casework import services, staff_forms
from touchstone.casework.models import Decision
from touchstone.casework.selectors.casepage import case_actions
from touchstone.casework.selectors.schemes import scheme_data
from touchstone.casework.views.cases import CONCLUDED, staff_case_or_404
from touchstone.core.web import (
    change_page,
    changing_answers,
    confirm_page,
    confirmed,
    posted,
    upload_response,
)
from touchstone.core.writes import stale_page

TITLE = "Record the decision"


def _remedies(case, data: dict) -> list[dict]:
    every = [s["code"] for s in data["stages"]]
    return [r for r in data["remedies"] if case.stage in r.get("by", every)]


def _answers(form) -> list[dict]:
    rows = []
    for name, field in form.fields.items():
        if name == "version":
            continue
        value = form.cleaned_data.get(name)
        if hasattr(field, "choices") and not isinstance(value, bool):
            value = dict(field.choices).get(value, value) or "None"
        elif isinstance(value, bool):
            value = "Yes" if value else "No"
        elif hasattr(value, "strftime"):
            value = f"{value:%d %B %Y}"
        rows.append({"key": field.label, "value": value})
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def case_decide(request, pk: int):
    case = staff_case_or_404(request.user, pk)
    if not case_actions(request.user, case)["decide"]:
        if case.is_concluded:
            messages.error(request, CONCLUDED)
            return redirect("casework:staff-case", case.pk)
        raise PermissionDenied("You cannot decide this case at its stage.")
    data = scheme_data(case.scheme)
    remedies = _remedies(case, data)
    form = staff_forms.DecisionForm(
        posted(request),
        case=case,
        scheme=data,
        remedies=remedies,
        initial={"version": case.version},
    )
    url = reverse("casework:staff-case", args=[case.pk])
    context = {
        "case": case,
        "title": TITLE,
        "back": url,
        "guidelines": remedies if case.scheme == "conduct" else [],
        "panel": [seat.member for seat in case.panel_members.select_related("member")],
    }
    if confirmed(request):
        return change_page(
            request,
            form=form,
            apply=lambda d: services.case_decide(
                acting_user=request.user,
                case=case,
                allegation=d["allegation"],
                facts_found=d["facts_found"],
                findings=d["findings"],
                outcome=d["outcome"],
                remedy=d["remedy"],
                reasons=d["reasons"],
                decided_on=d["decided_on"],
                publish=d.get("publish", False),
                expected_version=d["version"],
            ),
            done="Decision recorded: the case is concluded and the letter sent.",
            success_url=url,
            template="casework/staff/decide.html",
            context=context,
            stale=lambda exc: stale_page(
                request,
                error=exc,
                form=form,
                current={"version": exc.current.version},
                title=TITLE,
                cancel_url=url,
                template="includes/form_fields.html",
            ),
        )
    if request.method == "POST" and not changing_answers(request) and form.is_valid():
        return confirm_page(
            request,
            title="Check your answers before recording the decision",
            caption=f"Case {case.reference}",
            rows=_answers(form),
            warning="Recording the decision concludes the case and sends the letter to the "
            "parties. After that it can be changed only by reopening the case, with a reason.",
            confirm=TITLE,
            cancel_url=url,
            can_change=True,
        )
    return render(request, "casework/staff/decide.html", {**context, "form": form})


@login_required
def decision_letter(request, pk: int, decision_pk: int):
    case = staff_case_or_404(request.user, pk)
    decision = Decision.objects.filter(case=case, pk=decision_pk, letter__isnull=False).first()
    if decision is None:
        raise Http404("No such letter")
    return upload_response(decision.letter)
