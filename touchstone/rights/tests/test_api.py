"""POST /api/v1/rights/<scheme>/qe-check and /portfolio-check: anyone may call them; the same
JSON as the commands, 400 with field messages on malformed input, rate-limited per client."""

import json

import pytest
from django.test import Client

from touchstone.core.testing import throttle_rates
from touchstone.rights.selectors import portfolio_check_for, qe_check_for
from touchstone.rights.tests.build import immigration, portfolio, statement, work

pytestmark = pytest.mark.django_db

QE = "/api/v1/rights/immigration/qe-check"
PORTFOLIO = "/api/v1/rights/immigration/portfolio-check"
PLAN = {"as_of": "2026-06-01", "periods": [work("2024-01-01", None, 2400)]}


def post(url: str, body, client: Client | None = None):
    text = body if isinstance(body, str) else json.dumps(body)
    return (client or Client()).post(url, text, content_type="application/json")


def test_a_qe_check_answers_the_checks_json_to_anyone():
    response = post(QE, PLAN)
    assert response.status_code == 200
    assert response.json() == qe_check_for("immigration", PLAN)
    assert response.json()["meets_requirement"] is True


def test_a_portfolio_check_answers_errors_and_warnings():
    data = portfolio(immigration())
    data["sheets"][-1] = statement(data["sheets"][-1]["example"], supervisor="Someone Else")
    response = post(PORTFOLIO, data)
    assert response.status_code == 200
    body = response.json()
    assert body == portfolio_check_for("immigration", data)
    assert body["complete"] is False
    assert ("SUPERVISOR_UNKNOWN", data["sheets"][-1]["example"]) in [
        (e["code"], e["ref"]) for e in body["errors"]
    ]


def test_a_signed_in_session_is_not_needed_nor_used(make_user, organisation):
    client = Client()
    client.force_login(make_user("someone"))
    assert post(QE, PLAN, client).json() == post(QE, PLAN).json()


@pytest.mark.parametrize(
    ("url", "body", "field", "words"),
    [
        (QE, "{not json", "detail", "JSON parse error"),
        (QE, [], "non_field_errors", "must be an object"),
        (QE, {"periods": []}, "as_of", "is required"),
        (QE, {"as_of": "2026-02-30", "periods": []}, "as_of", "not a date in the calendar"),
        (QE, {"as_of": "2019-12-31", "periods": []}, "as_of", "no version of the"),
        (
            QE,
            {"as_of": "2026-01-01", "periods": [work("2025-01-01", None, -5)]},
            "periods.0.hours",
            "must not be negative",
        ),
        (
            QE,
            {"as_of": "2026-01-01", "periods": [work("2025-01-01", None, 5, tasks=["golf"])]},
            "periods.0.tasks.0",
            "must be one of",
        ),
        (PORTFOLIO, {"application_date": "2026-01-01", "sheets": {}}, "sheets", "must be a list"),
    ],
)
def test_malformed_input_is_400_naming_the_field(url, body, field, words):
    response = post(url, body)
    assert response.status_code == 400
    said = response.json()[field]
    assert words in (said if isinstance(said, str) else " ".join(said)), response.json()


def test_an_unknown_scheme_is_404_and_only_post_is_allowed():
    assert post("/api/v1/rights/litigation/qe-check", PLAN).status_code == 404
    assert Client().get(QE).status_code == 405


def test_another_scheme_has_its_own_address(probate_scheme):
    plan = {
        "as_of": "2026-01-01",
        "periods": [work("2024-01-01", "2025-12-31", 1500, tasks=["drafting"])],
    }
    assert post("/api/v1/rights/probate/qe-check", plan).json()["meets_requirement"] is True


def test_the_checks_are_rate_limited_per_client():
    with throttle_rates(public_rights_checks="3/min"):
        client = Client()
        codes = [post(QE, PLAN, client).status_code for _ in range(3)]
        codes.append(post(PORTFOLIO, portfolio(immigration()), client).status_code)
        assert codes == [200, 200, 200, 429]
        other = Client(REMOTE_ADDR="192.0.2.7")
        assert post(QE, PLAN, other).status_code == 200
        assert Client().get("/api/v1/public/register/").status_code == 200  # its own limit


def test_text_the_platform_refuses_is_400_before_any_check():
    body = {**PLAN, "periods": [work("2024-01-01", None, 10, employer="Bell\x07 & Co")]}
    response = post(QE, body)
    assert response.status_code == 400 and "periods.0.employer" in response.json()
