"""Each register list's filters are declared once (register/filters.py) and serve its page and
its API alike: the same fields, the same refusals, the same documentation."""

import pytest
from django.test import Client

from touchstone.core.testing import client_for
from touchstone.register.filters import PublicRegisterFilters, StaffRegisterFilters

LISTS = [
    (PublicRegisterFilters, "/register/", "/api/v1/public/register/"),
    (StaffRegisterFilters, "/register/staff/", "/api/v1/register/registrants/"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("filters", "page", "api"), LISTS)
def test_the_page_the_api_and_its_documentation_take_the_declared_filters(
    filters, page, api, officer
):
    declared = set(filters.base_filters)
    client = client_for(officer)
    form = client.get(page, {"q": "smith"}).context["form"]
    assert set(form.fields) == declared
    schema = client.get("/api/v1/schema/?format=json").json()
    documented = {p["name"] for p in schema["paths"][api]["get"]["parameters"]}
    assert documented == declared | {"page", "page_size"}


@pytest.mark.django_db
@pytest.mark.parametrize(("filters", "page", "api"), LISTS)
def test_a_parameter_the_list_does_not_take_is_refused(filters, page, api, officer):
    response = client_for(officer).get(api, {"q": "smith", "ordering": "date_of_birth"})
    assert response.status_code == 400
    assert response.json() == {"detail": "unknown parameter: ordering"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"status": "asleep"}, "status", 'unknown status "asleep"'),
        ({"right": "flying"}, "right", 'unknown right "flying"'),
        ({"q": "x" * 201}, "q", None),
    ],
)
def test_a_value_is_refused_alike_on_the_page_and_in_the_api(register, params, field, message):
    api = Client().get("/api/v1/public/register/", params)
    assert api.status_code == 400
    [api_message] = api.json()[field]
    page = Client().get("/register/", params)
    assert page.status_code == 200 and page.context["page"] is None
    assert page.context["form"].errors[field] == [api_message]
    if message:
        assert api_message == message


@pytest.mark.django_db
def test_the_page_takes_a_category_or_status_by_name_as_the_api_does(register):
    params = {"category": "chartered legal executive", "status": "ACTIVE"}
    api = Client().get("/api/v1/public/register/", params).json()
    page = Client().get("/register/", params).context["page"]
    assert [r["number"] for r in api["results"]] == [r.number for r in page.object_list]
    assert api["count"] == page.paginator.count > 0
