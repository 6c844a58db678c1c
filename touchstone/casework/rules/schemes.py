"""A casework scheme as plain data (the YAML in `reference/`, read into a dict): its stages,
the moves between them, its outcomes, remedies or sanctions, time targets and the roles that
may act at each stage; and the pure checks of a move. Standard library only."""

from collections.abc import Iterable

COMPLEXITIES = ("high", "medium", "low")
REQUIRED = (
    "code",
    "name",
    "organisation_kind",
    "first_stage",
    "accepted_stage",
    "concluded_stage",
    "reopen_to",
)


class SchemeError(ValueError):
    """The scheme's data does not hold together (a move to a stage it does not have)."""


def _codes(items: list, what: str, code: str) -> list[str]:
    if not isinstance(items, list) or not items:
        raise SchemeError(f"scheme {code}: {what} must be a list")
    codes = [item.get("code") if isinstance(item, dict) else None for item in items]
    if not all(isinstance(c, str) and c for c in codes):
        raise SchemeError(f"scheme {code}: every one of its {what} needs a code")
    if len(set(codes)) != len(codes):
        raise SchemeError(f"scheme {code}: its {what} repeat a code")
    return codes


def scheme_read(data: dict) -> dict:
    """Check a scheme's data and return it with `moves` (the allowed (from, to) pairs) added.
    Raises SchemeError naming what is wrong."""
    if not isinstance(data, dict):
        raise SchemeError("a scheme is a mapping")
    missing = [key for key in REQUIRED if not data.get(key)]
    code = data.get("code", "?")
    if missing:
        raise SchemeError(f"scheme {code}: missing {', '.join(missing)}")
    stages = _codes(data.get("stages"), "stages", code)
    for key in ("first_stage", "accepted_stage", "concluded_stage", "reopen_to"):
        if data[key] not in stages:
            raise SchemeError(f"scheme {code}: {key} {data[key]} is not one of its stages")
    for stage in data["stages"]:
        if not isinstance(stage.get("roles", []), list):
            raise SchemeError(f"scheme {code}: the roles of {stage['code']} must be a list")
    moves = []
    for move in data.get("transitions") or []:
        pair = (move.get("from"), move.get("to"))
        if pair[0] not in stages or pair[1] not in stages:
            raise SchemeError(f"scheme {code}: the move {pair[0]} → {pair[1]} names no stage")
        if pair[0] == data["concluded_stage"]:
            raise SchemeError(f"scheme {code}: a concluded case moves only by reopening")
        moves.append(pair)
    if not moves:
        raise SchemeError(f"scheme {code}: it has no transitions")
    _codes(data.get("outcomes"), "outcomes", code)
    _codes(data.get("remedies"), "remedies", code)
    for remedy in data["remedies"]:
        unknown = set(remedy.get("by", stages)) - set(stages)
        if unknown:
            raise SchemeError(f"scheme {code}: {remedy['code']} is given by no stage {unknown}")
    targets = data.get("time_targets") or {}
    if sorted(targets) != sorted(COMPLEXITIES) or not all(
        isinstance(days, int) and days > 0 for days in targets.values()
    ):
        raise SchemeError(f"scheme {code}: time_targets needs days for high, medium and low")
    return {**data, "moves": [list(pair) for pair in moves]}


def stage_name(scheme: dict, code: str) -> str:
    for stage in scheme["stages"]:
        if stage["code"] == code:
            return stage["name"]
    return code


def _roles_in_words(roles: Iterable[str]) -> str:
    words = [role.replace("_", " ") for role in roles]
    if not words:
        return "no one"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _stage(scheme: dict, code: str) -> dict | None:
    return next((s for s in scheme["stages"] if s["code"] == code), None)


def move_refusal(scheme: dict, current: str, target: str, roles: Iterable[str]) -> str | None:
    """Why a case at `current` may not move to `target` by someone holding `roles` (None: it
    may). A concluded case moves only through a reopening."""
    here = _stage(scheme, current)
    if here is None:
        return f"{current} is not a stage of the {scheme['code']} scheme."
    if current == scheme["concluded_stage"]:
        return "The case is concluded: reopen it, with a reason, to change it."
    if _stage(scheme, target) is None:
        return f"{target} is not a stage of the {scheme['code']} scheme."
    if [current, target] not in scheme["moves"]:
        return (
            f"A case at {here['name']} cannot move to {stage_name(scheme, target)} "
            f"under the {scheme['name']}."
        )
    if not set(roles) & set(here.get("roles", [])):
        who = _roles_in_words(here.get("roles", []))
        return f"Only a {who} may move a case on from {here['name']}."
    return None


def conclusion_refusal(
    scheme: dict, current: str, outcome: str, remedy: str, roles: Iterable[str]
) -> str | None:
    """Why a case at `current` may not be concluded with this outcome and remedy (or
    sanction): the move itself, an outcome the scheme has not, a remedy it has not or that
    this stage may not give."""
    refusal = move_refusal(scheme, current, scheme["concluded_stage"], roles)
    if refusal:
        return refusal
    if outcome not in {o["code"] for o in scheme["outcomes"]}:
        return f"{outcome or 'No outcome'} is not an outcome of the {scheme['name']}."
    if remedy:
        found = next((r for r in scheme["remedies"] if r["code"] == remedy), None)
        if found is None:
            return f"{remedy} is not a remedy or sanction of the {scheme['name']}."
        if current not in found.get("by", [s["code"] for s in scheme["stages"]]):
            return f"{found['name']} cannot be given at {stage_name(scheme, current)}."
    return None


def reopen_refusal(scheme: dict, current: str, reason: str, roles: Iterable[str]) -> str | None:
    """Why a case may not be reopened: it is not concluded, there is no reason, or the roles
    that act at the stage it returns to are not held."""
    if current != scheme["concluded_stage"]:
        return "Only a concluded case can be reopened."
    if not reason.strip():
        return "Give the reason for reopening the case."
    back = _stage(scheme, scheme["reopen_to"])
    if not set(roles) & set(back.get("roles", [])):
        return f"Only a {_roles_in_words(back.get('roles', []))} may reopen a case."
    return None
