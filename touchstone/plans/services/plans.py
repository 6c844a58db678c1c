"""Every write to plans: keyword-only, takes the acting user, atomic, audited.

`acting_user=None` is a trusted system caller (the CLI, demo data, a task); the web UI and the
API always pass the signed-in user, whose permission is checked here.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from touchstone.core.models import Organisation
from touchstone.core.permissions import require_perm
from touchstone.core.selectors import people_with_initials
from touchstone.core.services import (
    audit_record,
    deadline_close,
    deadline_set,
    lock_for_change,
    snapshot,
    version_bump,
)
from touchstone.plans import rules
from touchstone.plans.models import Action, Area, KeyAim, KeyTarget, Plan, ProgressUpdate
from touchstone.plans.services.audit import AuditAction

ACTION_DEADLINE = "plans.action"
ACTION_FIELDS = [
    "ref",
    "text",
    "due_text",
    "due_date",
    "recurring",
    "leads_text",
    "leads",
    "status",
    "rag",
    "comment",
]
CLOSED_STATUSES = {"complete", "deferred"}


@transaction.atomic
def plan_create(
    *,
    acting_user,
    organisation: Organisation,
    title: str,
    kind: str,
    period: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
    summary: str = "",
) -> Plan:
    require_perm(acting_user, "plans.add_plan", organisation)
    plan = Plan(
        organisation=organisation,
        title=title.strip(),
        kind=kind,
        period=period,
        starts_on=starts_on,
        ends_on=ends_on,
        summary=summary,
    )
    plan.full_clean()
    plan.save()
    audit_record(actor=acting_user, action=AuditAction.CREATE, obj=plan, after=snapshot(plan))
    return plan


@transaction.atomic
def area_add(*, acting_user, plan: Plan, name: str, aims: list[str] | None = None) -> Area:
    require_perm(acting_user, "plans.change_plan", plan)
    area = Area(plan=plan, name=name.strip(), position=plan.areas.count() + 1)
    area.full_clean()
    area.save()
    for position, text in enumerate(aims or [], start=1):
        KeyAim.objects.create(area=area, position=position, text=text)
    audit_record(
        actor=acting_user,
        action=AuditAction.ADD_AREA,
        obj=plan,
        after={"area": area.name, "aims": aims or []},
    )
    return area


@transaction.atomic
def target_add(*, acting_user, area: Area, text: str, number: int | None = None) -> KeyTarget:
    require_perm(acting_user, "plans.change_plan", area.plan)
    target = KeyTarget(
        area=area, text=text.strip(), number=number, position=area.targets.count() + 1
    )
    target.full_clean()
    target.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.ADD_KEY_TARGET,
        obj=area.plan,
        after={"area": area.name, "number": number, "text": target.text},
    )
    return target


@dataclass(frozen=True)
class ActionInput:
    """One action as read from a file, a form or the API (text values as written)."""

    text: str
    ref: str = ""
    due_text: str = ""
    leads_text: str = ""
    status: str | None = None
    rag: str | None = None
    comment: str = ""
    progress: str | None = None
    progress_on: date | None = None


@transaction.atomic
def action_add(*, acting_user, target: KeyTarget, data: ActionInput) -> Action:
    """Add an action at the end of its plan, deriving its due date and leads from the text."""
    plan = target.area.plan
    require_perm(acting_user, "plans.change_plan", plan)
    due = rules.parse_due(data.due_text)
    action = Action(
        plan=plan,
        target=target,
        position=plan.actions.count() + 1,
        ref=data.ref.strip(),
        text=data.text.strip(),
        due_text=(data.due_text or "").strip(),
        due_date=due.due_date,
        recurring=due.recurring,
        leads_text=(data.leads_text or "").strip(),
        leads=rules.split_leads(data.leads_text),
        status=data.status or "not_started",
        rag=data.rag or "",
        comment=data.comment or "",
    )
    action.full_clean()
    action.save()
    _link_lead_people(action)
    audit_record(
        actor=acting_user,
        action=AuditAction.CREATE,
        obj=action,
        after=snapshot(action, ACTION_FIELDS),
    )
    if data.progress:
        progress_record(
            acting_user=acting_user, action=action, text=data.progress, recorded_on=data.progress_on
        )
    _sync_deadline(action, acting_user)
    return action


@transaction.atomic
def action_update(
    *,
    acting_user,
    action: Action,
    status: str | None = None,
    rag: str | None = None,
    comment: str | None = None,
    due_text: str | None = None,
    leads_text: str | None = None,
    text: str | None = None,
    expected_version: int | None = None,
) -> Action:
    """Change an action. `rag=""` clears the RAG; None leaves a field as it is.

    `expected_version` is the version the change was made from (the edit form's, the API's
    If-Match): if the action has changed since, nothing is written (`StaleVersion`)."""
    require_perm(acting_user, "plans.change_action", action)
    lock_for_change(action, expected_version=expected_version)
    before = snapshot(action, ACTION_FIELDS)
    if status is not None:
        action.status = rules.parse_status(status) or action.status
    if rag is not None:
        action.rag = rules.parse_rag(rag) or ""
    if comment is not None:
        action.comment = comment
    if text is not None:
        action.text = text.strip()
    if due_text is not None:
        due = rules.parse_due(due_text)
        action.due_text, action.due_date, action.recurring = (
            due_text.strip(),
            due.due_date,
            due.recurring,
        )
    if leads_text is not None:
        action.leads_text, action.leads = leads_text.strip(), rules.split_leads(leads_text)
    changed = snapshot(action, ACTION_FIELDS) != before
    if changed:
        version_bump(action)
    action.full_clean()
    action.save()
    if leads_text is not None:
        _link_lead_people(action)
    after = snapshot(action, ACTION_FIELDS)
    if changed:
        audit_record(
            actor=acting_user, action=AuditAction.UPDATE, obj=action, before=before, after=after
        )
    _sync_deadline(action, acting_user)
    return action


@transaction.atomic
def progress_record(
    *,
    acting_user,
    action: Action,
    text: str,
    recorded_on: date | None = None,
    status: str | None = None,
    rag: str | None = None,
) -> ProgressUpdate:
    """Add a dated progress note, optionally moving the status and RAG at the same time."""
    require_perm(acting_user, "plans.change_action", action)
    lock_for_change(action)  # one writer at a time on this action
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Enter the progress made"})
    if recorded_on and recorded_on > timezone.localdate():
        raise ValidationError({"recorded_on": "The date cannot be in the future"})
    update = ProgressUpdate(
        action=action,
        recorded_on=recorded_on or timezone.localdate(),
        text=text,
        author=acting_user,
        author_label=(acting_user.get_full_name() or acting_user.get_username())
        if acting_user
        else "",
    )
    update.full_clean()
    update.save()
    if action.last_progress_on is None or update.recorded_on >= action.last_progress_on:
        Action.objects.filter(pk=action.pk).update(last_progress_on=update.recorded_on)
        action.last_progress_on = update.recorded_on
    audit_record(
        actor=acting_user,
        action=AuditAction.RECORD_PROGRESS,
        obj=action,
        after={"recorded_on": update.recorded_on.isoformat(), "text": text},
    )
    if status is not None or rag is not None:
        action_update(acting_user=acting_user, action=action, status=status, rag=rag)
    return update


def _link_lead_people(action: Action) -> None:
    """Tie the initials as written to people of the plan's organisation, where they exist."""
    people = people_with_initials(action.plan.organisation, action.leads)
    action.lead_people.set(people)


def _sync_deadline(action: Action, acting_user) -> None:
    """Keep the action's deadline in core in step with its due date, status and leads."""
    if action.status in CLOSED_STATUSES or action.due_date is None:
        deadline_close(
            acting_user=acting_user,
            subject=action,
            kind=ACTION_DEADLINE,
            state="met" if action.status == "complete" else "cancelled",
        )
        return
    responsible = [p.user for p in action.lead_people.all() if p.user_id]
    deadline_set(
        acting_user=acting_user,
        subject=action,
        organisation=action.plan.organisation,
        kind=ACTION_DEADLINE,
        label=f"{action.plan.title}: {action}",
        due_on=action.due_date,
        responsible=responsible,
        url=reverse("plans:action", args=[action.pk]),
    )
