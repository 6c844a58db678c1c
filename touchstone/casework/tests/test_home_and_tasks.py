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


def test_the_cases_are_on_the_home_page_of_casework_staff_only(world, make_user):
    page = client_for(world["caseworker"]).get("/").content.decode()
    assert "/casework/staff/" in page
    for other in (world["manager"], world["board"], make_user("nobody")):
        assert "/casework/staff/" not in client_for(other).get("/").content.decode()


def test_the_daily_reminders_task_and_command(world, capsys, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.core import mail
    from django.core.management import call_command
    from django.utils import timezone

    from touchstone.casework import services
    from touchstone.casework.tasks import information_reminders_daily

    case = new_case(world["ombudsman"], complainant_email="alex@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        services.information_request(
            acting_user=None,
            case=case,
            party=case.parties.get(),
            asked="The bill",
            due_on=timezone.localdate() + timedelta(days=2),
        )
        assert information_reminders_daily.call() == 1
        assert information_reminders_daily.call() == 0
    assert [m.subject for m in mail.outbox][-1].startswith("Reminder")
    call_command("casework", "remind")
    assert "reminded 0 parties" in capsys.readouterr().out
