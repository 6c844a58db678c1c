"""Demo KPI targets for the demo ombudsman: its published 2019/20 timeliness targets (all
cases 45 / 78 / 95% within 90 / 180 / 365 days; low 65 / 90 / 99; medium 40 / 85 / 95; high
0 / 33 / 85) and the satisfaction targets of its business plan (over 80% satisfied with the
service among those satisfied with the outcome, over 20% among those dissatisfied)."""

from decimal import Decimal

from touchstone.casework.services import kpi_target_set
from touchstone.core.models import Organisation, OrganisationKind

TIMELINESS_2019 = {
    "all": (45, 78, 95),
    "low": (65, 90, 99),
    "medium": (40, 85, 95),
    "high": (0, 33, 85),
}
SATISFACTION_2019 = {"satisfied_with_outcome": 80, "dissatisfied_with_outcome": 20}


def targets_load(organisation, year: int = 2019) -> int:
    """Set the demo targets for `year` in the legal jurisdiction; the number set."""
    count = 0
    for complexity, values in TIMELINESS_2019.items():
        for days, value in zip((90, 180, 365), values, strict=True):
            kpi_target_set(
                acting_user=None,
                organisation=organisation,
                year=year,
                jurisdiction="legal",
                complexity=complexity,
                measure=f"within_{days}_pct",
                value=Decimal(value),
            )
            count += 1
    for measure, value in SATISFACTION_2019.items():
        kpi_target_set(
            acting_user=None,
            organisation=organisation,
            year=year,
            jurisdiction="legal",
            complexity="all",
            measure=measure,
            value=Decimal(value),
        )
        count += 1
    return count


def load(stdout) -> None:
    ombudsman = Organisation.objects.filter(kind=OrganisationKind.OMBUDSMAN).order_by("pk").first()
    if ombudsman is None:
        stdout.write("casework: no ombudsman, so no demo targets")
        return
    stdout.write(f"casework: {targets_load(ombudsman)} demo KPI targets for {ombudsman.name}")
