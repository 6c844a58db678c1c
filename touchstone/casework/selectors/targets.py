"""The KPI targets in force for a year, as the scorecard page sets them beside its figures."""

from touchstone.casework.models import KpiTarget


def targets_for(*, organisation, year: int, jurisdiction: str | None) -> dict:
    """{(measure, complexity): value} for the year; with no jurisdiction, the legal
    jurisdiction's targets (the one the scheme reports on first)."""
    rows = KpiTarget.objects.filter(
        organisation=organisation, year=year, jurisdiction=jurisdiction or "legal"
    ).values_list("measure", "complexity", "value")
    return {(measure, complexity): float(value) for measure, complexity, value in rows}
