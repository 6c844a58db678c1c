"""No lost updates: an edit names the version it was made from (the form's hidden field, the
API's If-Match), and the service refuses it if the record changed since."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from touchstone.core.models import AuditEvent
from touchstone.core.services import StaleVersion
from touchstone.core.testing import (
    client_for,
    hidden_value,
    run_together,
    sent,
    two_writers_can_overlap,
)
from touchstone.core.writes import TOKEN_FIELD
from touchstone.register.models import Registrant
from touchstone.register.services import AuditAction, finding_publication_change, registrant_update

API = "/api/v1/register"
needs_overlapping_writers = pytest.mark.skipif(
    not two_writers_can_overlap(), reason="a race needs two concurrent writers (PostgreSQL)"
)


def edit_form(client, registrant) -> dict:
    """What the edit page's form would send as it was rendered."""
    html = client.get(f"/register/staff/{registrant.pk}/edit/").content.decode()
    return {
        TOKEN_FIELD: hidden_value(html, TOKEN_FIELD),
        "version": hidden_value(html, "version"),
        "title": "Mr",
        "given_names": "John",
        "family_name": "Smith",
        "category": "chartered_legal_executive",
        "admitted_on": "2015-01-01",
        "town": "Bedford",
        "postcode": "MK40 2CD",
        "email": "secret@example.test",
        "phone": "07700 900123",
        "home_address": "1 Private Lane",
        "date_of_birth": "1970-05-04",
    }


def api_client(user) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")


@pytest.mark.django_db
def test_the_second_of_two_officers_editing_at_once_gets_the_changed_record_page(
    register, officer, make_user, organisation
):
    john = register["john"]
    first, second = client_for(officer), client_for(make_user("second", *officer_roles(officer)))
    mine, theirs = edit_form(first, john), edit_form(second, john)  # both open the page
    assert mine["version"] == theirs["version"] == "1"
    assert (
        first.post(f"/register/staff/{john.pk}/edit/", {**mine, "town": "Luton"}).status_code == 302
    )
    response = second.post(f"/register/staff/{john.pk}/edit/", {**theirs, "phone": "01234 567890"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "This record changed since you opened it" in html
    assert "Your changes have not been saved." in html
    # Both versions are shown, the difference marked: their phone, the first officer's town.
    assert "01234 567890" in html and "Luton" in html and "Bedford" in html
    assert "Different" in html
    assert "Start again from the current version" in html
    john.refresh_from_db()
    assert (john.town, john.phone, john.version) == ("Luton", "07700 900123", 2)
    # The way forward: the page's form keeps their answers as a change of the current version.
    assert hidden_value(html, "version") == "2"
    retry = {
        **theirs,
        "phone": "01234 567890",
        "version": "2",
        TOKEN_FIELD: hidden_value(html, TOKEN_FIELD),
    }
    assert second.post(f"/register/staff/{john.pk}/edit/", retry).status_code == 302
    john.refresh_from_db()
    assert (john.phone, john.version) == ("01234 567890", 3)


def officer_roles(officer):
    return [(m.organisation, m.role) for m in officer.memberships.all()]


@pytest.mark.django_db
def test_a_stale_edit_is_refused_by_the_service_itself(register):
    john = register["john"]
    registrant_update(acting_user=None, registrant=john, town="Luton", expected_version=1)
    before = AuditEvent.objects.count()
    stale = Registrant.objects.get(pk=john.pk)
    stale.version = 1  # as an editor who opened it before the change saw it
    with pytest.raises(StaleVersion) as caught:
        registrant_update(acting_user=None, registrant=stale, town="Ely", expected_version=1)
    assert caught.value.current.version == 2
    john.refresh_from_db()
    assert john.town == "Luton" and AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_a_status_change_moves_the_version_so_an_older_edit_is_refused(register, officer):
    client = client_for(officer)
    john = register["john"]
    opened = edit_form(client, john)
    client.post(
        f"/register/staff/{john.pk}/status/",
        sent(status="suspended", effective_on="2026-01-01", confirmed="yes"),
    )
    response = client.post(f"/register/staff/{john.pk}/edit/", {**opened, "town": "Ely"})
    assert response.status_code == 409
    john.refresh_from_db()
    assert john.town == "Bedford"


@pytest.mark.django_db
def test_a_stale_publication_change_gets_the_changed_record_page(register, officer):
    finding = register["john"].findings.get(summary="Late filing of accounts")
    url = f"/register/staff/findings/{finding.pk}/publication/"
    client = client_for(officer)
    opened = hidden_value(client.get(url).content.decode(), "version")
    finding_publication_change(
        acting_user=None, finding=finding, publish=False, publish_from=None, publish_until=None
    )
    response = client.post(url, sent(publish="on", version=opened))
    assert response.status_code == 409
    assert "This record changed since you opened it" in response.content.decode()
    finding.refresh_from_db()
    assert (finding.publish, finding.version) == (False, 2)


@pytest.mark.django_db
def test_the_api_sends_an_etag_and_refuses_a_stale_if_match(register, officer):
    client = api_client(officer)
    url = f"{API}/registrants/{register['john'].pk}/"
    read = client.get(url)
    assert read["ETag"] == '"1"' and read.json()["version"] == 1
    changed = client.patch(
        url, {"town": "Luton"}, content_type="application/json", HTTP_IF_MATCH='"1"'
    )
    assert changed.status_code == 200 and changed["ETag"] == '"2"'
    stale = client.patch(url, {"town": "Ely"}, content_type="application/json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert stale["ETag"] == '"2"' and stale.json()["current_version"] == 2
    for tag in ['W/"2"', "2", '"2", "3"', "garbage"]:
        refused = client.patch(
            url, {"town": "Ely"}, content_type="application/json", HTTP_IF_MATCH=tag
        )
        assert refused.status_code == 412, tag
    anyway = client.patch(url, {"town": "Ely"}, content_type="application/json", HTTP_IF_MATCH="*")
    assert anyway.status_code == 200 and anyway["ETag"] == '"3"'
    register["john"].refresh_from_db()
    assert register["john"].town == "Ely"


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_edits_of_the_same_version_racing_save_one(register, officer):
    url = f"{API}/registrants/{register['john'].pk}/"
    clients = [api_client(officer), api_client(officer)]
    responses = run_together(
        *[
            lambda c=c, town=town: c.patch(
                url, {"town": town}, content_type="application/json", HTTP_IF_MATCH='"1"'
            )
            for c, town in zip(clients, ["Luton", "Ely"], strict=True)
        ]
    )
    assert sorted(r.status_code for r in responses) == [200, 412], responses
    winner = next(r for r in responses if r.status_code == 200).json()["town"]
    john = Registrant.objects.get(pk=register["john"].pk)
    assert (john.town, john.version) == (winner, 2)
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(john.pk)).count() == 1


@needs_overlapping_writers
@pytest.mark.django_db(transaction=True)
def test_two_officers_saving_the_same_edit_page_at_once_save_one(register, officer, make_user):
    john = register["john"]
    clients = [client_for(officer), client_for(make_user("second", *officer_roles(officer)))]
    forms = [edit_form(c, john) for c in clients]
    responses = run_together(
        *[
            lambda c=c, f=f, town=town: c.post(
                f"/register/staff/{john.pk}/edit/", {**f, "town": town}
            )
            for c, f, town in zip(clients, forms, ["Luton", "Ely"], strict=True)
        ]
    )
    assert sorted(r.status_code for r in responses) == [302, 409], responses
    john.refresh_from_db()
    assert john.version == 2
