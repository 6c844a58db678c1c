"""The case page for the organisation's casework staff: the parties, the provider (linked to
its register entry where there is one), the timeline, the notes and requests for information,
and the actions the scheme allows at the case's stage. Each action is a page of its own: a
form carrying the case's version and a submission token, handed to one service."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from touchstone.casework import services, staff_forms
from touchstone.casework.models import Case, InformationRequest
from touchstone.casework.selectors import case_for_staff
from touchstone.casework.selectors.casepage import case_actions, case_page_context
from touchstone.core.web import change_page, posted
from touchstone.core.writes import stale_page

CONCLUDED = "The case is concluded: reopen it, with a reason, to change it."


def staff_case_or_404(user, pk: int) -> Case:
    try:
        return case_for_staff(user, pk=pk)
    except Case.DoesNotExist as exc:
        raise Http404("No such case") from exc


@login_required
def case_page(request, pk: int):
    case = staff_case_or_404(request.user, pk)
    return render(request, "casework/staff/case.html", case_page_context(request.user, case))


@dataclass(frozen=True)
class Action:
    title: str
    form: type
    apply: Callable  # (request, case, cleaned data) -> the service's call
    done: str
    intro: str = ""


def _initial(case: Case) -> dict:
    return {
        "version": case.version,
        "caseworker": case.caseworker_id,
        "complexity": case.complexity,
    }


def action_page(request, case: Case, name: str, action: Action, **form_kwargs):
    """The action's form page, offered only where the case page offers it: on a concluded
    case, back to the case with the reason; to someone the scheme does not let act, 403."""
    offered = case_actions(request.user, case)
    if not (offered["moves"] if name == "move" else offered[name]):
        if case.is_concluded and name != "reopen":
            messages.error(request, CONCLUDED)
            return redirect("casework:staff-case", case.pk)
        raise PermissionDenied("You cannot do that on this case.")
    if name == "move":
        form_kwargs["moves"] = offered["moves"]
    form = action.form(posted(request), case=case, initial=_initial(case), **form_kwargs)
    url = reverse("casework:staff-case", args=[case.pk])
    return change_page(
        request,
        form=form,
        apply=lambda data: action.apply(request, case, data),
        done=action.done,
        success_url=url,
        template="casework/staff/action.html",
        context={"case": case, "title": action.title, "intro": action.intro, "back": url},
        stale=lambda exc: stale_page(
            request,
            error=exc,
            form=form,
            current=_initial(exc.current),
            title=action.title,
            cancel_url=url,
            template="includes/form_fields.html",
        ),
    )


ACTIONS = {
    "assign": Action(
        "Assign the case",
        staff_forms.AssignForm,
        lambda r, c, d: services.case_assign(
            acting_user=r.user, case=c, caseworker=d["caseworker"], expected_version=d["version"]
        ),
        "Case assigned.",
    ),
    "accept": Action(
        "Accept the case",
        staff_forms.AcceptForm,
        lambda r, c, d: services.case_accept(
            acting_user=r.user, case=c, accepted_on=d["accepted_on"], expected_version=d["version"]
        ),
        "Case accepted: the timeliness clock has started.",
        "The time to conclude the case is counted from the date it is accepted.",
    ),
    "triage": Action(
        "Triage the case",
        staff_forms.TriageForm,
        lambda r, c, d: services.case_triage(
            acting_user=r.user,
            case=c,
            complexity=d["complexity"],
            reason=d["reason"],
            expected_version=d["version"],
        ),
        "Complexity saved.",
    ),
    "move": Action(
        "Move the case on",
        staff_forms.MoveForm,
        lambda r, c, d: services.case_transition(
            acting_user=r.user,
            case=c,
            to_stage=d["to_stage"],
            note=d["note"],
            expected_version=d["version"],
        ),
        "Case moved on.",
    ),
    "note": Action(
        "Add an investigation note",
        staff_forms.NoteForm,
        lambda r, c, d: services.case_note_add(
            acting_user=r.user, case=c, note=d["note"], expected_version=d["version"]
        ),
        "Note added.",
    ),
    "request": Action(
        "Request information",
        staff_forms.InformationRequestForm,
        lambda r, c, d: services.information_request(
            acting_user=r.user,
            case=c,
            party=d["party"],
            asked=d["asked"],
            due_on=d["due_on"],
            expected_version=d["version"],
        ),
        "Information requested.",
        "You are reminded before it falls due; a party with an email address is sent the "
        "request, and a reminder, by email.",
    ),
    "panel": Action(
        "Add a panel member",
        staff_forms.PanelMemberForm,
        lambda r, c, d: services.panel_member_add(
            acting_user=r.user, case=c, member=d["member"], expected_version=d["version"]
        ),
        "Panel member added.",
        "No member of the regulator's board or the professional body's council may sit on "
        "the panel.",
    ),
    "reopen": Action(
        "Reopen the case",
        staff_forms.ReopenForm,
        lambda r, c, d: services.case_reopen(
            acting_user=r.user, case=c, reason=d["reason"], expected_version=d["version"]
        ),
        "Case reopened.",
        "The outcome and the date concluded are cleared; the reason is kept on the timeline.",
    ),
}


def _action_view(name: str):
    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request, pk: int):
        return action_page(request, staff_case_or_404(request.user, pk), name, ACTIONS[name])

    view.__name__ = f"case_{name}"
    return view


case_assign = _action_view("assign")
case_accept = _action_view("accept")
case_triage = _action_view("triage")
case_move = _action_view("move")
case_note = _action_view("note")
case_request = _action_view("request")
case_reopen = _action_view("reopen")
case_panel = _action_view("panel")

RECEIVED = Action(
    "Record the information received",
    staff_forms.InformationReceivedForm,
    lambda r, c, d: services.information_received(
        acting_user=r.user,
        request=d["request"],
        received_on=d["received_on"],
        note=d["note"],
        expected_version=d["version"],
    ),
    "Information recorded as received.",
)


@login_required
@require_http_methods(["GET", "POST"])
def case_information_received(request, pk: int, request_pk: int):
    case = staff_case_or_404(request.user, pk)
    asked = InformationRequest.objects.filter(case=case, pk=request_pk).first()
    if asked is None:
        raise Http404("No such request")
    action = Action(
        RECEIVED.title,
        RECEIVED.form,
        lambda r, c, d: RECEIVED.apply(r, c, {**d, "request": asked}),
        RECEIVED.done,
        f"Asked of {asked.party.name}: {asked.asked}",
    )
    return action_page(request, case, "request", action)
