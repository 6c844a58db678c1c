"""Every casework address, web and API, tried as anonymous, an officer of another body, the
ombudsman's read-only staff and its manager (core.testing.PermissionMatrix): the scorecard is
its own organisation's staff's, and no one else sees its figures or its name."""

from touchstone.casework.tests.build import concluded, new_case
from touchstone.core.models import OrganisationKind, Role
from touchstone.core.testing import (
    Endpoint,
    PermissionMatrix,
    new_organisation,
    new_user,
    records_once,
)

PERIOD = "date_from=2025-04-01&date_to=2026-03-31"


def build() -> dict:
    ombudsman = new_organisation("matrix-ombudsman", OrganisationKind.OMBUDSMAN)
    case = concluded(new_case(ombudsman, "M-1"))
    return {
        "organisation": ombudsman,
        "case": case,
        "editor": new_user("matrix-manager", (ombudsman, Role.MANAGER)),
    }


NOT_FOR_PANELS = (("committee_member", 404),)
MATRIX = PermissionMatrix(
    endpoints=(
        Endpoint(
            "scorecard page",
            "get",
            lambda o: f"/casework/scorecard/?{PERIOD}",
            scoped=False,
            reader_statuses=NOT_FOR_PANELS,
        ),
        Endpoint(
            "scorecard csv",
            "get",
            lambda o: f"/casework/scorecard.csv?{PERIOD}",
            scoped=False,
            reader_statuses=NOT_FOR_PANELS,
        ),
        Endpoint(
            "scorecard api",
            "get",
            lambda o: "/api/v1/casework/scorecard/?from=2025-04-01&to=2026-03-31",
            api=True,
            scoped=False,
            reader_statuses=(("committee_member", 403),),
        ),
    ),
    urlconfs=("touchstone.casework.urls", "touchstone.casework.api.urls"),
    apps=("casework",),
    secret=b"Matrix Ombudsman",
)

globals().update(records_once(build))
globals().update(MATRIX.tests())
