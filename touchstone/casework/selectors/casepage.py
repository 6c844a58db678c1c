"""What the case page shows: the case's parties, timeline and requests for information, and
the actions its scheme allows the user at the case's stage (the services check each again)."""

from touchstone.casework import rules
from touchstone.casework.models import Case
from touchstone.casework.selectors.cases import case_timeline
from touchstone.casework.selectors.schemes import scheme_data
from touchstone.core.permissions import roles_in


def case_actions(user, case: Case) -> dict:
    """The actions the page offers this user on this case."""
    data = scheme_data(case.scheme)
    roles = frozenset(roles_in(user, case.organisation))
    concluded = case.is_concluded
    may_change = user.has_perm("casework.change_case", case) and not concluded
    may_handle = may_change and user.has_perm("casework.handle_case", case)
    moves = [
        {"code": target, "name": rules.stage_name(data, target)}
        for source, target in data["moves"]
        if source == case.stage
        and target != data["concluded_stage"]
        and rules.move_refusal(data, case.stage, target, roles) is None
    ]
    return {
        "assign": may_change and user.has_perm("casework.assign_case", case),
        "accept": may_handle and case.accepted_on is None,
        "triage": may_handle,
        "note": may_change,
        "request": may_change,
        "moves": moves if may_change else [],
        "panel": may_change
        and case.scheme == "conduct"
        and user.has_perm("casework.assign_case", case),
        "decide": may_change
        and rules.move_refusal(data, case.stage, data["concluded_stage"], roles) is None,
        "reopen": concluded
        and user.has_perm("casework.change_case", case)
        and rules.reopen_refusal(data, case.stage, "reason", roles) is None,
    }


def timeline_rows(case: Case) -> list[dict]:
    data = scheme_data(case.scheme)
    rows = []
    for event in case_timeline(case):
        actor = event.actor
        moved = ""
        if event.from_stage and event.to_stage:
            moved = (
                f"From {rules.stage_name(data, event.from_stage)} "
                f"to {rules.stage_name(data, event.to_stage)}"
            )
        rows.append(
            {
                "title": event.get_kind_display(),
                "by": (actor.get_full_name() or actor.username) if actor else "The system",
                "at": event.at,
                "moved": moved,
                "note": event.note,
                "kind": event.kind,
            }
        )
    rows.reverse()  # the newest first, as the MOJ timeline shows
    return rows


def case_page_context(user, case: Case) -> dict:
    data = scheme_data(case.scheme)
    return {
        "case": case,
        "scheme": data,
        "stage": rules.stage_name(data, case.stage),
        "parties": list(case.parties.all()),
        "timeline": timeline_rows(case),
        "requests": list(case.information_requests.select_related("party")),
        "actions": case_actions(user, case),
        "panel": [seat.member for seat in case.panel_members.select_related("member")],
        "decisions": list(case.decisions.all()),
    }
