"""Staff pages and the new services: officers only, changes go through services, audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from touchstone.core.models import AuditEvent, Role
from touchstone.core.testing import date_boxes, sent
from touchstone.register.models import EntityOffice, Finding, Registrant, RegistrantWord
from touchstone.register.services import (
    AuditAction,
    entity_offices_set,
    finding_publication_change,
    registrant_update,
)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def staff_urls(register) -> list[str]:
    john = register["john"]
    right = john.rights.get()
    finding = john.findings.first()
    return [
        "/register/staff/",
        f"/register/staff/{john.pk}/",
        f"/register/staff/{john.pk}/edit/",
        f"/register/staff/{john.pk}/status/",
        f"/register/staff/{john.pk}/rights/add/",
        f"/register/staff/{john.pk}/findings/add/",
        f"/register/staff/rights/{right.pk}/end/",
        f"/register/staff/findings/{finding.pk}/publication/",
        "/register/staff/cpd/",
        f"/history/register/registrant/{john.pk}/",
    ]


@pytest.mark.django_db
def test_officers_see_every_staff_page_with_private_fields(register, officer):
    client = client_for(officer)
    for url in staff_urls(register):
        assert client.get(url).status_code == 200, url
    page = client.get(f"/register/staff/{register['john'].pk}/").content.decode()
    assert "secret@example.test" in page and "UNPUBLISHED-SECRET" in page
    assert "Mr John Smith" in client.get("/register/staff/?q=jon+smyth").content.decode()
    assert "Mr John Smith" in client.get("/register/staff/?q=secret@example.test").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.COMMITTEE_MEMBER, Role.PUBLIC])
def test_other_staff_and_outsiders_see_no_staff_page(register, make_user, organisation, role):
    users = [make_user("someone", (organisation, role)), make_user("nobody")]
    for user in users:
        client = client_for(user)
        for url in staff_urls(register):
            assert client.get(url).status_code == 404, (user, url)


@pytest.mark.django_db
def test_outsider_officer_sees_nothing_of_another_regulator(register, outsider):
    client = client_for(outsider)
    assert "Smith" not in client.get("/register/staff/?q=smith").content.decode()
    for url in staff_urls(register)[1:]:
        if "/cpd/" not in url:
            assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(register):
    response = Client().get(f"/register/staff/{register['john'].pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


@pytest.mark.django_db
def test_status_change_page_calls_the_service_and_shows_errors(register, officer):
    client = client_for(officer)
    john = register["john"]
    url = f"/register/staff/{john.pk}/status/"
    response = client.post(url, sent(status="suspended"))
    assert response.status_code == 200
    assert "Enter the date the status takes effect" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    answers = dict(status="suspended", reason="x", **date_boxes("effective_on", " 3 ", "Mar", 2026))
    response = client.post(url, sent(answers, confirmed="yes"))
    assert response.status_code == 302
    john.refresh_from_db()
    assert (john.status.code, john.status_since) == ("suspended", date(2026, 3, 3))
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE_STATUS, actor=officer).count() == 1
    again = client.post(url, sent(answers, status="suspended", confirmed="yes"))
    assert "Select the new status from the list" in again.content.decode()  # not offered now


@pytest.mark.django_db
def test_right_finding_and_publication_pages(register, officer):
    client = client_for(officer)
    zoe = register["zoe"]
    response = client.post(
        f"/register/staff/{zoe.pk}/rights/add/",
        sent(code="probate", granted_on="2026-01-02", conditions="Supervised"),
    )
    assert response.status_code == 302
    right = zoe.rights.get()
    assert (right.right_type.code, right.conditions) == ("probate", "Supervised")
    assert (
        client.post(
            f"/register/staff/rights/{right.pk}/end/", sent(ended_on="2026-02-01")
        ).status_code
        == 302
    )
    right.refresh_from_db()
    assert right.ended_on == date(2026, 2, 1)
    client.post(
        f"/register/staff/{zoe.pk}/findings/add/",
        sent(
            decided_on="2025-01-01",
            body="Tribunal",
            summary="Misled a client",
            sanction="Suspension",
            publish="on",
        ),
    )
    finding = Finding.objects.get(registrant=zoe)
    assert (finding.publish, finding.publish_from) == (True, date(2025, 1, 1))
    assert "Misled a client" in Client().get("/register/100002/").content.decode()
    client.post(  # unticked: withdraw
        f"/register/staff/findings/{finding.pk}/publication/", sent(version=finding.version)
    )
    finding.refresh_from_db()
    assert finding.publish is False
    assert "Misled a client" not in Client().get("/register/100002/").content.decode()


@pytest.mark.django_db
def test_edit_page_changes_details_and_search_keys(register, officer):
    client = client_for(officer)
    john = register["john"]
    data = {
        "title": "Dr",
        "given_names": "Jonathan",
        "family_name": "Smith",
        "category": "cilex_practitioner",
        "town": "Luton",
        "postcode": "LU1 1AA",
        "email": "new@example.test",
        "version": john.version,
    }
    assert client.post(f"/register/staff/{john.pk}/edit/", sent(data)).status_code == 302
    john.refresh_from_db()
    assert (john.name, john.category.code, john.town) == (
        "Dr Jonathan Smith",
        "cilex_practitioner",
        "Luton",
    )
    words = set(RegistrantWord.objects.filter(registrant=john).values_list("word__word", flat=True))
    assert words == {"dr", "jonathan", "smith"}
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(john.pk))
    assert event.before["given_names"] == "John" and event.after["given_names"] == "Jonathan"
    assert "date_of_birth" in event.before  # cleared, since the form left it empty


@pytest.mark.django_db
def test_registrant_update_refuses_number_and_non_officers(register, officer, outsider):
    john = register["john"]
    with pytest.raises(ValidationError):
        registrant_update(acting_user=officer, registrant=john, number="999")
    with pytest.raises(PermissionDenied):
        registrant_update(acting_user=outsider, registrant=john, town="Luton")
    john.refresh_from_db()
    assert (john.number, john.town) == ("100001", "Bedford")


@pytest.mark.django_db
def test_entity_offices_are_public_and_replaced_atomically(register, officer):
    firm = register["firm"]
    entity_offices_set(
        acting_user=officer, entity=firm, offices=[("Bedford", "MK40 1AB"), ("Luton", "LU1 2BB")]
    )
    page = Client().get("/register/E5000/").content.decode()
    assert "Bedford MK40 1AB (head office)" in page and "Luton LU1 2BB" in page
    with pytest.raises(ValidationError):
        entity_offices_set(acting_user=officer, entity=firm, offices=[("", "X" * 20)])
    assert EntityOffice.objects.filter(entity=firm).count() == 2
    with pytest.raises(ValidationError):
        entity_offices_set(acting_user=officer, entity=register["john"], offices=[("A", "B")])
    assert AuditEvent.objects.filter(action=AuditAction.SET_OFFICES).count() == 1


@pytest.mark.django_db
def test_publication_cannot_end_before_it_starts(register, officer):
    finding = register["john"].findings.get(summary="UNPUBLISHED-SECRET")
    with pytest.raises(ValidationError):
        finding_publication_change(
            acting_user=officer,
            finding=finding,
            publish=True,
            publish_from=date(2025, 1, 1),
            publish_until=date(2024, 1, 1),
        )
    finding.refresh_from_db()
    assert finding.publish is False


@pytest.mark.django_db
def test_specialist_registers_are_views_of_rights(register):
    page = Client().get("/register/specialist/").content.decode()
    assert "Immigration practitioners" in page and "Advocates" in page
    results = Client().get("/register/?right=immigration&status=active").content.decode()
    assert "Mr John Smith" in results and "Brown" not in results
    assert Registrant.objects.count() == 3


@pytest.mark.django_db
def test_a_service_refusal_marks_its_field(register, officer):
    finding = register["john"].findings.first()
    response = client_for(officer).post(
        f"/register/staff/findings/{finding.pk}/publication/",
        sent(
            publish="on",
            publish_from="2026-05-01",
            publish_until="2026-04-01",
            version=finding.version,
        ),
    )
    html = response.content.decode()
    assert "Publication cannot end before it starts" in html
    assert 'aria-describedby="id_publish_until-hint id_publish_until-error"' in html
    assert "govuk-input--error" in html


@pytest.mark.django_db
def test_the_register_page_leads_officers_and_members_to_their_pages(register, officer, make_user):
    member = make_user("john")
    register["john"].user = member
    register["john"].save()
    links = {
        "officer": client_for(officer).get("/register/").content.decode(),
        "member": client_for(member).get("/register/").content.decode(),
        "public": Client().get("/register/").content.decode(),
    }
    assert "/register/staff/" in links["officer"] and "/register/my-cpd/" not in links["officer"]
    assert "/register/my-cpd/" in links["member"] and "/register/staff/" not in links["member"]
    assert "/register/staff/" not in links["public"] and "/register/my-cpd/" not in links["public"]
