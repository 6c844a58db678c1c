"""The pure rules of a decision: who may take part in a conduct case (never a member of the
regulator's board or the professional body's council), who decides at a stage (an ombudsman,
a delegated officer, a panel or the tribunal) and how many named members a panel needs, and how
long a published finding stays on the register. Standard library only."""

import calendar
from datetime import date

PARTS = {
    "assign": "be assigned a conduct case",
    "decide": "decide a conduct case",
    "panel": "sit on a conduct case's panel",
}


def independence_refusal(*, part: str, on_board: bool, on_council: bool) -> str | None:
    """Why someone may not take this part in a conduct case (None: they may). Seed 000: the
    procedures are independent of the regulator's board and the professional body's council."""
    if on_board:
        return f"A member of the regulator's board cannot {PARTS[part]}."
    if on_council:
        return f"A member of the professional body's council cannot {PARTS[part]}."
    return None


def decision_maker(scheme: dict, stage: str) -> str:
    """Who decides a case concluded from `stage`: the scheme's decision maker for that stage,
    else an ombudsman (ombudsman scheme) or a delegated officer (conduct: e.g. no case to
    answer at assessment)."""
    makers = scheme.get("decision_makers") or {}
    if stage in makers:
        return makers[stage]
    return "ombudsman" if scheme["code"] == "ombudsman" else "delegated"


def panel_refusal(scheme: dict, stage: str, members: int, decider_on_panel: bool) -> str | None:
    """Why a panel or tribunal decision may not be recorded: too few named members, or the
    person recording it is not one of them."""
    needed = (scheme.get("panel_members") or {}).get(stage)
    if not needed:
        return None
    if members < needed:
        return f"Name the panel first: it needs {needed} members, and has {members}."
    if not decider_on_panel:
        return "Only a member of the case's panel may record its decision."
    return None


def add_months(start: date, months: int) -> date:
    """The same day `months` later (the month's last day where it is shorter)."""
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def publication_refusal(scheme: dict, outcome: str, remedy: str) -> str | None:
    """Why a decision cannot be published on the register (None: it can): only a proved
    conduct allegation with a sanction its guidelines publish."""
    if scheme["code"] != "conduct":
        return "Only a conduct finding is published on the register."
    if outcome != "proved":
        return "Only a proved allegation is published on the register."
    found = next((r for r in scheme["remedies"] if r["code"] == remedy), None)
    if found is None or found.get("publish_months", None) == 0:
        return "The sanctions guidelines do not publish this sanction."
    return None


def publication_period(scheme: dict, remedy: str, decided_on: date) -> tuple[date, date | None]:
    """From the decision, for the months the sanctions guidelines give (None: no end)."""
    found = next(r for r in scheme["remedies"] if r["code"] == remedy)
    months = found.get("publish_months")
    return decided_on, (add_months(decided_on, months) if months else None)
