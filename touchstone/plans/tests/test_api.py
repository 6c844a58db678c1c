"""Plans API: the contract (fields, numbers, filters), writes through the services, and 400s
with field-level messages for bad input. Who may do what is in test_permissions_matrix.py."""

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from touchstone.plans.exports import plan_export_data
from touchstone.plans.tests.factories import SAMPLE_AS_OF, SAMPLE_REFS, sample_plan, table_counts

ACTION_FIELDS = [
    "id",
    "ref",
    "area",
    "target",
    "action",
    "due_text",
    "due_date",
    "recurring",
    "leads",
    "status",
    "rag",
    "comment",
    "progress",
    "overdue",
    "version",
]


@pytest.fixture
def plan(organisation, officer):
    return sample_plan(organisation, acting_user=officer, name="API plan")


@pytest.fixture
def action(plan):
    return plan.actions.get(ref="2.1.1")


@pytest.fixture
def api(officer) -> Client:
    """A client that signs in with an API token, as scripts do."""
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")


def patch(api, action, data):
    return api.patch(f"/api/v1/plans/actions/{action.pk}/", data, content_type="application/json")


def post_progress(api, action, data):
    return api.post(
        f"/api/v1/plans/actions/{action.pk}/progress/", data, content_type="application/json"
    )


@pytest.mark.django_db
def test_token_is_required(plan):
    assert Client().get("/api/v1/plans/").status_code == 401
    bad = Client(HTTP_AUTHORIZATION="Token not-a-token").get("/api/v1/plans/")
    assert bad.status_code == 401


@pytest.mark.django_db
def test_plan_list_is_paginated(api, organisation, officer, plan):
    for n in range(3):
        sample_plan(organisation, acting_user=officer, name=f"Extra {n}")
    page = api.get("/api/v1/plans/?page_size=2").json()
    assert page["count"] == 4 and len(page["results"]) == 2 and page["next"]
    first = next(p for p in api.get("/api/v1/plans/").json()["results"] if p["id"] == plan.pk)
    assert first == {
        "id": plan.pk,
        "title": "API plan",
        "organisation": "ips",
        "kind": "business_plan",
        "period": "",
        "starts_on": None,
        "ends_on": None,
        "action_count": 5,
    }
    assert api.get("/api/v1/plans/?page_size=0").status_code == 400
    assert api.get("/api/v1/plans/?page=99").status_code == 404


@pytest.mark.django_db
def test_plan_detail_has_structure_and_rag_totals(api, plan):
    data = api.get(f"/api/v1/plans/{plan.pk}/?as_of={SAMPLE_AS_OF}").json()
    assert (data["title"], data["action_count"], data["area_count"], data["target_count"]) == (
        "API plan",
        5,
        2,
        3,
    )
    assert data["as_of"] == "2010-01-15"
    assert data["rag_totals"] == {"green": 1, "amber": 1, "red": 1, "none": 2}
    assert data["areas"] == [
        {
            "name": "Registration",
            "counts": {"green": 1, "amber": 1, "red": 0, "none": 1},
            "total": 3,
        },
        {
            "name": "Fitness to practise",
            "counts": {"green": 0, "amber": 0, "red": 1, "none": 1},
            "total": 2,
        },
    ]
    assert (data["overdue"], data["due_soon"]) == (1, 0)
    assert api.get(f"/api/v1/plans/{plan.pk}/?as_of=2010-02-30").status_code == 400


@pytest.mark.django_db
def test_action_list_contract(api, plan):
    listing = api.get(f"/api/v1/plans/{plan.pk}/actions/?as_of={SAMPLE_AS_OF}").json()
    assert [a["ref"] for a in listing] == SAMPLE_REFS
    assert all(list(a) == ACTION_FIELDS for a in listing)
    first = listing[0]
    assert {k: first[k] for k in ACTION_FIELDS if k != "id"} == {
        "ref": "2.1.1",
        "area": "Registration",
        "target": "Register is accurate",
        "action": "Publish the advocates register",
        "due_text": "July 2009",
        "due_date": "2009-07-31",
        "recurring": False,
        "leads": ["BB", "IW"],
        "status": "in_progress",
        "rag": "green",
        "comment": "",
        "progress": "Draft ready",
        "overdue": True,
        "version": 1,
    }
    by_ref = {a["ref"]: a for a in listing}
    assert (by_ref["2.1.2"]["due_date"], by_ref["2.1.2"]["progress"]) == (None, None)  # TBA
    assert by_ref["2.2.1"]["rag"] is None
    assert by_ref["3.1.2"]["recurring"] is True
    assert [a["ref"] for a in listing if a["overdue"]] == ["2.1.1"]  # 2.2.1 is complete
    earlier = api.get(f"/api/v1/plans/{plan.pk}/actions/?as_of=2009-07-31").json()
    assert not any(a["overdue"] for a in earlier)  # the due day itself is not overdue


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rag=red", ["3.1.1"]),
        ("rag=none", ["2.2.1", "3.1.2"]),
        ("status=complete", ["2.2.1"]),
        ("lead=IW", ["2.1.1"]),
        ("q=cpd", ["2.2.1"]),
        ("q=2.1.2", ["2.1.2"]),
    ],
)
def test_action_list_filters(api, plan, query, expected):
    listing = api.get(f"/api/v1/plans/{plan.pk}/actions/?{query}").json()
    assert [a["ref"] for a in listing] == expected


@pytest.mark.django_db
def test_action_list_area_filter(api, plan):
    area = plan.areas.get(name="Fitness to practise")
    listing = api.get(f"/api/v1/plans/{plan.pk}/actions/?area={area.pk}").json()
    assert [a["ref"] for a in listing] == ["3.1.1", "3.1.2"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=bogus", "status"),
        ("rag=purple", "rag"),
        ("area=0", "area"),
        ("area=x", "area"),
        ("as_of=2010-13-01", "as_of"),
        ("as_of=yesterday", "as_of"),
    ],
)
def test_action_list_bad_filters_are_400(api, plan, query, field):
    response = api.get(f"/api/v1/plans/{plan.pk}/actions/?{query}")
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.django_db
def test_get_action(api, action):
    data = api.get(f"/api/v1/plans/actions/{action.pk}/").json()
    assert list(data) == ACTION_FIELDS
    assert (data["id"], data["ref"], data["overdue"]) == (action.pk, "2.1.1", True)


@pytest.mark.django_db
def test_patch_action(api, action):
    response = patch(
        api,
        action,
        {
            "status": "deferred",
            "rag": "amber",
            "comment": "Waiting",
            "due_text": "Q2 2018-19",
            "leads_text": "AH",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert (data["status"], data["rag"], data["comment"], data["due_date"], data["leads"]) == (
        "deferred",
        "amber",
        "Waiting",
        "2018-09-30",
        ["AH"],
    )
    # A field left out is unchanged; "" clears the RAG.
    data = patch(api, action, {"rag": ""}).json()
    assert (data["status"], data["rag"]) == ("deferred", None)
    action.refresh_from_db()
    assert (action.status, action.rag, action.leads_text) == ("deferred", "", "AH")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"rag": "purple"}, "rag"),
        ({"status": "finished"}, "status"),
        ({"status": None}, "status"),
        ({"due_text": "x" * 101}, "due_text"),
        ({"leads_text": "x" * 201}, "leads_text"),
        ({"comment": 5 * [1]}, "comment"),
    ],
)
def test_patch_bad_input_is_400_and_writes_nothing(api, action, data, field):
    before = table_counts()
    response = patch(api, action, data)
    assert response.status_code == 400
    assert field in response.json()
    assert table_counts() == before
    action.refresh_from_db()
    assert (action.status, action.rag) == ("in_progress", "green")


@pytest.mark.django_db
def test_record_progress(api, action):
    response = post_progress(
        api, action, {"text": "Published", "recorded_on": "2010-01-10", "status": "complete"}
    )
    assert response.status_code == 201
    data = response.json()
    assert (data["status"], data["overdue"]) == ("complete", False)
    action.refresh_from_db()
    update = action.progress_updates.get(text="Published")
    assert update.recorded_on.isoformat() == "2010-01-10"
    # Without a date it is today's; the newest is the action's progress.
    data = post_progress(api, action, {"text": "Launched", "rag": "red"}).json()
    assert (data["progress"], data["rag"]) == ("Launched", "red")
    action.refresh_from_db()
    assert action.last_progress_on == timezone.localdate()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x", "recorded_on": "2999-01-01"}, "recorded_on"),
        ({"text": "x", "recorded_on": "01/01/2010"}, "recorded_on"),
        ({"text": "x", "status": "finished"}, "status"),
        ({"text": "x", "rag": "purple"}, "rag"),
    ],
)
def test_record_progress_bad_input_is_400_and_writes_nothing(api, action, data, field):
    before = table_counts()
    response = post_progress(api, action, data)
    assert response.status_code == 400
    assert field in response.json()
    assert table_counts() == before


@pytest.mark.django_db
def test_malformed_json_is_400(api, action):
    response = api.patch(
        f"/api/v1/plans/actions/{action.pk}/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_export_json(api, plan):
    response = api.get(f"/api/v1/plans/{plan.pk}/export/?format=json&as_of=2010-01-15")
    assert response.status_code == 200
    assert response.json() == plan_export_data(plan, as_of=SAMPLE_AS_OF)
    assert api.get(f"/api/v1/plans/{plan.pk}/export/?as_of=2010-13-01").status_code == 400


@pytest.mark.django_db
def test_unknown_ids_are_404(api):
    for url in [
        "/api/v1/plans/999999/",
        "/api/v1/plans/999999/actions/",
        "/api/v1/plans/999999/export/",
        "/api/v1/plans/actions/999999/",
    ]:
        assert api.get(url).status_code == 404, url
    assert post_progress(api, type("A", (), {"pk": 999999}), {"text": "x"}).status_code == 404


@pytest.mark.django_db
def test_schema_documents_the_plans_api(api):
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    paths = schema["paths"]
    actions = paths["/api/v1/plans/{id}/actions/"]["get"]
    assert {"area", "status", "rag", "lead", "q", "as_of"} <= {
        p["name"] for p in actions["parameters"]
    }
    assert {"200", "400", "404"} <= set(actions["responses"])
    assert "patch" in paths["/api/v1/plans/actions/{id}/"]
    progress = paths["/api/v1/plans/actions/{id}/progress/"]["post"]
    assert {"201", "400", "403", "404"} <= set(progress["responses"])
    assert "as_of" in {p["name"] for p in paths["/api/v1/plans/{id}/export/"]["get"]["parameters"]}
    detail = schema["components"]["schemas"]["PlanDetail"]["properties"]
    assert {"rag_totals", "areas", "area_count", "target_count", "overdue"} <= set(detail)


def test_schema_generates_without_warnings():
    """drf-spectacular warns (rather than fails) on anything it cannot document."""
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    schema = SchemaGenerator(patterns=None).get_schema(request=None, public=True)
    assert "/api/v1/plans/{id}/" in schema["paths"]
    plans_messages = [m for m in GENERATOR_STATS._warn_cache if "plans" in str(m).lower()]
    plans_messages += [m for m in GENERATOR_STATS._error_cache if "plans" in str(m).lower()]
    assert plans_messages == []
