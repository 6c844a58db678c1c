"""An action's page: its progress, and (for editors) recording progress and changing it.

Both forms are sent once (their submission tokens); the edit names the version it was made
from, and an action changed since the page was opened gets the changed-record page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from touchstone.core.services import StaleVersion
from touchstone.core.writes import form_submit, stale_page
from touchstone.plans import rules
from touchstone.plans.forms import ActionEditForm, ProgressForm
from touchstone.plans.models import Action
from touchstone.plans.selectors import action_flags, action_get, stale_days
from touchstone.plans.services import action_update, progress_record


def _action_or_404(user, pk) -> Action:
    try:
        return action_get(user, pk=pk)
    except Action.DoesNotExist as exc:
        raise Http404("No such action.") from exc


def _record_progress(request, action: Action, data: dict):
    progress_record(
        acting_user=request.user,
        action=action,
        text=data["text"],
        recorded_on=data["recorded_on"],
        status=data["status"] or None,
        rag=data["rag"] or None,
    )
    messages.success(request, "Progress recorded.")
    return redirect("plans:action", pk=action.pk)


def _edit_action(request, action: Action, data: dict):
    changes = {k: v for k, v in data.items() if k != "version"}
    try:
        action_update(
            acting_user=request.user, action=action, expected_version=data["version"], **changes
        )
    except rules.RuleError as exc:
        raise ValidationError(str(exc)) from exc
    messages.success(request, "Action updated.")
    warning = rules.parse_due(data["due_text"]).warning
    if warning:
        messages.warning(request, f"The action has no due date: {warning}.")
    return redirect("plans:action", pk=action.pk)


def _edit_initial(action: Action) -> dict:
    """The edit form as the action stands (and the version it is a change of)."""
    return {
        "status": action.status,
        "rag": action.rag,
        "due_text": action.due_text,
        "leads_text": action.leads_text,
        "comment": action.comment,
        "version": action.version,
    }


@login_required
def action_detail(request, pk: int):
    action = _action_or_404(request.user, pk)
    can_edit = request.user.has_perm("plans.change_action", action)
    progress_form = ProgressForm(prefix="progress")
    edit_form = ActionEditForm(prefix="edit", initial=_edit_initial(action))
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("You cannot change this action.")
        if "edit-action" in request.POST:
            edit_form = ActionEditForm(request.POST, prefix="edit")
            try:
                response = form_submit(
                    request, edit_form, lambda data: _edit_action(request, action, data)
                )
            except StaleVersion as exc:
                return stale_page(
                    request,
                    error=exc,
                    form=edit_form,
                    current=_edit_initial(exc.current),
                    title=str(exc.current),
                    cancel_url=reverse("plans:action", args=[pk]),
                    submit="Save changes",
                    submit_name="edit-action",
                )
        else:
            progress_form = ProgressForm(request.POST, prefix="progress")
            response = form_submit(
                request, progress_form, lambda data: _record_progress(request, action, data)
            )
        if response is not None:
            return response
        action = _action_or_404(request.user, pk)  # as saved, not as the failed form left it
    flags = action_flags(action)
    return render(
        request,
        "plans/action_detail.html",
        {
            "action": action,
            "plan": action.plan,
            "progress_form": progress_form,
            "edit_form": edit_form,
            "has_errors": bool(progress_form.errors or edit_form.errors),
            "can_edit": can_edit,
            "updates": list(action.progress_updates.all()),
            "lead_people": list(action.lead_people.all()),
            "overdue": flags.overdue,
            "stale": flags.stale,
            "stale_days": stale_days(),
        },
    )
