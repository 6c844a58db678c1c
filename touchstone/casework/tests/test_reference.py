"""The schemes ship as reference data: loaded after migrate, again without change."""

import pytest

from touchstone.casework.models import SchemeDefinition
from touchstone.casework.reference import load_reference_data, read_scheme_file, scheme_files
from touchstone.casework.selectors import scheme_data


@pytest.mark.django_db
def test_both_schemes_are_loaded_after_migrate_and_reloading_changes_nothing():
    assert set(SchemeDefinition.objects.values_list("code", flat=True)) == {"ombudsman", "conduct"}
    before = list(SchemeDefinition.objects.order_by("code").values("pk", "code", "data"))
    load_reference_data()
    assert list(SchemeDefinition.objects.order_by("code").values("pk", "code", "data")) == before
    assert scheme_data("ombudsman")["time_targets"] == {"high": 365, "medium": 180, "low": 90}


def test_the_ombudsman_outcomes_are_the_contract():
    ombudsman = read_scheme_file(next(p for p in scheme_files() if p.stem == "ombudsman"))
    assert [o["code"] for o in ombudsman["outcomes"]] == [
        "remedy",
        "no_remedy",
        "settled",
        "withdrawn",
        "rejected",
    ]


def test_no_stage_of_the_conduct_scheme_lets_a_board_member_act():
    conduct = read_scheme_file(next(p for p in scheme_files() if p.stem == "conduct"))
    assert all("board_member" not in stage["roles"] for stage in conduct["stages"])
    assert {r["code"] for r in conduct["remedies"]} >= {"warning", "reprimand", "suspension"}
