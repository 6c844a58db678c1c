"""The scorecard page: each figure against its target, in tables, and the same as CSV."""

import pytest

from touchstone.casework.demo import targets_load
from touchstone.casework.tests.build import concluded, new_case
from touchstone.core.models import OrganisationKind, Role
from touchstone.core.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_figures_against_the_years_targets(world):
    targets_load(world["ombudsman"], year=2025)
    concluded(new_case(world["ombudsman"]))
    page = client_for(world["caseworker"]).get(
        "/casework/scorecard/",
        {"date_from": "2025-04-01", "date_to": "2026-03-31", "jurisdiction": "legal"},
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "1 case concluded" in html
    assert "0.0 (40.0)" in html  # medium: none within 90 days, against 40%
    assert "more than 80.0" in html


def test_a_bad_period_is_shown_on_the_form(world):
    page = client_for(world["caseworker"]).get(
        "/casework/scorecard/", {"date_from": "2025-04-01", "date_to": "2025-03-01"}
    )
    assert page.status_code == 200
    assert "must be the same as or after its start" in page.content.decode()
    assert "case concluded" not in page.content.decode()


def test_the_csv_has_every_figure(world):
    concluded(new_case(world["ombudsman"]))
    response = client_for(world["manager"]).get(
        "/casework/scorecard.csv", {"date_from": "2025-04-01", "date_to": "2026-03-31"}
    )
    body = b"".join(response.streaming_content).decode()
    assert body.splitlines()[0] == "section,group,figure,value,target"
    assert "Timeliness,Medium,median days,101.0," in body


def test_the_page_is_not_there_for_others(world, make_user, make_organisation):
    firm = make_organisation("a-firm", OrganisationKind.PROVIDER)
    for user in (make_user("nobody"), make_user("firm-admin", (firm, Role.ADMIN))):
        assert client_for(user).get("/casework/scorecard/").status_code == 404
