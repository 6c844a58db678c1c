"""A party's case through their emailed link, with no account: its status in plain words and
the next step, the messages both ways, evidence, a complaint about how it was handled, and
the closing survey. A link opens its own case only; one that no longer works says why."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from touchstone.casework import services
from touchstone.casework.forms_public import (
    EvidenceForm,
    MessageForm,
    NewLinkForm,
    ServiceComplaintForm,
    SurveyForm,
)
from touchstone.casework.selectors.public import (
    case_evidence,
    correspondence_for_complainant,
    party_link_for,
    public_status,
)
from touchstone.casework.services.links import SURVEY_PURPOSE, followed
from touchstone.core.inputs import client_ip
from touchstone.core.selectors import access_link_open
from touchstone.core.services import LinkRefused
from touchstone.core.web import link_page, posted, upload_response
from touchstone.core.writes import add_service_errors


def link_refused(request, exc: LinkRefused):
    status = 404 if exc.reason == "unknown" else 410
    return link_page(
        render(request, "casework/public/link_refused.html", {"message": str(exc)}, status=status)
    )


def _page(request, token: str, found, *, message_form=None, evidence_form=None, status=200):
    case = found.case
    context = {
        "case": case,
        "party": found.party,
        "token": token,
        "status": public_status(case),
        "correspondence": correspondence_for_complainant(case),
        "evidence": case_evidence(case),
        "message_form": message_form or MessageForm(),
        "evidence_form": evidence_form or EvidenceForm(),
        "service_complained": case.service_complaints.exists(),
    }
    return link_page(render(request, "casework/public/follow.html", context, status=status))


@never_cache
@require_http_methods(["GET", "POST"])
def follow(request, token: str):
    try:
        found = followed(token)
    except LinkRefused as exc:
        return link_refused(request, exc)
    if request.method == "GET":
        return _page(request, token, found)
    if "document" in request.FILES or "upload" in request.POST:
        form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.case_evidence_send(token=token, file=form.cleaned_data["document"])
            except ValidationError as exc:
                form.add_error("document", exc.messages)
            else:
                messages.success(request, "Your file has been added to your case.")
                return link_page(redirect("casework:follow", token=token))
        return _page(request, token, found, evidence_form=form, status=400)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.case_message_send(token=token, text=form.cleaned_data["text"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your message has been sent to your caseworker.")
            return link_page(redirect("casework:follow", token=token))
    return _page(request, token, found, message_form=form, status=400)


@never_cache
def follow_evidence(request, token: str, upload_id):
    """A document on the case, to the party whose link it is."""
    try:
        found = followed(token)
    except LinkRefused as exc:
        return link_refused(request, exc)
    item = get_object_or_404(case_evidence(found.case), upload_id=upload_id)
    return link_page(upload_response(item.upload))


@never_cache
@require_http_methods(["GET", "POST"])
def service_complaint(request, token: str):
    try:
        found = followed(token)
    except LinkRefused as exc:
        return link_refused(request, exc)
    form = ServiceComplaintForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.service_complaint_make(token=token, text=form.cleaned_data["text"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                "Your complaint about our service has been sent. Someone independent of your "
                "case will look at it and write to you.",
            )
            return link_page(redirect("casework:follow", token=token))
    context = {"form": form, "case": found.case, "token": token}
    status = 400 if request.method == "POST" else 200
    return link_page(
        render(request, "casework/public/service_complaint.html", context, status=status)
    )


@never_cache
@require_http_methods(["GET", "POST"])
def new_link(request):
    form = NewLinkForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.follow_link_renew(
            reference=form.cleaned_data["reference"], email=form.cleaned_data["email"]
        )
        return render(request, "casework/public/new_link_sent.html", {})
    status = 400 if request.method == "POST" else 200
    return render(request, "casework/public/new_link.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def survey(request, token: str):
    try:
        link = access_link_open(token, SURVEY_PURPOSE)
    except LinkRefused as exc:
        return link_refused(request, exc)
    found = party_link_for(link)
    form = SurveyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(
                token=token,
                outcome_satisfied=form.cleaned_data["outcome_satisfied"] == "yes",
                service_satisfied=form.cleaned_data["service_satisfied"] == "yes",
                ip_address=client_ip(request),
            )
        except LinkRefused as exc:
            return link_refused(request, exc)
        return link_page(render(request, "casework/public/survey_done.html", {}))
    context = {"form": form, "case": found.case}
    status = 400 if request.method == "POST" else 200
    return link_page(render(request, "casework/public/survey.html", context, status=status))
