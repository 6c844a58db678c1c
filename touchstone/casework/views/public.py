"""The web complaint form, one question per page: the draft lives in the database and this
browser's session holds only which draft it is, so an emailed link can bring it back in any
browser. Every page can be changed from "check your answers"; sending it makes the case once."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from touchstone.casework import services
from touchstone.casework.forms_public import (
    ComplainedFirstForm,
    EmailForm,
    EvidenceForm,
    ForWhomForm,
    OutcomeForm,
    ProviderForm,
    WhatHappenedForm,
    YouForm,
)
from touchstone.casework.models import ComplaintDraft
from touchstone.casework.rules.complaints import PAGE_NAMES, next_page
from touchstone.casework.selectors import scheme_data
from touchstone.casework.selectors.public import (
    complaint_organisation,
    draft_evidence,
    open_draft,
    provider_on_register,
    providers_matching,
)
from touchstone.casework.views.answers import check_rows
from touchstone.casework.views.follow import link_refused
from touchstone.core.inputs import client_ip
from touchstone.core.selectors import access_link_open
from touchstone.core.services import LinkRefused
from touchstone.core.web import link_page, posted

DRAFT_KEY = "casework.draft"
OMBUDSMAN_KEY = "casework.ombudsman"
FORMS = {
    "you": YouForm,
    "for-whom": ForWhomForm,
    "what-happened": WhatHappenedForm,
    "complained-first": ComplainedFirstForm,
    "outcome": OutcomeForm,
}
ORDER = ("you", "for-whom", "provider", "what-happened", "complained-first", "outcome")


def _draft(request) -> ComplaintDraft | None:
    return open_draft(request.session.get(DRAFT_KEY))


def _remedies() -> list[tuple[str, str]]:
    return [(r["code"], r["name"]) for r in scheme_data("ombudsman")["remedies"]]


def _url(page: str) -> str:
    return reverse("casework:complain-page", args=[page])


def _after(request, page: str, answers: dict) -> str:
    """Where a page answered goes: to save for later, the ombudsman's rules on complaining
    first, back to check your answers, or the next question."""
    if "save_later" in request.POST:
        return reverse("casework:complain-save")
    if page == "complained-first" and answers.get("complained_first") == "no":
        return reverse("casework:complain-rules")
    if request.GET.get("change"):
        return reverse("casework:complain-check")
    following = ORDER[ORDER.index(page) + 1] if page != ORDER[-1] else "evidence"
    if following == "provider":
        return reverse("casework:complain-provider")
    if following == "evidence":
        return reverse("casework:complain-evidence")
    return _url(following)


def _back(page: str) -> str:
    index = ORDER.index(page)
    if index == 0:
        return reverse("casework:complain")
    before = ORDER[index - 1]
    return reverse("casework:complain-provider") if before == "provider" else _url(before)


def start(request, organisation: str | None = None):
    ombudsman = complaint_organisation(organisation)
    if organisation is not None:
        request.session[OMBUDSMAN_KEY] = ombudsman.slug
    return render(request, "casework/public/start.html", {"ombudsman": ombudsman})


def _save(request, draft, page: str, answers: dict):
    organisation = complaint_organisation(request.session.get(OMBUDSMAN_KEY))
    draft = services.complaint_page_save(
        organisation=organisation, draft=draft, page=page, answers=answers
    )
    request.session[DRAFT_KEY] = draft.pk
    return redirect(_after(request, page, answers))


@never_cache
@require_http_methods(["GET", "POST"])
def question(request, page: str):
    if page not in FORMS:
        return redirect("casework:complain")
    draft = _draft(request)
    if draft is None and page != "you":
        return redirect("casework:complain")
    extra = {"remedies": _remedies()} if page == "outcome" else {}
    form_class = FORMS[page]
    stored = draft.answers.get(page, {}) if draft else {}
    form = form_class(posted(request), initial=form_class.initial_from(stored), **extra)
    if request.method == "POST" and form.is_valid():
        return _save(request, draft, page, form.answers())
    return render(
        request,
        "casework/public/question.html",
        {"form": form, "title": PAGE_NAMES[page], "back": _back(page), "page": page},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def provider(request):
    draft = _draft(request)
    if draft is None:
        return redirect("casework:complain")
    today = timezone.localdate()
    q = request.GET.get("q", "").strip()[:200]
    chosen = provider_on_register(request.POST.get("number", ""), as_of=today)
    found = [chosen] if chosen else providers_matching(q, as_of=today)
    choices = [(r.number, f"{r.name} ({r.number})") for r in found]
    stored = draft.answers.get("provider", {})
    form = ProviderForm(posted(request), initial=stored, choices=choices)
    if request.method == "POST" and form.is_valid():
        unregulated = "" if chosen else form.cleaned_data["unregulated_name"].strip()
        if chosen or unregulated:
            answers = {
                "number": chosen.number if chosen else "",
                "name": chosen.name if chosen else unregulated,
                "unregulated_name": unregulated,
            }
            return _save(request, draft, "provider", answers)
        form.add_error(None, "Choose the lawyer or firm from the search results again")
    template = "casework/public/provider.html"
    if request.headers.get("HX-Request") and request.method == "GET":
        template = "casework/public/_provider_results.html"
    context = {"form": form, "q": q, "searched": bool(q), "back": _url("for-whom")}
    context["stored"] = stored
    return render(request, template, context, status=400 if request.method == "POST" else 200)


@never_cache
def rules_page(request):
    if _draft(request) is None:
        return redirect("casework:complain")
    return render(
        request, "casework/public/complain_first.html", {"back": _url("complained-first")}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def evidence(request):
    draft = _draft(request)
    if draft is None:
        return redirect("casework:complain")
    form = EvidenceForm()
    status = 200
    if request.method == "POST" and "upload" in request.POST:
        form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.complaint_evidence_add(draft=draft, file=form.cleaned_data["document"])
            except ValidationError as exc:
                form.add_error("document", exc.messages)
            else:
                return redirect("casework:complain-evidence")
        status = 400
    elif request.method == "POST":
        if "save_later" in request.POST:
            return redirect("casework:complain-save")
        return redirect("casework:complain-check")
    context = {"form": form, "evidence": draft_evidence(draft), "back": _url("outcome")}
    return render(request, "casework/public/evidence.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    draft = ComplaintDraft.objects.filter(pk=request.session.get(DRAFT_KEY)).first()
    if draft is None:
        return redirect("casework:complain")
    if draft.is_submitted:
        return redirect("casework:complain-sent")
    missing = next_page(draft.answers)
    if missing != "check":
        return redirect("casework:complain-provider" if missing == "provider" else _url(missing))
    errors = []
    if request.method == "POST":
        number = draft.answers["provider"].get("number", "")
        registrant = provider_on_register(number, as_of=timezone.localdate())
        try:
            services.complaint_submit(draft=draft, provider=registrant)
        except ValidationError as exc:
            errors = exc.messages
        else:
            return redirect("casework:complain-sent")
    context = {"rows": check_rows(draft.answers), "evidence": draft_evidence(draft)}
    context["errors"] = errors
    return render(request, "casework/public/check.html", context)


@never_cache
def sent(request):
    draft = ComplaintDraft.objects.filter(pk=request.session.get(DRAFT_KEY)).first()
    if draft is None or not draft.is_submitted:
        return redirect("casework:complain")
    return render(request, "casework/public/sent.html", {"case": draft.case, "draft": draft})


@never_cache
@require_http_methods(["GET", "POST"])
def save_for_later(request):
    draft = _draft(request)
    if draft is None:
        return redirect("casework:complain")
    email = draft.answers.get("you", {}).get("email", "")
    form = EmailForm(posted(request), initial={"email": email})
    if request.method == "POST" and form.is_valid():
        services.complaint_save_for_later(draft=draft, email=form.cleaned_data["email"])
        context = {"email": form.cleaned_data["email"], "days": services.complaints.DRAFT_LINK_DAYS}
        return render(request, "casework/public/saved.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "casework/public/save.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def come_back(request, token: str):
    """The emailed link opens a page with one button, so a mail scanner following the link
    does not spend it; the button spends it and brings the draft back to this browser."""
    if request.method == "POST":
        try:
            draft = services.complaint_resume(token=token, ip_address=client_ip(request))
        except LinkRefused as exc:
            return link_refused(request, exc)
        except ValidationError:
            return link_refused(request, LinkRefused("used"))
        request.session[DRAFT_KEY] = draft.pk
        page = next_page(draft.answers)
        if page == "check":
            return redirect("casework:complain-check")
        return redirect("casework:complain-provider" if page == "provider" else _url(page))
    try:
        access_link_open(token, services.complaints.DRAFT_PURPOSE)
    except LinkRefused as exc:
        return link_refused(request, exc)
    return link_page(render(request, "casework/public/come_back.html", {}))
