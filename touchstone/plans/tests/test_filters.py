"""A plan's action filters are declared once (plans/filters.py) and serve the dashboard and
the API alike: the same fields, the same refusals, the same documentation."""

import pytest

from touchstone.plans.filters import ActionFilters


@pytest.mark.django_db
def test_the_dashboard_the_api_and_its_documentation_take_the_declared_filters(
    officer_client, web_plan
):
    declared = set(ActionFilters.base_filters)
    form = officer_client.get(f"/plans/{web_plan.pk}/", {"q": "x"}).context["form"]
    assert set(form.fields) == declared | {"as_of"}  # the day to measure against
    schema = officer_client.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/plans/{id}/actions/"]["get"]
    documented = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
    assert documented == declared | {"as_of"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"), [({"rag": "purple"}, "rag"), ({"status": "done"}, "status")]
)
def test_a_bad_value_is_refused_alike_on_the_dashboard_and_in_the_api(
    officer_client, web_plan, params, field
):
    api = officer_client.get(f"/api/v1/plans/{web_plan.pk}/actions/", params)
    assert api.status_code == 400
    [message] = api.json()[field]
    page = officer_client.get(f"/plans/{web_plan.pk}/", params)
    assert page.context["form"].errors[field] == [message]
    assert len(page.context["actions"]) == web_plan.actions.count()  # the rest still listed


@pytest.mark.django_db
def test_the_api_refuses_a_parameter_it_does_not_take(officer_client, web_plan):
    response = officer_client.get(f"/api/v1/plans/{web_plan.pk}/actions/", {"sort": "due"})
    assert response.status_code == 400
    assert response.json() == {"detail": "unknown parameter: sort"}


@pytest.mark.django_db
def test_the_dashboard_and_the_api_list_the_same_actions_for_the_same_filters(
    officer_client, web_plan
):
    area = web_plan.areas.order_by("position").first()
    for params in ({"area": area.pk}, {"rag": "none"}, {"status": "complete"}, {"q": "the"}):
        api = officer_client.get(f"/api/v1/plans/{web_plan.pk}/actions/", params).json()
        page = officer_client.get(f"/plans/{web_plan.pk}/", params).context["actions"]
        assert [a["id"] for a in api] == [a.pk for a in page], params
