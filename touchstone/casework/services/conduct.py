"""The conduct scheme's independence (seed 000): no one who sits on the regulator's board or on
the professional body's council is assigned to, sits on the panel of, or decides a conduct
case. `independence_check` is called by every service through which a person takes a part in
one (`case_assign`, `panel_member_add`, `case_decide`, which checks the decider, every panel
member and the assigned caseworker again on the day of the decision), so a person who joins
the board after being assigned stops the decision. The council is recorded by the regulator
(`council_member_record`, `council_member_end`)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from touchstone.casework import rules
from touchstone.casework.models import Case, CouncilSeat, EventKind, PanelMember, Scheme
from touchstone.casework.permissions import PANEL_ROLES
from touchstone.casework.selectors.conduct import on_board, on_council
from touchstone.casework.services.audit import AuditAction
from touchstone.casework.services.common import case_event, refuse_if, refuse_if_concluded
from touchstone.core.permissions import require_perm, roles_in
from touchstone.core.services import audit_record, lock_for_change


def independence_check(user, case: Case, *, part: str, field: str | None = None) -> None:
    """Refuse (ValidationError) a board or council member taking `part` in a conduct case."""
    if user is None or case.scheme != Scheme.CONDUCT:
        return
    refuse_if(
        rules.independence_refusal(
            part=part,
            on_board=on_board(user, case.organisation),
            on_council=on_council(user, case.organisation, as_of=timezone.localdate()),
        ),
        field,
    )


@transaction.atomic
def panel_member_add(
    *, acting_user, case: Case, member, expected_version: int | None = None
) -> PanelMember:
    """Name a member of the panel or tribunal that will decide a conduct case: one of the
    regulator's committee members, never a board or council member."""
    require_perm(acting_user, "casework.assign_case", case)
    lock_for_change(case, expected_version=expected_version)
    refuse_if_concluded(case)
    refuse_if("Only a conduct case has a panel." if case.scheme != Scheme.CONDUCT else None)
    if not roles_in(member, case.organisation) & PANEL_ROLES:
        raise ValidationError({"member": "Choose one of the regulator's panel members"})
    independence_check(member, case, part="panel", field="member")
    if case.panel_members.filter(member=member).exists():
        raise ValidationError({"member": "They are already on the case's panel"})
    seat = PanelMember(
        case=case,
        member=member,
        added_by=acting_user if getattr(acting_user, "pk", None) else None,
        added_at=timezone.now(),
    )
    seat.full_clean()
    seat.save()
    case_event(
        case,
        kind=EventKind.PANEL_MEMBER_ADDED,
        actor=acting_user,
        note=member.get_full_name() or member.username,
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.ADD_PANEL_MEMBER,
        obj=case,
        after={"member": member.pk},
    )
    return seat


@transaction.atomic
def council_member_record(*, acting_user, organisation, member, started_on: date) -> CouncilSeat:
    """Record that `member` sits on the professional body's council from `started_on`."""
    require_perm(acting_user, "casework.change_councilseat", organisation)
    if CouncilSeat.objects.filter(
        organisation=organisation, member=member, ended_on__isnull=True
    ).exists():
        raise ValidationError({"member": "They are already recorded as on the council"})
    seat = CouncilSeat(
        organisation=organisation,
        member=member,
        started_on=started_on,
        recorded_by=acting_user if getattr(acting_user, "pk", None) else None,
    )
    seat.full_clean()
    seat.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.RECORD_COUNCIL_MEMBER,
        obj=seat,
        organisation=organisation,
        after={"member": member.pk, "started_on": started_on.isoformat()},
    )
    return seat


@transaction.atomic
def council_member_end(*, acting_user, seat: CouncilSeat, ended_on: date) -> CouncilSeat:
    """Record that the member left the council on `ended_on`."""
    require_perm(acting_user, "casework.change_councilseat", seat.organisation)
    seat = CouncilSeat.objects.select_for_update().get(pk=seat.pk)
    if seat.ended_on is not None:
        raise ValidationError("Their time on the council is already recorded as ended.")
    seat.ended_on = ended_on
    seat.full_clean()
    seat.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.END_COUNCIL_MEMBER,
        obj=seat,
        organisation=seat.organisation,
        after={"ended_on": ended_on.isoformat()},
    )
    return seat
