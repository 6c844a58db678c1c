"""`touchstone casework scorecard --json` prints the contract's JSON for the period."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from touchstone.casework.demo import targets_load
from touchstone.casework.tests.test_import import GOOD, OPEN, csv_file, run
from touchstone.core.models import OrganisationKind
from touchstone.core.testing import new_organisation

pytestmark = pytest.mark.django_db


def scorecard(*args) -> dict:
    out = io.StringIO()
    call_command("casework", "scorecard", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_scorecard_of_an_imported_history(tmp_path):
    new_organisation("legal-ombudsman", OrganisationKind.OMBUDSMAN)
    cmc = {
        **GOOD,
        "reference": "LO-200",
        "jurisdiction": "cmc",
        "complexity": "low",
        "concluded_on": "2024-02-01",
        "service_complaint": "not_upheld",
    }
    run(csv_file(tmp_path, GOOD, OPEN, cmc))
    found = scorecard("--from", "2024-01-01", "--to", "2024-12-31")
    assert found["from"] == "2024-01-01" and found["jurisdiction"] is None
    assert (found["accepted_in_period"], found["open_at_end"], found["concluded"]) == (3, 1, 2)
    assert found["timeliness"]["high"] == {
        "concluded": 1,
        "within_90_pct": 0.0,
        "within_180_pct": 100.0,
        "within_365_pct": 100.0,
        "median_days": 143.0,
    }
    assert found["timeliness"]["all"]["median_days"] == 82.5
    assert found["satisfaction"]["complainant"]["satisfied_with_outcome"] == {
        "responses": 2,
        "service_satisfied_pct": 0.0,
    }
    assert found["satisfaction"]["provider"]["dissatisfied_with_outcome"]["responses"] == 0
    assert found["service_complaints"] == {"decided": 2, "upheld_pct": 50.0}
    assert found["targets"]["year"] == 2023  # a period from January is in the 2023/24 year
    assert found["targets"]["timeliness"]["all"]["within_90_pct"] is None  # none set
    legal = scorecard("--from", "2024-01-01", "--to", "2024-12-31", "--jurisdiction", "legal")
    assert legal["jurisdiction"] == "legal" and legal["concluded"] == 1


def test_the_targets_of_the_year_are_added(tmp_path):
    ombudsman = new_organisation("legal-ombudsman", OrganisationKind.OMBUDSMAN)
    targets_load(ombudsman, year=2019)
    found = scorecard("--from", "2019-04-01", "--to", "2020-03-31")
    assert found["targets"]["timeliness"]["high"] == {
        "within_90_pct": 0.0,
        "within_180_pct": 33.0,
        "within_365_pct": 85.0,
    }
    assert found["targets"]["satisfaction"] == {
        "satisfied_with_outcome": 80.0,
        "dissatisfied_with_outcome": 20.0,
    }


def test_the_conduct_scheme_is_the_regulators(tmp_path):
    new_organisation("ips")
    found = scorecard("--from", "2024-01-01", "--to", "2024-12-31", "--scheme", "conduct")
    assert found["concluded"] == 0 and found["timeliness"]["all"]["median_days"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2024-13-01", "--to", "2024-12-31"), "is not a date"),
        (("--from", "2024-02-01", "--to", "2024-01-31"), "--to is before --from"),
    ],
)
def test_a_bad_period_is_refused(args, message):
    new_organisation("legal-ombudsman", OrganisationKind.OMBUDSMAN)
    with pytest.raises(CommandError, match=message):
        scorecard(*args)


def test_without_an_ombudsman_it_says_how_to_add_one():
    with pytest.raises(CommandError, match="touchstone organisations add"):
        scorecard("--from", "2024-01-01", "--to", "2024-12-31")
