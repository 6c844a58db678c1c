"""The officer's step 4 page: the decision on a submitted application (approve, ask for more
information, refer to the committee; after a hearing, the committee's decision)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from touchstone.core.web import change_page, posted
from touchstone.rights import rules, services
from touchstone.rights.forms import ApplicationDecisionForm
from touchstone.rights.selectors import registrant_to_admit
from touchstone.rights.views.staff import _case_or_404
from touchstone.rights.views.submission import submission_context


def _context(found) -> dict:
    return {
        **submission_context(found),
        "moves": rules.application_moves(found.application_state, "officer"),
        "registrant": registrant_to_admit(found),
    }


@login_required
@require_http_methods(["GET", "POST"])
def staff_application_decide(request, pk: int):
    found = _case_or_404(request.user, pk)
    context = _context(found)
    form = ApplicationDecisionForm(
        posted(request), moves=context["moves"], initial={"version": found.version}
    )
    case = reverse("rights:staff-case", args=[found.pk])
    return change_page(
        request,
        form=form,
        apply=lambda data: services.application_decide(
            acting_user=request.user,
            application=found,
            action=data["action"],
            reasons=data["reasons"],
            hearing_on=data["hearing_on"],
            information_due_on=data["information_due_on"],
            expected_version=data["version"],
        ),
        done="Decision recorded; the applicant has been written to.",
        success_url=case,
        template="rights/staff_application_decide.html",
        context={**context, "back": case},
        stale=lambda exc: _decided_elsewhere(request, found, form, case),
    )


def _decided_elsewhere(request, found, form, case):
    found.refresh_from_db()
    form.add_error(
        None,
        "Another officer changed this application while you were deciding: it is now "
        f"{rules.APPLICATION_STATES[found.application_state].lower()}. Read it again below "
        "before deciding.",
    )
    return render(
        request,
        "rights/staff_application_decide.html",
        {**_context(found), "form": form, "back": case},
        status=409,
    )
