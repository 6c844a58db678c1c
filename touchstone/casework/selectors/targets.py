"""The KPI targets in force for a year, as the scorecard sets them beside its figures."""

from touchstone.casework import rules
from touchstone.casework.models import KpiTarget

SATISFACTION_MEASURES = ("satisfied_with_outcome", "dissatisfied_with_outcome")


def targets_for(*, organisation, year: int, jurisdiction: str | None) -> dict:
    """{(measure, complexity): value} for the year; with no jurisdiction, the legal
    jurisdiction's targets (the one the scheme reports on first)."""
    rows = KpiTarget.objects.filter(
        organisation=organisation, year=year, jurisdiction=jurisdiction or "legal"
    ).values_list("measure", "complexity", "value")
    return {(measure, complexity): float(value) for measure, complexity, value in rows}


def scorecard_targets(*, organisation, year: int, jurisdiction: str | None) -> dict:
    """The targets as the scorecard's JSON adds them (`targets`): the year, each timeliness
    figure's target by complexity, and the satisfaction targets (null where none is set)."""
    found = targets_for(organisation=organisation, year=year, jurisdiction=jurisdiction)
    return {
        "year": year,
        "timeliness": {
            group: {f"within_{n}_pct": found.get((f"within_{n}_pct", group)) for n in rules.WITHIN}
            for group in rules.GROUPS
        },
        "satisfaction": {m: found.get((m, "all")) for m in SATISFACTION_MEASURES},
        "upheld_pct": found.get(("upheld_pct", "all")),
    }
