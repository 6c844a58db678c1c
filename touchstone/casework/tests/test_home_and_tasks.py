"""The casework home panel for the staff who read the scorecard, and the scorecard task."""

import pytest

from touchstone.casework.tasks import scorecard_compute
from touchstone.casework.tests.build import concluded, new_case
from touchstone.core.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_scorecard_is_on_the_home_page_of_its_staff_only(world, make_user):
    page = client_for(world["manager"]).get("/").content.decode()
    assert "KPI scorecard" in page and "/casework/scorecard/" in page
    assert "KPI scorecard" not in client_for(make_user("nobody")).get("/").content.decode()
    assert "KPI scorecard" not in client_for(world["panel"]).get("/").content.decode()


def test_the_task_gives_the_scorecard_the_command_prints(world):
    concluded(new_case(world["ombudsman"]))
    found = scorecard_compute.call(
        world["ombudsman"].pk, "2025-04-01", "2026-03-31", None, "ombudsman"
    )
    assert found["concluded"] == 1 and found["from"] == "2025-04-01"
