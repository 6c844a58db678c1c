"""The supervisor's reference: the applicant asks for it (or withdraws the request) from the
qualifying-experience page; the supervisor gives it through the emailed link, with no account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from touchstone.core.inputs import client_ip
from touchstone.core.selectors import access_link_open
from touchstone.core.services import LinkRefused
from touchstone.core.web import change_page, confirm_page, confirmed, link_page, posted
from touchstone.core.writes import add_service_errors
from touchstone.rights import services
from touchstone.rights.forms import ReferenceGiveForm, ReferenceRequestForm
from touchstone.rights.selectors import (
    open_reference,
    reference_for_link,
    reference_terms_for,
    scheme_today,
)
from touchstone.rights.services.references import PURPOSE
from touchstone.rights.views.applications import _application_or_404, _once


@login_required
@require_http_methods(["GET", "POST"])
def reference_request(request, pk: int):
    found = _application_or_404(request.user, pk)
    # Asked for step 2, or (§62) anew for the application once the experience is confirmed.
    page = "rights:submission" if found.experience_state == "met" else "rights:experience"
    back = reverse(page, args=[found.pk])
    form = ReferenceRequestForm(posted(request))
    waiting = open_reference(found)
    return change_page(
        request,
        form=form,
        apply=lambda data: services.reference_request(
            acting_user=request.user, application=found, name=data["name"], email=data["email"]
        ),
        done="We have emailed your supervisor a link to give the reference. We will tell you "
        "when they have.",
        success_url=back,
        template="rights/reference_request.html",
        context={
            "application": found,
            "back": back,
            "waiting": waiting,
            "terms": reference_terms_for(found),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reference_withdraw(request, pk: int, reference_pk: int):
    found = _application_or_404(request.user, pk)
    reference = found.references.filter(pk=reference_pk, state="invited").first()
    if reference is None:
        raise Http404("No such request")
    back = reverse("rights:experience", args=[found.pk])
    if confirmed(request):

        def withdraw():
            services.reference_withdraw(acting_user=request.user, reference=reference)
            messages.success(request, "Request withdrawn: the link no longer works.")
            return redirect(back)

        return _once(request, withdraw, back)
    return confirm_page(
        request,
        title="Withdraw the request for a reference?",
        caption="Qualifying experience",
        rows=[
            {"key": "Supervisor", "value": reference.supervisor_name},
            {"key": "Email", "value": reference.supervisor_email},
        ],
        warning="The link we emailed them will stop working.",
        confirm="Withdraw the request",
        button_class="govuk-button--warning",
        cancel_url=back,
        fields={},
    )


_private = link_page  # a page opened from an emailed link (core.web)


def _refused(request, exc: LinkRefused):
    status = 404 if exc.reason == "unknown" else 410
    return _private(
        render(request, "rights/reference_refused.html", {"message": str(exc)}, status=status)
    )


@never_cache
@require_http_methods(["GET", "POST"])
def reference_give(request, token: str):
    try:
        link = access_link_open(token, PURPOSE)
    except LinkRefused as exc:
        return _refused(request, exc)
    reference = reference_for_link(link)
    application = reference.application
    terms = reference_terms_for(application)
    form = ReferenceGiveForm(posted(request), terms=terms)
    if request.method == "POST" and form.is_valid():
        try:
            services.reference_give(token=token, ip_address=client_ip(request), **form.answers())
        except LinkRefused as exc:
            return _refused(request, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _private(redirect("rights:reference-given"))
    applicant = application.applicant.get_full_name() or application.applicant.get_username()
    return _private(
        render(
            request,
            "rights/reference_give.html",
            {
                "form": form,
                "reference": reference,
                "applicant": applicant,
                "regulator": application.regulator,
                "scheme": scheme_today(application.scheme),
                "terms": terms,
                "expires_at": link.expires_at,
            },
            status=400 if request.method == "POST" else 200,
        )
    )


@never_cache
def reference_given(request):
    return _private(render(request, "rights/reference_given.html"))
