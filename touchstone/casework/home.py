"""The casework home panel: the scorecard, for the staff of an organisation that runs a
casework scheme."""

from django.urls import reverse

from touchstone.core.home import Link, Panel
from touchstone.core.selectors import organisations_with_perm


def panels(request) -> list[Panel]:
    if not organisations_with_perm(request.user, "casework.view_scorecard").exists():
        return []
    return [
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
