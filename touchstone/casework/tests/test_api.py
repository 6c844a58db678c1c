"""`GET /api/v1/casework/scorecard/`: the organisation's staff only; bad dates are a 400."""

import pytest
from rest_framework.test import APIClient

from touchstone.casework.tests.build import concluded, new_case
from touchstone.core.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db
URL = "/api/v1/casework/scorecard/"


def client_of(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_staff_get_the_scorecard_of_their_organisation(world):
    concluded(new_case(world["ombudsman"]))
    response = client_of(world["caseworker"]).get(URL, {"from": "2025-04-01", "to": "2026-03-31"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["concluded"] == 1 and body["jurisdiction"] is None
    assert body["timeliness"]["medium"]["median_days"] == 101.0
    assert body["targets"]["year"] == 2025 and body["targets"]["upheld_pct"] is None
    legal = client_of(world["manager"]).get(
        URL, {"from": "2025-04-01", "to": "2026-03-31", "jurisdiction": "cmc"}
    )
    assert legal.json()["concluded"] == 0


def test_a_period_ending_before_it_starts_has_nothing_in_it(world):
    concluded(new_case(world["ombudsman"]))
    body = client_of(world["caseworker"]).get(URL, {"from": "2025-06-01", "to": "2025-04-30"})
    assert body.status_code == 200
    assert (body.json()["concluded"], body.json()["accepted_in_period"]) == (0, 0)


@pytest.mark.parametrize(
    "query",
    [
        {"from": "2025-04-31", "to": "2026-03-31"},
        {"from": "2025-04-01"},
        {"from": "2025-04-01", "to": "2026-03-31", "jurisdiction": "financial"},
    ],
)
def test_a_bad_query_is_a_400(world, query):
    assert client_of(world["caseworker"]).get(URL, query).status_code == 400


def test_a_regulators_staff_get_its_conduct_scorecard_not_the_ombudsmans(world):
    concluded(new_case(world["ombudsman"]))
    for user in ("conduct_officer", "board"):
        response = client_of(world[user]).get(URL, {"from": "2025-04-01", "to": "2026-03-31"})
        assert response.status_code == 200 and response.json()["concluded"] == 0


def test_anyone_else_is_refused(world, make_user, make_organisation):
    query = {"from": "2025-04-01", "to": "2026-03-31"}
    assert client_of(None).get(URL, query).status_code in (401, 403)
    firm = make_organisation("a-firm", OrganisationKind.PROVIDER)
    for user in (make_user("nobody"), make_user("firm-admin", (firm, Role.ADMIN))):
        assert client_of(user).get(URL, query).status_code == 403
