"""`touchstone standards check-assessment FILE.json` and POST
/api/v1/standards/<framework>/assessment-check: the rules' verdict on the IQS as `migrate`
loads it, the same JSON from both, exit 2 / a 400 naming the place on malformed input."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from touchstone.core.testing import throttle_rates
from touchstone.standards.selectors import (
    assessment_check_for,
    assessment_shape,
    fee_schedules,
    framework_current,
)
from touchstone.standards.tests.test_rules_assessment import FEES, IQS

pytestmark = pytest.mark.django_db

URL = "/api/v1/standards/iqs-2012/assessment-check"


def assessment(submitted_on="2026-01-31", corporate_member=True, **changes) -> dict:
    answers = {str(n): "complied" for n in range(1, 72)}
    answers.update({key.lstrip("_"): value for key, value in changes.items()})
    return {"submitted_on": submitted_on, "corporate_member": corporate_member, "answers": answers}


def run(path) -> tuple[dict, str]:
    out = StringIO()
    call_command("standards", "check-assessment", str(path), stdout=out)
    return json.loads(out.getvalue()), out.getvalue()


def post(body, client: Client | None = None):
    text = body if isinstance(body, str) else json.dumps(body)
    return (client or Client()).post(URL, text, content_type="application/json")


def test_the_stored_iqs_is_the_shape_the_rules_expect():
    assert assessment_shape(framework_current("iqs-2012")) == IQS


def test_the_shipped_fees_are_the_seeds():
    assert list(fee_schedules("iqs-2012")) == FEES


@pytest.mark.parametrize(
    ("document", "status", "deadline", "non_compliant", "fee"),
    [
        (assessment(), "compliant", None, [], 200),
        (assessment(corporate_member=False), "compliant", None, [], 350),
        (assessment(_23="partial"), "partially_compliant", "2026-08-31", [18, 23], 200),
        (assessment("2027-07-31", _55="n/a"), "partially_compliant", "2028-02-29", [55], 200),
        (assessment(_71="n/a", _52="n/a"), "compliant", None, [], 200),
    ],
)
def test_the_command_prints_the_verdict_and_exits_0(
    tmp_path, document, status, deadline, non_compliant, fee
):
    path = tmp_path / "assessment.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result, text = run(path)
    assert (result["status"], result["remediation_deadline"]) == (status, deadline)
    assert (result["non_compliant"], result["fee"]) == (non_compliant, fee)
    assert list(result) == ["status", "remediation_deadline", "fee", "non_compliant", "errors"]
    assert result == assessment_check_for("iqs-2012", document)


def test_an_incomplete_assessment_is_a_verdict_too(tmp_path):
    document = assessment(_3="yes", _zz="complied")
    del document["answers"]["70"]
    path = tmp_path / "assessment.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result, _ = run(path)
    assert result["status"] == "incomplete"
    assert [(e["code"], e["standard"]) for e in result["errors"]] == [
        ("INVALID_ANSWER", 3),
        ("MISSING_ANSWER", 70),
        ("INVALID_ANSWER", "zz"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1", "assessment.json is not JSON: Expecting"),
        ("[]", "^must be an object$"),
        ('{"submitted_on": "2026-01-01", "corporate_member": true}', "^answers: is required$"),
        (
            '{"submitted_on": "2026-13-01", "corporate_member": true, "answers": {}}',
            "^submitted_on: is not a date in the calendar$",
        ),
        ('{"submitted_on": NaN}', "NaN is not a JSON number"),
    ],
)
def test_a_malformed_file_exits_2_with_one_line(tmp_path, text, message):
    path = tmp_path / "assessment.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=message) as raised:
        run(path)
    assert raised.value.returncode == 2


def test_a_missing_file_or_framework_exits_2(tmp_path):
    with pytest.raises(CommandError, match="no such file") as raised:
        run(tmp_path / "nothing.json")
    assert raised.value.returncode == 2
    path = tmp_path / "assessment.json"
    path.write_text(json.dumps(assessment()), encoding="utf-8")
    for framework in ("nothing", "lexcel"):  # Lexcel is held, but not as an accreditation here
        with pytest.raises(CommandError, match=f'no framework "{framework}"') as raised:
            call_command(
                "standards",
                "check-assessment",
                str(path),
                "--framework",
                framework,
                stdout=StringIO(),
            )
        assert raised.value.returncode == 2


def test_the_api_answers_the_commands_json_to_anyone():
    document = assessment(_40="not_complied", _55="n/a")
    response = post(document)
    assert response.status_code == 200
    assert response.json() == assessment_check_for("iqs-2012", document)
    assert response.json()["non_compliant"] == [38, 40, 55]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ("[]", "non_field_errors", "must be an object"),
        ({"submitted_on": "2026-01-01", "corporate_member": True}, "answers", "is required"),
        (
            {"submitted_on": "01/01/2026", "corporate_member": True, "answers": {}},
            "submitted_on",
            "must be a date written YYYY-MM-DD",
        ),
        (
            {"submitted_on": "2026-01-01", "corporate_member": 1, "answers": {}},
            "corporate_member",
            "must be true or false",
        ),
    ],
)
def test_the_api_refuses_a_malformed_document_naming_the_place(body, field, message):
    response = post(body)
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_the_api_knows_only_frameworks_with_an_accreditation_scheme():
    response = Client().post(
        "/api/v1/standards/lexcel/assessment-check",
        json.dumps(assessment()),
        content_type="application/json",
    )
    assert response.status_code == 404


def test_the_api_is_rate_limited_per_client():
    with throttle_rates(public_standards="2/min"):
        client = Client()
        assert [post(assessment(), client).status_code for _ in range(3)] == [200, 200, 429]
