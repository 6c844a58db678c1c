"""The framework pages anyone can read: the library's list, a framework's standards in the
printed table's layout with its filters, the download in each format; the public API; and
the home panel of a standards body's staff."""

import json

import pytest
from django.test import Client

from touchstone.core.models import OrganisationKind, Role
from touchstone.core.testing import client_for, queries_for
from touchstone.standards.services import framework_load
from touchstone.standards.tests.build import small_library

pytestmark = pytest.mark.django_db
IQS = "/standards/frameworks/iqs-2012/"


def _page(url: str, **params) -> str:
    response = Client().get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_library_lists_each_framework_once():
    page = _page("/standards/")
    assert "The Institute of Paralegals Quality Standards for Legal Service Providers" in page
    assert "71 standards with their text" in page
    assert "15 clause codes (the text is not held)" in page  # the LSC clauses
    assert page.count(IQS) == 1


def test_the_framework_page_is_the_printed_table():
    page = _page(IQS)
    assert "71 of 71 standards shown" in page
    for column in ("LSC", "Lexcel", "ISO 9000", "IBA"):
        assert f'<th scope="col" class="govuk-table__header">{column}</th>' in page
    assert page.index("Consumer Protection") < page.index("Client Confidentiality")
    assert "This provision imposes a much higher level of confidentiality." in page
    assert page.index("Running Your Business") < page.index("Holding Client Money")
    row = page[page.index('id="standard-21"') :]
    row = row[: row.index("</tr>")]
    assert "c) the next steps to be taken." in row and "Under standard 18" in row
    assert "F1, F2" in row and "7.2, 7.3" in row
    assert "Mandatory" in page[page.index('id="standard-55"') :][:600]


@pytest.mark.parametrize(
    "params, shown, present, absent",
    [
        ({"q": "complaint"}, 6, "Handling Client Complaints", "Costs Information"),
        ({"q": "CONFLICT check"}, 2, "Files will record", "Client Confidentiality"),
        ({"maps_to": "LSC"}, 30, "E.2", "Checkaprofessional.com"),
        ({"maps_to": "Lexcel", "q": "training"}, 1, "12 hours", "Client Engagement Letter"),
        ({"q": "no such words"}, 0, "No standard matches.", "Consumer Protection</h2>"),
    ],
)
def test_filters_show_the_standards_asked_for(params, shown, present, absent):
    page = _page(IQS, **params)
    assert f"{shown} of 71 standards shown" in page
    assert present in page and absent not in page


def test_an_unknown_mapping_framework_is_an_error_beside_its_field():
    page = _page(IQS, maps_to="Nowhere")
    assert "govuk-error-message" in page and "71 of 71 standards shown" in page


def test_the_page_runs_the_same_queries_for_a_small_framework_and_the_iqs():
    framework_load(acting_user=None, library=small_library())
    client = Client()
    assert queries_for(client, "/standards/frameworks/test-quality/") == queries_for(client, IQS)


@pytest.mark.parametrize(
    "fmt, content_type, start",
    [
        ("csv", "text/csv; charset=utf-8", b"number,section,heading,text,parent,LSC"),
        ("json", "application/json", b"{"),
        ("yaml", "application/yaml; charset=utf-8", b"framework:"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ],
)
def test_download_in_each_format(fmt, content_type, start):
    response = Client().get(f"{IQS}download/", {"format": fmt})
    assert response.status_code == 200 and response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="iqs-2012.{fmt}"'
    assert response.content.startswith(start)


def test_download_in_an_unknown_format_is_refused():
    response = Client().get(f"{IQS}download/", {"format": "pdf"})
    assert response.status_code == 400


def test_an_unknown_framework_is_not_found():
    assert Client().get("/standards/frameworks/nothing/").status_code == 404
    assert Client().get("/standards/frameworks/nothing/download/?format=csv").status_code == 404
    assert Client().get("/api/v1/standards/frameworks/nothing/").status_code == 404


def test_the_api_gives_the_export_shape_filtered_as_the_page():
    response = Client().get("/api/v1/standards/frameworks/iqs-2012/", {"maps_to": "LSC"})
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    data = response.json()
    assert data["framework"]["id"] == "iqs-2012"
    assert len(data["standards"]) == 30
    assert data["standards"][0]["mappings"] == {
        "LSC": ["D1.1"],
        "Lexcel": ["1.4"],
        "ISO 9000": [],
        "IBA": [],
    }
    everything = Client().get("/api/v1/standards/frameworks/iqs-2012/").json()
    assert [s["number"] for s in everything["standards"]] == list(range(1, 72))


@pytest.mark.parametrize(
    "params, field", [({"colour": "red"}, "detail"), ({"maps_to": "Nowhere"}, "maps_to")]
)
def test_the_api_refuses_what_it_does_not_take(params, field):
    response = Client().get("/api/v1/standards/frameworks/iqs-2012/", params)
    assert response.status_code == 400 and field in json.dumps(response.json())


def test_the_api_lists_the_frameworks():
    listed = Client().get("/api/v1/standards/frameworks/").json()
    assert {f["id"] for f in listed} == {
        "iqs-2012",
        "lsc-gqm",
        "lexcel",
        "iso-9000",
        "iba-principles",
    }
    iqs = next(f for f in listed if f["id"] == "iqs-2012")
    assert iqs == {
        "id": "iqs-2012",
        "name": "The Institute of Paralegals Quality Standards for Legal Service Providers",
        "short_name": "IQS",
        "edition": "January 2012",
        "publisher": "Institute of Paralegals",
        "text_held": True,
    }


def test_a_standards_officer_has_the_library_on_the_home_page(make_organisation, make_user):
    body = make_organisation("iop", kind=OrganisationKind.STANDARDS_BODY)
    regulator = make_organisation("ips")
    officer = make_user("officer", (body, Role.OFFICER))
    regulator_officer = make_user("regulator-officer", (regulator, Role.OFFICER))
    page = client_for(officer).get("/").content.decode()
    panel = page[page.index('data-testid="panel-standards-library"') :]
    panel = panel[: panel.index("</section>")]
    assert "Framework library" in panel and IQS in panel and "clause codes only" in panel
    other = client_for(regulator_officer).get("/").content.decode()
    assert "panel-standards-library" not in other


def test_a_frameworks_load_history_is_for_standards_staff(make_organisation, make_user):
    from touchstone.standards.selectors import framework_current

    body = make_organisation("iop", kind=OrganisationKind.STANDARDS_BODY)
    officer = make_user("officer", (body, Role.OFFICER))
    reader = make_user("reader", (body, Role.CASEWORKER))
    url = f"/history/standards/framework/{framework_current('iqs-2012').pk}/"
    page = client_for(officer).get(url)
    assert page.status_code == 200 and "system" in page.content.decode()
    assert client_for(reader).get(url).status_code == 404
    assert Client().get(url).status_code in (302, 404)
