"""The API refuses what its schema does not allow, with a 400 naming the field, and its
schema says what its validation checks."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from touchstone.plans.tests.factories import sample_plan, table_counts
from touchstone.register.models import Finding
from touchstone.register.tests.test_staff_api import FINDING


@pytest.fixture
def api(officer) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "²", ""])
def test_a_bad_page_number_is_400_like_other_bad_input(register, page):
    response = Client().get("/api/v1/public/register/", {"page": page})
    assert response.status_code == 400
    assert "page" in response.json()


@pytest.mark.django_db
def test_a_page_past_the_last_is_still_404(register):
    assert Client().get("/api/v1/public/register/", {"page": "99"}).status_code == 404


@pytest.mark.django_db
def test_plans_api_refuses_an_empty_date_and_non_text(api, organisation, officer):
    plan = sample_plan(organisation, acting_user=officer, name="Strict plan")
    action = plan.actions.get(ref="2.1.1")
    before = table_counts()
    for url in (
        f"/api/v1/plans/{plan.pk}/?as_of=",
        f"/api/v1/plans/{plan.pk}/actions/?as_of=",
        f"/api/v1/plans/{plan.pk}/export/?as_of=",
    ):
        response = api.get(url)
        assert response.status_code == 400, url
        assert "as_of" in response.json()
    for body, field in (
        ({"leads_text": 0}, "leads_text"),
        ({"comment": True}, "comment"),
        ({"due_text": 2019}, "due_text"),
    ):
        response = api.patch(
            f"/api/v1/plans/actions/{action.pk}/", body, content_type="application/json"
        )
        assert response.status_code == 400 and field in response.json()
    response = api.post(
        f"/api/v1/plans/actions/{action.pk}/progress/",
        {"text": 5, "recorded_on": ""},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {"text", "recorded_on"} <= set(response.json())
    assert table_counts() == before


@pytest.mark.django_db
def test_a_finding_without_publish_is_refused_in_any_encoding(register, api):
    john = register["john"]
    url = f"/api/v1/register/registrants/{john.pk}/findings/"
    before = Finding.objects.count()
    without = {k: v for k, v in FINDING.items() if k != "publish"}
    response = api.post(url, without, content_type="application/json")
    assert response.status_code == 400 and "publish" in response.json()
    assert api.post(url, without).status_code == 415  # form encoding is not the API's
    assert Finding.objects.count() == before


@pytest.mark.django_db
def test_schema_documents_codes_patterns_and_json_only(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    components = schema["components"]["schemas"]

    def enum(component: str, field: str) -> list:
        prop = components[component]["properties"][field]
        for ref in [prop, *prop.get("allOf", []), *prop.get("oneOf", [])]:
            if "$ref" in ref:
                return components[ref["$ref"].rsplit("/", 1)[1]]["enum"]
            if "enum" in ref:
                return ref["enum"]
        return []

    assert "suspended" in enum("StatusChangeRequest", "status")
    assert "immigration" in enum("RightGrantRequest", "code")
    assert "graduate" in enum("PatchedRegistrantUpdateRequest", "category")
    assert components["FindingRequest"]["required"].count("publish") == 1
    public = schema["paths"]["/api/v1/public/register/"]["get"]["parameters"]
    by_name = {p["name"]: p["schema"] for p in public}
    assert "immigration" in by_name["right"]["enum"] and by_name["page"]["minimum"] == 1
    detail = schema["paths"]["/api/v1/public/register/{number}/"]["get"]["parameters"]
    assert detail[0]["schema"]["pattern"].startswith("^")
    for path in schema["paths"].values():
        for operation in path.values():
            if "requestBody" in operation:
                assert list(operation["requestBody"]["content"]) == ["application/json"]
