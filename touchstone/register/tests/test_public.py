"""The public register: contract, plain-words status, and nothing private ever leaks."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.test import Client

from touchstone.core.testing import queries_for, queries_run, throttle_rates
from touchstone.register.models import Registrant, Status
from touchstone.register.services import registrant_create
from touchstone.register.tests.fixtures import PRIVATE_VALUES, add_members

SECRETS = [*PRIVATE_VALUES, "UNPUBLISHED-SECRET", "EXPIRED-SECRET", "Tribunal order"]
ITEM_KEYS = [
    "number",
    "kind",
    "name",
    "category",
    "status",
    "rights",
    "entity",
    "town",
    "findings",
    "as_at",
]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_search_contract(register):
    data = Client().get("/api/v1/public/register/?q=Jon+Smyth").json()
    assert list(data) == ["count", "next", "previous", "results"]
    assert data["count"] == 1
    item = data["results"][0]
    assert list(item) == ITEM_KEYS
    assert {k: item[k] for k in ITEM_KEYS if k != "as_at"} == {
        "number": "100001",
        "kind": "individual",
        "name": "Mr John Smith",
        "category": "Chartered Legal Executive",
        "status": "Active",
        "rights": [
            {"code": "immigration", "name": "Immigration", "conditions": "Supervised practice only"}
        ],
        "entity": "E5000",
        "town": "Bedford",
        "findings": [
            {"date": "2024-01-10", "summary": "Late filing of accounts", "sanction": "Reprimand"}
        ],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("q=smith+john", ["100001"]),
        ("q=zoe+brown", ["100002"]),
        ("q=100002", ["100002"]),
        ("q=E5000", ["E5000"]),
        ("right=immigration", ["100001"]),
        ("status=suspended", ["100002"]),
        ("status=Suspended", ["100002"]),
        ("category=chartered+legal+executive", ["100002", "100001"]),
        ("town=bedford", ["100001", "E5000"]),
        ("town=MK40", ["E5000"]),  # an entity's postcode; an individual's is private
        ("town=mk40+2c", []),
        ("town=MK4", ["E5000"]),
        ("town=MK41", []),
        ("town=++LEEDS+", ["100002"]),
        ("q=smith&town=MK40+1AB", ["E5000"]),
        ("q=smith&right=immigration", ["100001"]),
        ("q=brown&status=active", []),
        ("q=nobody+here", []),
        ("q=nobody&right=immigration", []),
    ],
)
def test_search_filters(register, query, numbers):
    results = Client().get(f"/api/v1/public/register/?{query}").json()["results"]
    assert sorted(r["number"] for r in results) == sorted(numbers)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "right=bogus",
        "status=asleep",
        "category=wizard",
        "ordering=email",
        "email=x",
        "page_size=abc",
        "page_size=101",
        "page_size=0",
    ],
)
def test_bad_filters_are_400(register, query):
    response = Client().get(f"/api/v1/public/register/?{query}")
    assert response.status_code == 400
    assert response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("q", ["x" * 201, "\u0000", "smith\u008c"])
def test_queries_the_schema_refuses_are_400_naming_q(register, q):
    """Longer than documented (200), or with a control character: refused, as the page's
    form refuses them, and the register is still there."""
    response = Client().get("/api/v1/public/register/", {"q": q})
    assert response.status_code == 400
    assert list(response.json()) == ["q"]
    assert Client().get("/api/v1/public/register/", {"q": "smith"}).json()["count"] == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q",
    [
        "x" * 200,
        "'; DROP TABLE register_registrant; --",
        "%%%",
        "名字",
        "a b c d e f g h i j k",
    ],
)
def test_odd_queries_are_harmless(register, q):
    response = Client().get("/api/v1/public/register/", {"q": q})
    assert response.status_code == 200
    assert response.json()["count"] == 0  # matches no one, and the register is still there
    assert Client().get("/api/v1/public/register/", {"q": "smith"}).json()["count"] == 2


@pytest.mark.django_db
def test_detail_and_404(register):
    client = Client()
    item = client.get("/api/v1/public/register/100002/").json()
    assert (item["status"], item["rights"], item["findings"]) == ("Suspended", [], [])
    response = client.get("/api/v1/public/register/999999/")
    assert response.status_code == 404
    assert client.get("/api/v1/public/register/100002/")["Cache-Control"] == ("public, max-age=60")


@pytest.mark.django_db
def test_rate_limit_returns_429(register):
    with throttle_rates(public_register="3/min"):
        client = Client()
        codes = [client.get("/api/v1/public/register/?q=smith").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]


@pytest.mark.django_db
def test_public_pages_show_status_in_words(register):
    client = Client()
    john = client.get("/register/100001/").content.decode()
    assert "Authorised: may carry out immigration work" in john
    assert "Conditions: Supervised practice only" in john
    assert "Information correct at" in john
    zoe = client.get("/register/100002/").content.decode()
    assert "Suspended since 3 March 2025" in zoe
    results = client.get("/register/?q=jon+smyth").content.decode()
    assert "Mr John Smith" in results
    assert client.get("/register/999999/").status_code == 404


PUBLIC_ROUTES = [
    "/api/v1/public/register/",
    "/api/v1/public/register/?q=smith",
    "/api/v1/public/register/?q=secret%40example.test",
    "/api/v1/public/register/?q=UNPUBLISHED-SECRET",
    "/api/v1/public/register/?town=Bedford&right=immigration",
    "/api/v1/public/register/100001/",
    "/register/?q=smith",
    "/register/?q=EXPIRED-SECRET",
    "/register/100001/",
    "/register/100002/",
    "/register/open-data.csv",
    "/register/open-data.json",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_ROUTES)
def test_private_fields_and_hidden_findings_never_leak(register, url):
    response = Client().get(url)
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    for secret in SECRETS:
        echoed = f'value="{secret}"'  # the search box shows what was typed, which is fine
        assert secret not in body.replace(echoed, ""), (url, secret)
    assert "Late filing of accounts" in body or "q=" in url or url.endswith("100002/")


@pytest.mark.django_db
def test_a_private_postcode_cannot_be_confirmed_through_the_town_filter(register):
    """Probe every start of each individual's postcode, with and without its number: the
    public filters match only public values (an individual is found by town)."""
    for individual in Registrant.objects.filter(kind="individual").exclude(postcode=""):
        folded = individual.postcode.replace(" ", "")
        probes = {individual.postcode, individual.postcode.lower()}
        probes |= {folded[:n] for n in range(2, len(folded) + 1)}
        for town in probes:
            for params in ({"town": town}, {"town": town, "q": individual.number}):
                cache.clear()  # rate limits are tested on their own
                api = Client().get("/api/v1/public/register/", params).json()
                assert individual.number not in [r["number"] for r in api["results"]], params
                page = Client().get("/register/", params)
                assert f"/register/{individual.number}/" not in page.content.decode(), params
        found = (
            Client()
            .get("/api/v1/public/register/", {"town": individual.town, "q": individual.number})
            .json()
        )
        assert [r["number"] for r in found["results"]] == [individual.number]


@pytest.mark.django_db
def test_searching_by_private_data_finds_nothing(register):
    for q in ["secret@example.test", "07700", "Private Lane"]:
        assert Client().get("/api/v1/public/register/", {"q": q}).json()["count"] == 0


@pytest.mark.django_db
def test_open_data_json_is_the_public_items(register):
    response = Client().get("/register/open-data.json")
    data = json.loads(b"".join(response.streaming_content))
    # Register order: family name, then given names (Brown, Smith John, Smith Legal LLP).
    assert [r["number"] for r in data["registrants"]] == ["100002", "100001", "E5000"]
    assert all(list(r) == ITEM_KEYS for r in data["registrants"])


@pytest.mark.django_db
def test_query_count_is_flat_as_the_register_grows(register, organisation):
    client = Client()

    def queries() -> int:
        cache.clear()  # count the total's query too
        return queries_for(client, "/api/v1/public/register/?page_size=100")

    before = queries()
    add_members(organisation, 30)
    assert queries() == before


@pytest.mark.django_db
def test_filter_totals_are_cached_until_the_register_changes(
    register, organisation, django_capture_on_commit_callbacks
):
    client = Client()
    clients = iter(range(1, 250))  # one address a request, to stay under the rate limit

    def search(params: str) -> tuple[int, int]:
        """The total found, and how many times the database was asked to count."""
        address = f"192.0.2.{next(clients)}"
        queries, response = queries_run(
            lambda: client.get(f"/api/v1/public/register/?{params}", REMOTE_ADDR=address)
        )
        counting = [sql for sql in queries if "COUNT(" in sql.upper()]
        return response.json()["count"], len(counting)

    assert search("status=active") == (2, 1)
    assert search("status=active") == (2, 0)  # the same total, not counted again
    assert search("status=suspended") == (1, 1)  # another filter has its own total
    with django_capture_on_commit_callbacks(execute=True):
        registrant_create(
            acting_user=None,
            regulator=organisation,
            status=Status.objects.get(code="active"),
            number="300001",
            kind="individual",
            family_name="Newcomer",
        )
    assert search("status=active") == (3, 1)  # counted afresh after the change
    # A name or number search is never cached: a name alone is counted from the names read
    # (no COUNT), a name with a filter or a number is counted every time.
    assert search("q=Smith") == search("q=Smith") == (2, 0)
    assert search("q=Smith&status=active") == search("q=Smith&status=active") == (2, 1)
    assert search("q=100001") == search("q=100001") == (1, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["abc!", "1234567890123", "ABCD1", "100 001", "-1"])
def test_malformed_numbers_are_400(register, number):
    response = Client().get(f"/api/v1/public/register/{number}/")
    assert response.status_code == 400
    assert "number" in response.json()


EVERY_PUBLIC_QUERY = [
    {"q": "john smith"},
    {"q": "100001"},
    {"q": "1970-05-04"},
    {"right": "immigration"},
    {"category": "Chartered Legal Executive"},
    {"status": "active"},
    {"status": "suspended"},
    {"town": "Bedford"},
    {"town": "MK40"},
    {"page": "1", "page_size": "100"},
    {"q": "smith", "right": "immigration", "town": "MK40", "status": "active"},
]


@pytest.mark.django_db
@pytest.mark.parametrize("params", EVERY_PUBLIC_QUERY)
def test_no_filter_reaches_private_or_hidden_data(register, params):
    api = Client().get("/api/v1/public/register/", params)
    page = Client().get("/register/", params)
    assert (api.status_code, page.status_code) == (200, 200)
    for item in api.json()["results"]:
        assert list(item) == ITEM_KEYS
        assert all(list(f) == ["date", "summary", "sanction"] for f in item["findings"])
    for body in (api.content.decode(), page.content.decode()):
        for secret in SECRETS:
            assert secret not in body.replace(f'value="{secret}"', ""), (params, secret)
    for ordering in ("ordering", "sort", "order_by"):
        cache.clear()  # rate limits are tested on their own
        bad = Client().get("/api/v1/public/register/", {**params, ordering: "date_of_birth"})
        assert bad.status_code == 400


@pytest.mark.django_db
def test_reference_data_is_read_again_after_it_is_loaded(register, monkeypatch):
    from touchstone.register import reference

    client = Client()

    def status(category: str, address: str) -> int:
        url = f"/api/v1/public/register/?category={category}"
        return client.get(url, REMOTE_ADDR=address).status_code

    assert status("Graduate", "192.0.2.1") == 200  # the categories are now cached
    shipped = reference._data()
    renamed = {**shipped, "categories": [dict(row) for row in shipped["categories"]]}
    next(r for r in renamed["categories"] if r["code"] == "graduate")["name"] = "Graduate member"
    monkeypatch.setattr(reference, "_data", lambda: renamed)
    reference.load_reference_data()
    assert status("Graduate+member", "192.0.2.2") == 200


@pytest.mark.django_db
@pytest.mark.parametrize("q", ["jon", "john smith", "jon jon", "smith", "brown zoe", "doe"])
def test_a_name_total_counts_each_registrant_once(register, organisation, q):
    """A registrant with several name words near the same query word is one match."""
    registrant_create(
        acting_user=None,
        regulator=organisation,
        status=Status.objects.get(code="active"),
        number="300002",
        kind="individual",
        given_names="Jon John",
        family_name="Doe",
    )
    data = Client().get("/api/v1/public/register/", {"q": q, "page_size": 100}).json()
    numbers = [r["number"] for r in data["results"]]
    assert data["count"] == len(numbers) == len(set(numbers))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["q=smith", "q=jon+smyth", "q=smith&status=active", "q=smith&page=2", "q=brown&town=leeds"],
)
def test_a_common_name_is_paged_from_the_name_index_in_the_same_order(
    register, organisation, monkeypatch, query
):
    """Past NAME_IDS_LIMIT matches, a name is ordered and counted from the name index, or
    (with a filter) by the database: either way the same results in the same order."""
    from touchstone.register.selectors import public

    active = Status.objects.get(code="active")
    for n, (given, family) in enumerate([("Ann", "Smith"), ("Bob", "Smith"), ("Zoe", "Smith")]):
        registrant_create(
            acting_user=None,
            regulator=organisation,
            status=active,
            number=f"40000{n}",
            kind="individual",
            given_names=given,
            family_name=family,
        )

    def search(limit: int) -> tuple[int, list[str]]:
        monkeypatch.setattr(public, "NAME_IDS_LIMIT", limit)
        cache.clear()
        data = Client().get(f"/api/v1/public/register/?{query}&page_size=2").json()
        return data["count"], [r["number"] for r in data["results"]]

    few = search(2000)
    assert few[1], "the query should find someone"
    assert search(1) == few


@pytest.mark.django_db
def test_the_search_page_shows_a_common_name_in_register_order(register, monkeypatch):
    from touchstone.register.selectors import public

    monkeypatch.setattr(public, "NAME_IDS_LIMIT", 1)
    html = Client().get("/register/?q=smith").content.decode()
    assert "2 results" in html
    assert html.index("Mr John Smith") < html.index("Smith Legal LLP")


@pytest.mark.django_db
def test_items_list_rights_in_register_order_and_findings_newest_first(register):
    from datetime import date

    from touchstone.register.services import finding_record, right_grant

    john = register["john"]
    right_grant(acting_user=None, registrant=john, code="probate", granted_on=date(2020, 1, 1))
    right_grant(acting_user=None, registrant=john, code="advocacy", granted_on=date(2021, 1, 1))
    finding_record(
        acting_user=None,
        registrant=john,
        decided_on=date(2025, 5, 1),
        body="Disciplinary Tribunal",
        summary="Newer finding",
        sanction="Fine",
        publish=True,
    )
    for url in ("/api/v1/public/register/?q=100001", "/api/v1/public/register/100001/"):
        data = Client().get(url).json()
        item = data["results"][0] if "results" in data else data
        assert [r["code"] for r in item["rights"]] == ["immigration", "advocacy", "probate"]
        assert [f["summary"] for f in item["findings"]] == [
            "Newer finding",
            "Late filing of accounts",
        ]
        assert item["findings"][0] == {
            "date": "2025-05-01",
            "summary": "Newer finding",
            "sanction": "Fine",
        }


@pytest.mark.django_db
def test_open_data_csv_neutralises_formulas(organisation):
    registrant_create(
        acting_user=None,
        regulator=organisation,
        status=Status.objects.get(code="active"),
        number="E6000",
        kind="entity",
        entity_name='=HYPERLINK("http://x")',
        town="+Leeds",
    )
    response = Client().get("/register/open-data.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["number", "kind", "name"]
    assert rows[1][2] == '\'=HYPERLINK("http://x")'
    assert rows[1][7] == "'+Leeds"
