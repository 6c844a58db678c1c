"""The applicant's step 4 pages (§58-64): the application as it stands (what it still needs,
the form, the reference and letter that go with it, the fee, the declarations, the decision),
the form, submitting it, and sending the further information an officer asks for."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from touchstone.core.dates import date_in_words
from touchstone.core.selectors import invoices_for
from touchstone.core.web import change_page, confirm_page, confirmed, posted
from touchstone.rights import rules, services
from touchstone.rights.forms import ApplicationForm, ResubmitForm
from touchstone.rights.selectors import (
    application_needs,
    declarations_of,
    given_reference,
    letters_of,
    portfolio_check,
    scheme_on,
    scheme_today,
)
from touchstone.rights.services.declarations import is_application_fee
from touchstone.rights.views.applications import _application_or_404, submit_confirmed

NEED_LINKS = {  # where each need is put right
    "FORM_INCOMPLETE": "rights:submission-form",
    "KNOWLEDGE_NOT_MET": "rights:knowledge",
    "EXPERIENCE_NOT_MET": "rights:experience",
    "PORTFOLIO_INCOMPLETE": "rights:portfolio",
    "REFERENCE_MISSING": "rights:reference-request",
    "REFERENCE_TOO_OLD": "rights:reference-request",
}


def form_rows(found) -> list[dict]:
    """The form's answers as summary rows, in the form's order."""
    answers = found.form_answers
    rows = []
    for q in rules.APPLICATION_FORM:
        value = answers.get(q.code, "")
        if q.code == "character_details" and answers.get("character") != "yes":
            continue
        if q.kind == "yes_no":
            value = {"yes": "Yes", "no": "No"}.get(value, "")
        rows.append({"key": q.label, "value": value or "Not answered"})
    return rows


def submission_context(found) -> dict:
    on = found.application_submitted_on or timezone.localdate()
    scheme = scheme_on(found.scheme, on) or scheme_today(found.scheme)
    check = portfolio_check(found, as_of=on)
    needs = application_needs(found, on=on, check=check)
    return {
        "application": found,
        "scheme": scheme,
        "state": rules.APPLICATION_STATES[found.application_state],
        "on": on,
        "check": check,
        "needs": [{"need": n, "href": reverse(NEED_LINKS[n.code], args=[found.pk])} for n in needs],
        "form_rows": form_rows(found),
        "reference": found.application_reference or given_reference(found),
        "experience_letter": found.experience_letter
        or letters_of(found, step="experience").filter(decision="meets").first(),
        "letters": letters_of(found, step="application"),
        "declarations": declarations_of(found),
        # Step 4's fee only: step 2's invoice may have been raised on the same day.
        "invoices": [
            i
            for i in invoices_for(found)
            if found.application_submitted_on and is_application_fee(found, i)
        ],
        "editable": found.application_state in rules.PORTFOLIO_EDITABLE,
        "can_submit": found.application_state == "draft" and not needs,
        "can_resubmit": found.application_state == "information_requested",
    }


@login_required
def submission(request, pk: int):
    found = _application_or_404(request.user, pk)
    return render(request, "rights/submission.html", submission_context(found))


@login_required
@require_http_methods(["GET", "POST"])
def submission_form(request, pk: int):
    found = _application_or_404(request.user, pk)
    back = reverse("rights:submission", args=[found.pk])
    form = ApplicationForm(
        posted(request), initial={**found.form_answers, "version": found.version}
    )
    return change_page(
        request,
        form=form,
        apply=lambda data: services.application_form_save(
            acting_user=request.user,
            application=found,
            answers=form.answers(),
            expected_version=data["version"],
        ),
        done="Application form saved.",
        success_url=back,
        template="rights/submission_form.html",
        context={"application": found, "back": back, "scheme": scheme_today(found.scheme)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_submit(request, pk: int):
    found = _application_or_404(request.user, pk)
    back = reverse("rights:submission", args=[found.pk])
    if confirmed(request):
        return submit_confirmed(
            request,
            found,
            services.application_submit,
            back,
            done="Submitted. We will send you the invoice for the fee, then the declarations "
            "to sign.",
        )
    context = submission_context(found)
    reference = context["reference"]
    letter = context["experience_letter"]
    rows = [
        {"key": "Portfolio", "value": f"{context['check']['provided_examples']} examples"},
        {
            "key": "Supervisor's reference",
            "value": f"{reference.supervisor_name}, given "
            f"{date_in_words(timezone.localdate(reference.given_at))}"
            if reference
            else "None yet",
        },
        {
            "key": "Letter confirming your qualifying experience",
            "value": letter.upload.original_name if letter else "Not found",
        },
    ]
    return confirm_page(
        request,
        title="Submit your application",
        caption=context["scheme"].name,
        rows=rows,
        warning="Once submitted you cannot change your portfolio unless we ask for further "
        "information. A non-refundable assessment fee is charged (handbook §60).",
        notes=[f"Checked against version {context['scheme'].version} of the scheme."],
        confirm="Submit my application",
        cancel_url=back,
        fields={"version": str(found.version)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def submission_resubmit(request, pk: int):
    found = _application_or_404(request.user, pk)
    back = reverse("rights:submission", args=[found.pk])
    form = ResubmitForm(posted(request), initial={"version": found.version})
    return change_page(
        request,
        form=form,
        apply=lambda data: services.application_resubmit(
            acting_user=request.user,
            application=found,
            note=data["note"],
            expected_version=data["version"],
        ),
        done="Sent. We will assess your application again and write to you.",
        success_url=back,
        template="rights/submission_resubmit.html",
        context={"application": found, "back": back, "reasons": found.application_reasons},
    )
