"""A case's way through its scheme: received, accepted (the timeliness clock starts), triaged
(its complexity), assigned, moved from stage to stage as the scheme allows and by the roles it
names, concluded with an outcome, and reopened only with a recorded reason."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.casework import rules
from touchstone.casework.models import Case, EventKind, Party, PartyRole
from touchstone.casework.permissions import CASEWORK_ROLES
from touchstone.casework.selectors import scheme_data
from touchstone.casework.services.audit import AuditAction
from touchstone.casework.services.common import (
    CASE_FIELDS,
    acting_roles,
    case_event,
    case_saved,
    refuse_if,
    refuse_if_concluded,
)
from touchstone.casework.services.conduct import independence_check
from touchstone.casework.services.links import survey_send
from touchstone.core.permissions import require_perm, roles_in
from touchstone.core.services import lock_for_change, snapshot


def provider_fields(provider, provider_name: str) -> dict:
    """A register entry where there is one; otherwise the name as given, flagged unregulated."""
    if provider is not None:
        return {"provider": provider, "provider_name": provider.name, "provider_unregulated": False}
    name = provider_name.strip()
    if not name:
        raise ValidationError({"provider_name": "Enter who the complaint is about"})
    return {"provider": None, "provider_name": name, "provider_unregulated": True}


@transaction.atomic
def case_create(
    *,
    acting_user,
    organisation,
    scheme: str,
    reference: str,
    jurisdiction: str,
    received_on: date,
    provider=None,
    provider_name: str = "",
    area_of_law: str = "",
    complainant_name: str = "",
    complainant_email: str = "",
) -> Case:
    """A case received, at its scheme's first stage, with its complainant as a party."""
    data = scheme_data(scheme)
    case = Case(
        organisation=organisation,
        scheme=scheme,
        reference=reference.strip(),
        jurisdiction=jurisdiction,
        received_on=received_on,
        area_of_law=area_of_law.strip(),
        stage=data["first_stage"],
        **provider_fields(provider, provider_name),
    )
    require_perm(acting_user, "casework.add_case", case)
    case = case_saved(case, acting_user=acting_user, action=AuditAction.CREATE_CASE, before=None)
    if complainant_name.strip():
        party = Party(
            case=case,
            role=PartyRole.COMPLAINANT,
            name=complainant_name.strip(),
            email=complainant_email.strip(),
        )
        party.full_clean()
        party.save()
    case_event(case, kind=EventKind.RECEIVED, actor=acting_user, to_stage=case.stage)
    return case


def _locked(
    acting_user, case: Case, expected_version: int | None, perm: str = "casework.change_case"
) -> dict:
    require_perm(acting_user, perm, case)
    lock_for_change(case, expected_version=expected_version)
    refuse_if_concluded(case)
    return snapshot(case, CASE_FIELDS)


@transaction.atomic
def case_accept(
    *, acting_user, case: Case, accepted_on: date, expected_version: int | None = None
) -> Case:
    """Accept the complaint into the scheme: the timeliness clock starts on `accepted_on`."""
    before = _locked(acting_user, case, expected_version, "casework.handle_case")
    refuse_if("The case is already accepted." if case.accepted_on else None)
    if accepted_on < case.received_on:
        raise ValidationError({"accepted_on": "A case cannot be accepted before it was received"})
    case.accepted_on = accepted_on
    case_event(case, kind=EventKind.ACCEPTED, actor=acting_user, note=accepted_on.isoformat())
    return case_saved(case, acting_user=acting_user, action=AuditAction.ACCEPT_CASE, before=before)


@transaction.atomic
def case_triage(
    *,
    acting_user,
    case: Case,
    complexity: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Case:
    """Set the case's complexity; changing one already set needs the reason, kept on the
    timeline."""
    before = _locked(acting_user, case, expected_version, "casework.handle_case")
    if complexity not in rules.COMPLEXITIES:
        raise ValidationError({"complexity": "Select the complexity: high, medium or low"})
    if case.complexity and case.complexity != complexity and not reason.strip():
        raise ValidationError(
            {"reason": "Give the reason for changing the complexity set at triage"}
        )
    case.complexity = complexity
    case_event(case, kind=EventKind.TRIAGED, actor=acting_user, note=reason.strip())
    return case_saved(case, acting_user=acting_user, action=AuditAction.TRIAGE_CASE, before=before)


@transaction.atomic
def case_assign(
    *, acting_user, case: Case, caseworker, expected_version: int | None = None
) -> Case:
    """Give the case to one of its organisation's casework staff (None: to no one)."""
    require_perm(acting_user, "casework.assign_case", case)
    before = _locked(acting_user, case, expected_version)
    if caseworker is not None and not roles_in(caseworker, case.organisation) & CASEWORK_ROLES:
        raise ValidationError(
            {"caseworker": "Choose a member of the organisation's casework staff"}
        )
    independence_check(caseworker, case, part="assign", field="caseworker")
    case.caseworker = caseworker
    case_event(case, kind=EventKind.ASSIGNED, actor=acting_user, note=str(caseworker or ""))
    return case_saved(case, acting_user=acting_user, action=AuditAction.ASSIGN_CASE, before=before)


@transaction.atomic
def case_transition(
    *,
    acting_user,
    case: Case,
    to_stage: str,
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """Move the case to `to_stage`, if its scheme allows the move and the acting user holds a
    role the scheme lets act at the current stage. Concluding is `case_conclude` (it needs
    the outcome)."""
    before = _locked(acting_user, case, expected_version)
    data = scheme_data(case.scheme)
    if to_stage == data["concluded_stage"]:
        raise ValidationError({"to_stage": "Conclude the case with its outcome to close it."})
    refuse_if(rules.move_refusal(data, case.stage, to_stage, acting_roles(acting_user, case)))
    from_stage, case.stage = case.stage, to_stage
    case_event(
        case,
        kind=EventKind.MOVED,
        actor=acting_user,
        from_stage=from_stage,
        to_stage=to_stage,
        note=note.strip(),
    )
    return case_saved(case, acting_user=acting_user, action=AuditAction.MOVE_CASE, before=before)


@transaction.atomic
def case_conclude(
    *,
    acting_user,
    case: Case,
    outcome: str,
    concluded_on: date,
    remedy: str = "",
    reasons: str = "",
    expected_version: int | None = None,
) -> Case:
    """Conclude the case with an outcome of its scheme (and a remedy or sanction the stage
    may give), on `concluded_on`; its days to conclude are counted from acceptance."""
    before = _locked(acting_user, case, expected_version)
    data = scheme_data(case.scheme)
    refuse_if(
        rules.conclusion_refusal(data, case.stage, outcome, remedy, acting_roles(acting_user, case))
    )
    if concluded_on < (case.accepted_on or case.received_on):
        raise ValidationError(
            {"concluded_on": "A case cannot be concluded before it was received or accepted"}
        )
    from_stage = case.stage
    case.stage, case.outcome, case.remedy = data["concluded_stage"], outcome, remedy
    case.concluded_on = concluded_on
    case_event(
        case,
        kind=EventKind.CONCLUDED,
        actor=acting_user,
        from_stage=from_stage,
        to_stage=case.stage,
        note=reasons.strip(),
    )
    case = case_saved(
        case, acting_user=acting_user, action=AuditAction.CONCLUDE_CASE, before=before
    )
    survey_send(case)  # each party with an email address gets the closing survey
    return case


@transaction.atomic
def case_reopen(
    *, acting_user, case: Case, reason: str, expected_version: int | None = None
) -> Case:
    """Reopen a concluded case, with the reason on its timeline: its outcome, remedy and
    conclusion date are cleared and it returns to the scheme's `reopen_to` stage."""
    require_perm(acting_user, "casework.change_case", case)
    lock_for_change(case, expected_version=expected_version)
    before = snapshot(case, CASE_FIELDS)
    data = scheme_data(case.scheme)
    refuse_if(rules.reopen_refusal(data, case.stage, reason, acting_roles(acting_user, case)))
    from_stage, case.stage = case.stage, data["reopen_to"]
    case.outcome, case.remedy, case.concluded_on = "", "", None
    case_event(
        case,
        kind=EventKind.REOPENED,
        actor=acting_user,
        from_stage=from_stage,
        to_stage=case.stage,
        note=reason.strip(),
    )
    return case_saved(case, acting_user=acting_user, action=AuditAction.REOPEN_CASE, before=before)
