"""The casework home panels: the cases, for the casework staff of an organisation that runs a
casework scheme, and the scorecard."""

from django.urls import reverse

from touchstone.core.home import Link, Panel
from touchstone.core.selectors import organisations_with_perm


def panels(request) -> list[Panel]:
    found = []
    if organisations_with_perm(request.user, "casework.view_case").exists():
        found.append(
            Panel(
                key="casework-cases",
                title="Cases",
                links=(
                    Link(
                        "The cases",
                        reverse("casework:staff-queue"),
                        "open cases by stage, complexity and age; assign, triage and decide",
                    ),
                ),
                order=44,
            )
        )
    if not organisations_with_perm(request.user, "casework.view_scorecard").exists():
        return found
    return found + [
        Panel(
            key="casework-scorecard",
            title="Casework performance",
            links=(
                Link(
                    "KPI scorecard",
                    reverse("casework:scorecard"),
                    "timeliness by complexity, satisfaction and service complaints against "
                    "their targets",
                ),
            ),
            order=45,
        )
    ]
