"""The adjudicator's page for service complaints: what the party wrote, the decision recorded
once (a second send of the same form is not a second decision), and a decision needed."""

from datetime import date

import pytest

from touchstone.casework import services
from touchstone.casework.models import ServiceComplaint
from touchstone.core.models import AuditEvent
from touchstone.core.testing import client_for, sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(world):
    case = services.case_create(
        acting_user=None,
        organisation=world["ombudsman"],
        scheme="ombudsman",
        reference="LO-9",
        jurisdiction="legal",
        received_on=date(2025, 1, 6),
        provider_name="Quick Wills Ltd",
        complainant_name="Sam Patel",
        complainant_email="sam@example.org",
    )
    _link, token = services.follow_link_send(case=case, party=case.parties.get())
    return services.service_complaint_make(token=token, text="Nobody answered for months.")


def test_the_page_lists_what_is_waiting(world, waiting):
    body = client_for(world["decider"]).get("/casework/service-complaints/").content.decode()
    assert "Case LO-9: the complainant" in body
    assert "Nobody answered for months." in body


def test_a_decision_is_recorded_once(world, waiting):
    client = client_for(world["decider"])
    url = f"/casework/service-complaints/{waiting.pk}/"
    data = sent({f"complaint-{waiting.pk}-outcome": "not_upheld"})
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    waiting.refresh_from_db()
    assert waiting.outcome == "not_upheld" and waiting.decided_on is not None
    recorded = AuditEvent.objects.filter(action=services.AuditAction.RECORD_SERVICE_COMPLAINT)
    assert recorded.count() == 2  # made pending, then decided: not decided twice
    assert (
        "There are no service complaints waiting"
        in client.get("/casework/service-complaints/").content.decode()
    )


def test_a_decision_is_needed(world, waiting):
    response = client_for(world["decider"]).post(
        f"/casework/service-complaints/{waiting.pk}/", sent({})
    )
    assert response.status_code == 400
    assert "Select your decision" in response.content.decode()
    assert ServiceComplaint.objects.get().outcome == "pending"


def test_a_caseworker_cannot_decide(world, waiting):
    client = client_for(world["caseworker"])
    assert client.get("/casework/service-complaints/").status_code == 404
