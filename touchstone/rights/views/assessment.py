"""The officer's step 4 pages: the decision on a submitted application (approve, ask for more
information, refer to the committee; after a hearing, the committee's decision), and sending
the declarations again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from touchstone.core.web import change_page, confirm_page, confirmed, posted
from touchstone.rights import rules, services
from touchstone.rights.forms import ApplicationDecisionForm
from touchstone.rights.selectors import declarations_of, registrant_to_admit
from touchstone.rights.views.applications import _once
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


@login_required
@require_http_methods(["GET", "POST"])
def staff_declarations_send(request, pk: int):
    """Send the declarations not yet signed again (a link expired or went astray), through a
    confirmation page; the earlier links stop working."""
    found = _case_or_404(request.user, pk)
    case = reverse("rights:staff-case", args=[found.pk])
    waiting = [d for d in declarations_of(found) if d.current and d.state != "signed"]
    if confirmed(request):

        def send():
            services.declarations_send(acting_user=request.user, application=found)
            messages.success(request, "Declarations sent again; the earlier links stop working.")
            return redirect(case)

        return _once(request, send, case)
    return confirm_page(
        request,
        title="Send the declarations again?",
        caption=f"{found.applicant.get_full_name() or found.applicant.get_username()}",
        rows=[{"key": d.role_words, "value": f"{d.name}, {d.email}"} for d in waiting],
        warning="The links sent before stop working. A declaration already signed stays signed.",
        confirm="Send the declarations again",
        cancel_url=case,
        fields={},
    )
