"""An action's page: its progress, and (for editors) recording progress and changing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from touchstone.core.web import apply_form
from touchstone.plans import rules
from touchstone.plans.forms import ActionEditForm, ProgressForm
from touchstone.plans.models import Action
from touchstone.plans.selectors import action_get
from touchstone.plans.services import action_update, progress_record


def _action_or_404(user, pk) -> Action:
    try:
        return action_get(user, pk=pk)
    except Action.DoesNotExist as exc:
        raise Http404("No such action.") from exc


def _record_progress(request, action: Action, form: ProgressForm) -> bool:
    def apply(data):
        progress_record(
            acting_user=request.user,
            action=action,
            text=data["text"],
            recorded_on=data["recorded_on"],
            status=data["status"] or None,
            rag=data["rag"] or None,
        )

    if not apply_form(form, apply):
        return False
    messages.success(request, "Progress recorded.")
    return True


def _edit_action(request, action: Action, form: ActionEditForm) -> bool:
    def apply(data):
        try:
            action_update(acting_user=request.user, action=action, **data)
        except rules.RuleError as exc:
            raise ValidationError(str(exc)) from exc

    if not apply_form(form, apply):
        return False
    messages.success(request, "Action updated.")
    warning = rules.parse_due(form.cleaned_data["due_text"]).warning
    if warning:
        messages.warning(request, f"The action has no due date: {warning}.")
    return True


@login_required
def action_detail(request, pk: int):
    action = _action_or_404(request.user, pk)
    can_edit = request.user.has_perm("plans.change_action", action)
    progress_form = ProgressForm(prefix="progress")
    edit_form = ActionEditForm(
        prefix="edit",
        initial={
            "status": action.status,
            "rag": action.rag,
            "due_text": action.due_text,
            "leads_text": action.leads_text,
            "comment": action.comment,
        },
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("You cannot change this action.")
        if "edit-action" in request.POST:
            edit_form = ActionEditForm(request.POST, prefix="edit")
            done = _edit_action(request, action, edit_form)
        else:
            progress_form = ProgressForm(request.POST, prefix="progress")
            done = _record_progress(request, action, progress_form)
        if done:
            return redirect("plans:action", pk=action.pk)
        action = _action_or_404(request.user, pk)  # as saved, not as the failed form left it
    today = timezone.localdate()
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
            "overdue": rules.is_overdue(
                due_date=action.due_date, status=action.status, as_of=today
            ),
            "stale": rules.is_stale(
                last_progress_on=action.last_progress_on,
                created_on=action.created_at.date(),
                status=action.status,
                as_of=today,
            ),
        },
    )
