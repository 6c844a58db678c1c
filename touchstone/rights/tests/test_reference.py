"""The schemes are reference data: `migrate` stores every version of every shipped file, a new
specialism is a new file, a change is a new version, and a bad file changes nothing."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from touchstone.rights.models import SchemeVersion
from touchstone.rights.reference import load_reference_data, load_scheme_file
from touchstone.rights.rules import SchemeError
from touchstone.rights.selectors import (
    UnknownScheme,
    portfolio_check_for,
    qe_check_for,
    scheme_codes,
    scheme_on,
    scheme_versions,
)
from touchstone.rights.tests.build import (
    IMMIGRATION,
    PROBATE,
    course,
    document,
    examples,
    portfolio,
    work,
)

pytestmark = pytest.mark.django_db


def write(tmp_path: Path, data: dict, name: str = "scheme.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def with_versions(*changes: dict) -> dict:
    """The probate test scheme with later versions that change only what they name."""
    data = document(PROBATE)
    data["versions"] = data["versions"] + list(changes)
    return data


def test_migrate_loads_the_immigration_scheme():
    stored = SchemeVersion.objects.get(scheme="immigration")
    assert stored.version == document(IMMIGRATION)["versions"][0]["version"]
    scheme = scheme_on("immigration", date(2026, 1, 1))
    assert scheme.required_hours == 2300
    assert [c.number for c in scheme.competencies] == [1, 2, 3, 4, 5, 6]
    assert ("immigration", scheme.name) in scheme_codes()


def test_loading_again_changes_nothing():
    before = list(SchemeVersion.objects.values("pk", "scheme", "version", "data"))
    load_reference_data()
    assert list(SchemeVersion.objects.values("pk", "scheme", "version", "data")) == before


def test_a_second_scheme_is_a_file_and_no_code(probate_scheme):
    assert [v.version for v in scheme_versions("probate")] == ["P1"]
    plan = {
        "as_of": "2026-01-01",
        "periods": [work("2024-01-01", "2025-12-31", 1500, tasks=["drafting"])],
    }
    assert qe_check_for("probate", plan)["meets_requirement"] is True
    assert qe_check_for("immigration", plan)["meets_requirement"] is False  # 2,300 there
    scheme = scheme_on("probate", date(2026, 1, 1))
    empty = portfolio(scheme, sheets=[])
    own = portfolio_check_for("probate", empty)
    assert own["required_examples"] == len(examples(scheme)) != 35
    assert portfolio_check_for("immigration", empty)["required_examples"] == 35
    assert {e["code"] for e in own["errors"]} == {"MISSING_EXAMPLE"}


def test_a_later_version_applies_from_its_date_and_inherits_the_rest(tmp_path):
    load_scheme_file(
        write(
            tmp_path,
            with_versions(
                {"version": "P2", "effective_from": "2026-04-06", "required_hours": 1000}
            ),
        )
    )
    first, second = scheme_versions("probate")
    assert (first.required_hours, second.required_hours) == (1500, 1000)
    assert second.competencies == first.competencies  # inherited
    assert scheme_on("probate", date(2026, 4, 5)).version == "P1"
    assert scheme_on("probate", date(2026, 4, 6)).version == "P2"
    assert scheme_on("probate", date(2023, 4, 5)) is None
    plan = {
        "as_of": "2026-04-05",
        "periods": [work("2025-01-01", "2026-04-05", 1200, tasks=["drafting"])],
    }
    assert qe_check_for("probate", plan)["scheme_version"] == "P1"
    assert qe_check_for("probate", plan)["meets_requirement"] is False
    later = {**plan, "as_of": "2026-04-06"}
    assert qe_check_for("probate", later)["scheme_version"] == "P2"
    assert qe_check_for("probate", later)["meets_requirement"] is True


def test_a_date_before_the_first_version_is_refused_with_the_first_date(probate_scheme):
    from touchstone.rights.rules import MalformedInput

    with pytest.raises(MalformedInput) as refused:
        qe_check_for("probate", {"as_of": "2020-01-01", "periods": []})
    assert refused.value.field == "as_of"
    assert "2023-04-06" in refused.value.message


def test_an_unknown_scheme_is_said_to_be_unknown():
    with pytest.raises(UnknownScheme):
        qe_check_for("litigation", {"as_of": "2026-01-01", "periods": []})


def _bad_files():
    good = document(PROBATE)
    missing_hours = document(PROBATE)
    del missing_hours["versions"][0]["required_hours"]
    same_date = with_versions({"version": "P2", "effective_from": "2023-04-06"})
    out_of_order = with_versions({"version": "P0", "effective_from": "2020-01-01"})
    no_versions = {**good, "versions": []}
    return {
        "not YAML": "code: [probate\n",
        "a key missing": missing_hours,
        "two versions on one date": same_date,
        "versions out of order": out_of_order,
        "no versions": no_versions,
        "a later version's bad change": with_versions(
            {"version": "P2", "effective_from": "2026-01-01", "required_hours": "many"}
        ),
    }


@pytest.mark.parametrize("case", list(_bad_files()))
def test_a_bad_file_is_refused_and_changes_nothing(tmp_path, probate_scheme, case):
    data = _bad_files()[case]
    path = tmp_path / "bad.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    before = list(SchemeVersion.objects.order_by("pk").values())
    with pytest.raises(SchemeError) as refused:
        load_scheme_file(path)
    assert str(refused.value).startswith("bad.yaml: ")
    assert list(SchemeVersion.objects.order_by("pk").values()) == before


def test_a_course_from_the_second_scheme_is_read_by_its_own_codes(probate_scheme):
    plan = {"as_of": "2026-01-01", "periods": [course("2024-01-01", "2024-06-30", kind="gdl")]}
    assert qe_check_for("probate", plan)["credited_hours"] == 300
    from touchstone.rights.rules import MalformedInput

    with pytest.raises(MalformedInput):  # not a course of the immigration scheme
        qe_check_for("immigration", plan)
