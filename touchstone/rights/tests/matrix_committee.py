"""The committee's addresses for the practice-rights permission matrix: the list of cases
referred to the Admissions and Licensing Committee and a referred case, read by its members
and the officers; an application not referred is no case of the committee's, for anyone
(test_permissions_matrix lists them)."""

from datetime import date, timedelta

from touchstone.core.models import Role
from touchstone.core.testing import Endpoint
from touchstone.rights.services import (
    application_start,
    experience_decide,
    experience_period_add,
    experience_submit,
)
from touchstone.rights.tests import references

# A committee member reads them; a caseworker, like the applicant, finds nothing there.
COMMITTEE_READS = {"reader_status": 404, "reader_statuses": ((Role.COMMITTEE_MEMBER, 200),)}


def referred_case(organisation, officer, applicant):
    """An application whose qualifying experience an officer has referred to the committee
    (nothing in it names the matrix's secret: committee members may read it)."""
    found = application_start(acting_user=applicant, regulator=organisation, scheme="immigration")
    experience_period_add(
        acting_user=applicant,
        application=found,
        kind="work",
        start=date(2025, 1, 1),
        end=None,
        hours=1200,
        tasks=["advising"],
        employer="Committee Employer LLP",
    )
    references.given(found)
    experience_submit(acting_user=applicant, application=found)
    found.refresh_from_db()
    experience_decide(
        acting_user=officer,
        application=found,
        action="refer",
        reasons="The periods overlap; for the committee.",
        hearing_on=date.today() + timedelta(days=14),
    )
    found.refresh_from_db()
    return found


COMMITTEE_ENDPOINTS = (
    Endpoint("committee", "get", lambda o: "/rights/committee/", scoped=False, **COMMITTEE_READS),
    Endpoint(
        "committee-case",
        "get",
        lambda o: f"/rights/committee/{o['referred'].pk}/",
        **COMMITTEE_READS,
    ),
    # not referred: no case of the committee's, for its members and the officers alike
    Endpoint(
        "committee-case-not-referred",
        "get",
        lambda o: f"/rights/committee/{o['submitted'].pk}/",
        editor_status=404,
        reader_status=404,
    ),
)
