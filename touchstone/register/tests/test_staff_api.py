"""Staff register API: officers and administrators of the regulator only; writes go through the
services (audited); bad input is a 400 that writes nothing; everyone else sees nothing."""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.test import Client

from touchstone.core.models import AuditEvent, Role
from touchstone.core.testing import queries_for
from touchstone.register.api.serializers.staff import RegistrantUpdateSerializer
from touchstone.register.models import Finding, PracticeRight, Registrant, StatusChange
from touchstone.register.services import (
    AuditAction,
    entity_offices_set,
    right_end,
)
from touchstone.register.services.registrants import EDITABLE_FIELDS
from touchstone.register.tests.fixtures import (
    FINDING,
    GRANT,
    PRIVATE_VALUES,
    STATUS_CHANGE,
    add_members,
    foreign_firm,
)

API = "/api/v1/register"
JOHN = "/registrants/{john}/"
NEW_EMAIL = "new@example.test"


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    url: str  # under API; {john} and {right} are the ids of the fixture's objects
    data: dict = field(default_factory=dict)
    status: int = 200
    audit: str = ""  # the audit action an officer's call records

    def call(self, client: Client, objs: dict, data: dict | None = None):
        url = API + self.url.format(john=objs["john"].pk, right=objs["right"].pk)
        if self.method == "get":
            return client.get(url)
        body = self.data if data is None else data
        return getattr(client, self.method)(url, body, content_type="application/json")


READS = [Endpoint("search", "get", "/registrants/?q=smith"), Endpoint("detail", "get", JOHN)]
WRITES = [
    Endpoint("patch", "patch", JOHN, {"email": NEW_EMAIL}, 200, AuditAction.UPDATE),
    Endpoint("status", "post", JOHN + "status/", STATUS_CHANGE, 201, AuditAction.CHANGE_STATUS),
    Endpoint("grant", "post", JOHN + "rights/", GRANT, 201, AuditAction.GRANT_RIGHT),
    Endpoint(
        "end",
        "post",
        "/rights/{right}/end/",
        {"ended_on": "2025-02-01"},
        200,
        AuditAction.END_RIGHT,
    ),
    Endpoint("finding", "post", JOHN + "findings/", FINDING, 201, AuditAction.RECORD_FINDING),
]
ENDPOINTS = READS + WRITES


@pytest.fixture
def objs(register, other_organisation) -> dict:
    return {
        **register,
        "right": register["john"].rights.get(),
        "foreign_firm": foreign_firm(other_organisation),
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def state() -> tuple:
    """Everything a write could change."""
    return (
        AuditEvent.objects.count(),
        list(Registrant.objects.order_by("pk").values()),
        list(PracticeRight.objects.order_by("pk").values()),
        list(Finding.objects.order_by("pk").values()),
        list(StatusChange.objects.order_by("pk").values()),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMIN])
def test_search_shows_private_fields_to_officers_and_administrators(objs, make_user, role):
    client = client_for(make_user("keeper", (objs["john"].regulator, role)))
    john = objs["john"]
    for q in ["jon smyth", "100001", "SECRET@example.test"]:
        page = client.get(f"{API}/registrants/", {"q": q}).json()
        assert [r["number"] for r in page["results"]] == ["100001"], q
    page = client.get(f"{API}/registrants/?q=100001").json()
    assert (page["count"], page["next"], page["previous"]) == (1, None, None)
    assert page["results"][0] == {
        "id": john.pk,
        "number": "100001",
        "kind": "individual",
        "name": "Mr John Smith",
        "category": "Chartered Legal Executive",
        "status": "Active",
        "town": "Bedford",
        "postcode": "MK40 2CD",
        "email": "secret@example.test",
        "phone": "07700 900123",
        "date_of_birth": "1970-05-04",
    }
    everyone = client.get(f"{API}/registrants/?page_size=2").json()
    assert everyone["count"] == 3 and len(everyone["results"]) == 2 and everyone["next"]
    assert client.get(f"{API}/registrants/?page_size=0").status_code == 400


@pytest.mark.django_db
def test_detail_has_private_fields_every_right_finding_status_and_office(objs, officer):
    john, zoe, firm = objs["john"], objs["zoe"], objs["firm"]
    right_end(acting_user=None, right=objs["right"], ended_on=date(2020, 1, 1))
    entity_offices_set(
        acting_user=None, entity=firm, offices=[("Bedford", "MK40 1AB"), ("Luton", "")]
    )
    client = client_for(officer)
    data = client.get(f"{API}/registrants/{john.pk}/").json()
    assert [data[k] for k in ("email", "phone", "home_address", "date_of_birth")] == PRIVATE_VALUES
    assert data["entity"] == {"id": firm.pk, "number": "E5000", "name": "Smith Legal LLP"}
    [right] = data["rights"]
    assert [right[k] for k in ("code", "name", "granted_on", "ended_on", "conditions")] == [
        *("immigration", "Immigration", "2016-01-01", "2020-01-01", "Supervised practice only")
    ]
    assert right["scope"].startswith("A claim for asylum")
    assert [f["summary"] for f in data["findings"]] == [
        "Late filing of accounts",
        "UNPUBLISHED-SECRET",
        "EXPIRED-SECRET",
    ]
    assert data["findings"][1]["publish"] is False
    assert data["findings"][2]["publish_until"] is not None
    assert data["offices"] == []
    history = client.get(f"{API}/registrants/{zoe.pk}/").json()["status_history"]
    assert history == [
        {"status": "Suspended", "effective_on": "2025-03-03", "reason": "Tribunal order"}
    ]
    offices = client.get(f"{API}/registrants/{firm.pk}/").json()["offices"]
    assert offices == [
        {"town": "Bedford", "postcode": "MK40 1AB", "head_office": True},
        {"town": "Luton", "postcode": "", "head_office": False},
    ]
    assert client.get(f"{API}/registrants/999999/").status_code == 404
    assert client.post(f"{API}/rights/999999/end/", {}).status_code == 404


@pytest.mark.django_db
def test_an_officer_of_another_regulator_searches_only_their_own_register(objs, outsider):
    """Who may call what is tried for every address in test_permissions_matrix.py."""
    response = READS[0].call(client_for(outsider), objs)
    assert {r["number"] for r in response.json()["results"]} == {"E9000"}


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", WRITES, ids=[e.name for e in WRITES])
def test_officer_writes_go_through_the_audited_service(endpoint, objs, officer):
    client = client_for(officer)
    response = endpoint.call(client, objs)
    assert response.status_code == endpoint.status, response.content[:500]
    data = response.json()
    event = AuditEvent.objects.get(action=endpoint.audit, actor=officer)
    assert event.object_id == str(objs["john"].pk) == str(data["id"])
    assert data == READS[1].call(client, objs).json()  # the registrant as it now is
    current = {r["code"]: r["ended_on"] for r in data["rights"]}
    history = [(c["status"], c["reason"]) for c in data["status_history"]]
    expected = {
        "patch": (data["email"], event.before) == (NEW_EMAIL, {"email": "secret@example.test"}),
        "status": (data["status"], history) == ("Suspended", [("Suspended", "Order")]),
        "grant": current == {"immigration": None, "probate": None},
        "end": current == {"immigration": "2025-02-01"},
        "finding": "Failure to supervise" in [f["summary"] for f in data["findings"]],
    }
    assert expected[endpoint.name], data


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["SUSPENDED", "Struck off", "struck_OFF", " lapsed "])
def test_status_is_named_by_code_or_name_in_any_case(objs, officer, value):
    body = {"status": value, "effective_on": "2025-06-01"}
    response = WRITES[1].call(client_for(officer), objs, body)
    assert response.status_code == 201, response.content
    assert response.json()["status"].lower() == value.strip().lower().replace("_", " ")


@pytest.mark.django_db
def test_patch_changes_names_category_and_entity(objs, officer):
    client = client_for(officer)
    body = {"family_name": "Smythe", "category": "GRADUATE", "entity": None}
    data = WRITES[0].call(client, objs, body).json()
    assert (data["name"], data["category"], data["entity"]) == ("Mr John Smythe", "Graduate", None)
    found = client.get(f"{API}/registrants/?q=smythe").json()["results"]
    assert [r["number"] for r in found] == ["100001"]
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, actor=officer)
    assert event.after["family_name"] == "Smythe" and event.after["entity_id"] is None
    zoe = f"{API}/registrants/{objs['zoe'].pk}/"
    data = client.patch(zoe, {"entity": objs["firm"].pk}, content_type="application/json").json()
    assert data["entity"]["number"] == "E5000"
    assert client.patch(zoe, {}, content_type="application/json").status_code == 200


def test_patch_accepts_exactly_what_the_service_may_change():
    assert set(RegistrantUpdateSerializer().fields) == EDITABLE_FIELDS


BAD_INPUT = [
    ("patch", {"number": "999"}, "number"),
    ("patch", {"status": "lapsed"}, "status"),
    ("patch", {"email": "secret@example.test", "kind": "entity"}, "kind"),
    ("patch", {"email": "not an email"}, "email"),
    ("patch", {"date_of_birth": "1970-13-01"}, "date_of_birth"),
    ("patch", {"category": "bogus"}, "category"),
    ("patch", {"entity": "zoe"}, "entity"),
    ("patch", {"entity": "foreign_firm"}, "entity"),
    ("patch", {"entity": 999999}, "entity"),
    ("status", {"status": "bogus", "effective_on": "2025-06-01"}, "status"),
    ("status", {"status": "active", "effective_on": "2025-06-01"}, "status"),
    ("status", {"status": "suspended", "effective_on": "2025-02-30"}, "effective_on"),
    ("status", {"status": "suspended"}, "effective_on"),
    ("grant", {"code": "bogus", "granted_on": "2025-01-01"}, "code"),
    ("grant", {"code": "immigration", "granted_on": "2025-01-01"}, "code"),
    ("grant", {"code": "probate", "granted_on": "01/01/2025"}, "granted_on"),
    ("end", {"ended_on": "yesterday"}, "ended_on"),
    ("end", {}, "ended_on"),
    ("end", {"ended_on": "2015-12-31"}, "ended_on"),  # before it was granted
    ("finding", {k: v for k, v in FINDING.items() if k != "publish"}, "publish"),
    ("finding", {**FINDING, "decided_on": "2025-13-05"}, "decided_on"),
    ("finding", {**FINDING, "body": "x" * 201}, "body"),
    ("finding", {**FINDING, "publish": True, "publish_until": "2024-12-31"}, "publish_until"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "field"), BAD_INPUT)
def test_bad_input_is_400_and_writes_nothing(objs, officer, name, data, field):
    endpoint = next(e for e in WRITES if e.name == name)
    if field == "entity" and isinstance(data["entity"], str):
        data = {"entity": objs[data["entity"]].pk}
    before = state()
    response = endpoint.call(client_for(officer), objs, data)
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert state() == before


@pytest.mark.django_db
def test_search_query_count_is_flat_as_the_register_grows(objs, officer, organisation):
    client = client_for(officer)

    def queries() -> int:
        return queries_for(client, f"{API}/registrants/?page_size=100")

    before = queries()
    add_members(organisation, 30)
    assert queries() == before


@pytest.mark.django_db
def test_schema_documents_the_staff_api(officer):
    paths = client_for(officer).get("/api/v1/schema/?format=json").json()["paths"]
    staff = {p: ops for p, ops in paths.items() if p.startswith(f"{API}/")}
    assert sorted(staff) == [
        f"{API}/registrants/",
        f"{API}/registrants/{{id}}/",
        f"{API}/registrants/{{id}}/findings/",
        f"{API}/registrants/{{id}}/rights/",
        f"{API}/registrants/{{id}}/status/",
        f"{API}/rights/{{id}}/end/",
    ]
    for ops in staff.values():
        for method, op in ops.items():
            assert op["tags"] == ["register"], method
    assert {"200", "400", "403", "404"} <= set(
        staff[f"{API}/registrants/{{id}}/"]["patch"]["responses"]
    )
    assert "q" in {p["name"] for p in staff[f"{API}/registrants/"]["get"]["parameters"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("entity", "keeps_both"),
    [("zoe", False), ("foreign_firm", False), (999999, False), ("foreign_firm", True)],
)
def test_an_entity_that_cannot_be_johns_is_the_same_400(
    objs, officer, make_user, organisation, other_organisation, entity, keeps_both
):
    """An unknown id, a registrant the officer cannot see, an individual, or an entity of
    another register the officer also keeps (refused by the service): the same answer."""
    user = (
        make_user("keeper", (organisation, Role.OFFICER), (other_organisation, Role.OFFICER))
        if keeps_both
        else officer
    )
    pk = objs[entity].pk if isinstance(entity, str) else entity
    before = state()
    response = client_for(user).patch(
        f"{API}/registrants/{objs['john'].pk}/", {"entity": pk}, content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert response.json() == {"entity": ["No such entity on this register."]}
    assert state() == before
