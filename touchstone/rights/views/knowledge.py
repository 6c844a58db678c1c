"""Step 1, technical knowledge (§12-16): the applicant's page (the route, the qualification
or the description, and the document), submitting it, and its document, which only the
applicant and the regulator's officers can download; the officer's decision on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from touchstone.core.services.uploads import upload_max_bytes
from touchstone.core.uploads import size_words
from touchstone.core.web import change_page, confirm_page, confirmed, posted, upload_response
from touchstone.rights import rules, services
from touchstone.rights.forms import KnowledgeDecisionForm, KnowledgeForm
from touchstone.rights.selectors import (
    accredited_for,
    knowledge_document_for,
    letters_of,
    scheme_today,
)
from touchstone.rights.views.applications import (
    CHANGED_ELSEWHERE,
    _application_or_404,
    _once,
    knowledge_summary,
    submit_confirmed,
)
from touchstone.rights.views.staff import _case_or_404


def _initial(found) -> dict:
    return {
        "route": found.knowledge_route,
        "qualification": found.knowledge_qualification,
        "description": found.knowledge_description,
        "version": found.version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def knowledge(request, pk: int):
    found = _application_or_404(request.user, pk)
    editable = found.knowledge_state in rules.EDITABLE
    here = reverse("rights:knowledge", args=[found.pk])
    context = {
        "application": found,
        "scheme": scheme_today(found.scheme),
        "letters": letters_of(found, step="knowledge"),
        "editable": editable,
        "can_reopen": any(
            m.action == "reopen" for m in rules.knowledge_moves(found.knowledge_state, "applicant")
        ),
        **knowledge_summary(found),
    }
    if not editable:
        if request.method == "POST":
            messages.error(request, "Your technical knowledge cannot be changed now.")
            return redirect(here)
        return render(request, "rights/knowledge.html", context)
    form = KnowledgeForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        qualifications=accredited_for(found),
        limit_words=size_words(upload_max_bytes()),
        initial=_initial(found),
    )
    return change_page(
        request,
        form=form,
        apply=lambda data: services.knowledge_evidence_set(
            acting_user=request.user,
            application=found,
            route=data["route"],
            qualification=data["qualification"],
            description=data["description"],
            file=data["document"],
            expected_version=data["version"],
        ),
        done="Saved. Submit it when it is complete.",
        success_url=here,
        template="rights/knowledge.html",
        context=context,
        stale=lambda exc: _stale(request, here),
    )


def _stale(request, here):
    messages.warning(request, CHANGED_ELSEWHERE.replace("the periods", "your answers"))
    return redirect(here)


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_submit(request, pk: int):
    found = _application_or_404(request.user, pk)
    back = reverse("rights:knowledge", args=[found.pk])
    if confirmed(request):
        return submit_confirmed(request, found, services.knowledge_submit, back)
    summary = knowledge_summary(found)
    if summary["missing"] or found.knowledge_state != "draft":
        for message in summary["missing"] or ["Your technical knowledge cannot be submitted now."]:
            messages.error(request, message)
        return redirect(back)
    rows = [{"key": "Route", "value": summary["route_words"], "href": back, "action": "Change"}]
    if found.knowledge_route == "accredited":
        rows.append({"key": "Qualification", "value": summary["qualification_name"]})
    else:
        rows.append({"key": "Your qualifications", "value": found.knowledge_description})
    rows.append({"key": "Document", "value": found.knowledge_document.original_name})
    return confirm_page(
        request,
        title="Submit your technical knowledge",
        caption="Technical knowledge",
        rows=rows,
        warning="Once submitted you cannot change your evidence unless an officer decides it "
        "does not meet the requirement.",
        confirm="Submit for assessment",
        cancel_url=back,
        fields={"version": str(found.version)},
    )


@login_required
@require_http_methods(["POST"])
def knowledge_reopen(request, pk: int):
    found = _application_or_404(request.user, pk)
    back = reverse("rights:knowledge", args=[found.pk])

    def reopen():
        services.knowledge_reopen(acting_user=request.user, application=found)
        messages.success(request, "You can change your evidence again, then submit it.")
        return redirect(back)

    return _once(request, reopen, back)


@login_required
def knowledge_document(request, pk: int, document):
    """The step 1 document, as a download: for the applicant and the regulator's officers;
    anyone else, and any other document, is told there is no such page."""
    found = knowledge_document_for(request.user, pk, document)
    if found is None:
        raise Http404("No such document")
    return upload_response(found.knowledge_document)


@login_required
@require_http_methods(["GET", "POST"])
def staff_knowledge_decide(request, pk: int):
    found = _case_or_404(request.user, pk)
    moves = rules.knowledge_moves(found.knowledge_state, "officer")
    form = KnowledgeDecisionForm(posted(request), moves=moves, initial={"version": found.version})
    case = reverse("rights:staff-case", args=[found.pk])
    context = {"application": found, "moves": moves, "back": case, **knowledge_summary(found)}
    return change_page(
        request,
        form=form,
        apply=lambda data: services.knowledge_decide(
            acting_user=request.user,
            application=found,
            action=data["action"],
            reasons=data["reasons"],
            expected_version=data["version"],
        ),
        done="Decision recorded; the applicant has been written to.",
        success_url=case,
        template="rights/staff_knowledge_decide.html",
        context=context,
        stale=lambda exc: _decided_elsewhere(request, found, form, case),
    )


def _decided_elsewhere(request, found, form, case):
    found.refresh_from_db()
    form.add_error(
        None,
        "Another officer changed this application while you were deciding: its technical "
        f"knowledge is now {rules.KNOWLEDGE_STATES[found.knowledge_state].lower()}. Read it "
        "again below before deciding.",
    )
    moves = rules.knowledge_moves(found.knowledge_state, "officer")
    return render(
        request,
        "rights/staff_knowledge_decide.html",
        {
            "application": found,
            "moves": moves,
            "form": form,
            "back": case,
            **knowledge_summary(found),
        },
        status=409,
    )
