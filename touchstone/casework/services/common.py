"""What the casework services share: who acts (their roles in the case's organisation), the
timeline entry each change writes, its audit event, and the refusal of a change to a case
that is concluded."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from touchstone.casework.models import Case, CaseEvent
from touchstone.casework.services.audit import AuditAction
from touchstone.core.models import Role
from touchstone.core.permissions import roles_in
from touchstone.core.services import audit_record, snapshot, version_bump

CASE_FIELDS = (
    "reference",
    "scheme",
    "jurisdiction",
    "complexity",
    "stage",
    "provider",
    "provider_name",
    "provider_unregulated",
    "area_of_law",
    "received_on",
    "accepted_on",
    "concluded_on",
    "days_to_conclude",
    "outcome",
    "remedy",
    "caseworker",
)
EVERY_ROLE = frozenset(Role.values)  # a trusted system caller (a command, an import)


def acting_roles(acting_user, case: Case) -> frozenset[str]:
    if acting_user is None:
        return EVERY_ROLE
    return frozenset(roles_in(acting_user, case.organisation))


def refuse_if(message: str | None, field: str | None = None) -> None:
    if message:
        raise ValidationError({field: message} if field else message)


def refuse_if_concluded(case: Case) -> None:
    refuse_if(
        "The case is concluded: reopen it, with a reason, to change it."
        if case.is_concluded
        else None
    )


def days_to_conclude(case: Case) -> int | None:
    if case.concluded_on is None or case.accepted_on is None:
        return None
    return (case.concluded_on - case.accepted_on).days


def case_event(
    case: Case, *, kind: str, actor, note: str = "", from_stage: str = "", to_stage: str = ""
) -> CaseEvent:
    event = CaseEvent(
        case=case,
        kind=kind,
        at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        from_stage=from_stage,
        to_stage=to_stage,
        note=note,
    )
    event.full_clean()
    event.save()
    return event


def case_saved(case: Case, *, acting_user, action: AuditAction, before: dict | None) -> Case:
    """Check and save the case, and audit what changed."""
    case.days_to_conclude = days_to_conclude(case)
    case.full_clean()
    after = snapshot(case, CASE_FIELDS)
    if before is None:
        case.save()
        audit_record(actor=acting_user, action=action, obj=case, after=after)
    else:
        changed = sorted(key for key in after if after[key] != before.get(key))
        if changed:
            version_bump(case)
        case.save()
        audit_record(
            actor=acting_user,
            action=action,
            obj=case,
            before={key: before.get(key) for key in changed},
            after={key: after[key] for key in changed},
        )
    return case
