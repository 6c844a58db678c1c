"""`touchstone casework import`: a file of case history written all or nothing. Each kind of
bad file is refused with row-numbered messages, exit 1 and nothing written (on SQLite and
PostgreSQL alike: the suite runs on both); a reference imported again updates its case."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from touchstone.casework.imports import COLUMNS
from touchstone.casework.models import Case, SatisfactionResponse, ServiceComplaint
from touchstone.core.models import OrganisationKind
from touchstone.core.testing import new_organisation, row_counts
from touchstone.register.tests.fixtures import small_register

pytestmark = pytest.mark.django_db

GOOD = {
    "reference": "LO-100",
    "scheme": "ombudsman",
    "jurisdiction": "legal",
    "complexity": "high",
    "received_on": "2024-01-02",
    "accepted_on": "2024-01-10",
    "concluded_on": "2024-06-01",
    "outcome": "remedy",
    "complainant_outcome_satisfied": "yes",
    "complainant_service_satisfied": "no",
    "provider_outcome_satisfied": "no",
    "provider_service_satisfied": "",
    "service_complaint": "upheld",
    "provider": "Unknown Claims Ltd",
    "area_of_law": "Conveyancing",
}
OPEN = {
    **GOOD,
    "reference": "LO-101",
    "concluded_on": "",
    "outcome": "",
    "complainant_outcome_satisfied": "",
    "complainant_service_satisfied": "",
    "provider_outcome_satisfied": "",
    "service_complaint": "",
    "complexity": "",
}


def csv_file(tmp_path, *rows, columns=COLUMNS, name="cases.csv"):
    lines = [",".join(columns)]
    lines += [",".join(str(row.get(c, "")) for c in columns) for row in rows]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path, *args) -> str:
    out = io.StringIO()
    call_command("casework", "import", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def refused(path, *args) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("casework", "import", str(path), *args, stdout=io.StringIO(), stderr=err)
    assert error.value.returncode == 1
    assert "nothing was written" in str(error.value)
    return err.getvalue()


@pytest.fixture
def ombudsman(db):
    return new_organisation("legal-ombudsman", OrganisationKind.OMBUDSMAN)


def test_a_file_is_imported_with_its_answers_and_service_complaint(tmp_path, ombudsman):
    assert "imported 2 new and 0 updated" in run(csv_file(tmp_path, GOOD, OPEN))
    case = Case.objects.get(reference="LO-100")
    assert (case.stage, case.days_to_conclude, case.provider_unregulated) == (
        "concluded",
        143,
        True,
    )
    assert case.provider_name == "Unknown Claims Ltd"
    answers = {
        r.party_role: (r.outcome_satisfied, r.service_satisfied)
        for r in SatisfactionResponse.objects.all()
    }
    assert answers == {"complainant": (True, False), "provider": (False, None)}
    assert ServiceComplaint.objects.get().outcome == "upheld"
    assert Case.objects.get(reference="LO-101").stage == "triage"  # accepted, open


def test_importing_a_reference_again_updates_its_case(tmp_path, ombudsman):
    run(csv_file(tmp_path, GOOD, OPEN))
    closed = {**OPEN, "concluded_on": "2024-03-01", "outcome": "settled", "complexity": "low"}
    cleared = {
        **GOOD,
        "complainant_outcome_satisfied": "",
        "complainant_service_satisfied": "",
        "provider_outcome_satisfied": "",
        "service_complaint": "",
    }
    assert "0 new and 2 updated" in run(csv_file(tmp_path, cleared, closed, name="again.csv"))
    assert Case.objects.count() == 2
    case = Case.objects.get(reference="LO-101")
    assert (case.outcome, case.stage, case.complexity, case.version) == (
        "settled",
        "concluded",
        "low",
        2,
    )
    assert not SatisfactionResponse.objects.exists() and not ServiceComplaint.objects.exists()


def test_a_register_number_links_the_register_entry(tmp_path, ombudsman):
    regulator = new_organisation("ips")
    small_register(regulator)
    run(csv_file(tmp_path, {**GOOD, "provider": "100001"}, {**OPEN, "provider": "999999"}))
    linked = Case.objects.get(reference="LO-100")
    assert linked.provider.number == "100001" and not linked.provider_unregulated
    unknown = Case.objects.get(reference="LO-101")
    assert unknown.provider is None and unknown.provider_name == "999999"


BAD_ROWS = [
    ({"scheme": "complaints"}, 'row 2: scheme must be ombudsman, conduct, not "complaints"'),
    ({"jurisdiction": "financial"}, "row 2: jurisdiction must be legal, cmc"),
    ({"complexity": "extreme"}, "row 2: complexity must be high, medium, low or blank"),
    ({"received_on": "02/01/2024"}, "row 2: received_on must be a date like 2024-03-31"),
    ({"received_on": ""}, "row 2: received_on is needed"),
    ({"accepted_on": "2023-12-01"}, "row 2: accepted_on is before received_on"),
    ({"concluded_on": "2024-01-05"}, "row 2: concluded_on is before the case was"),
    ({"outcome": ""}, "row 2: outcome must be one of remedy, no_remedy, settled"),
    ({"outcome": "upheld"}, "row 2: outcome must be one of"),
    ({"concluded_on": "", "complainant_outcome_satisfied": ""}, "row 2: outcome is given but"),
    ({"provider_service_satisfied": "maybe"}, "row 2: provider_service_satisfied must be yes"),
    ({"service_complaint": "partly"}, "row 2: service_complaint must be upheld"),
    ({"provider": ""}, "row 2: provider is needed"),
    ({"reference": ""}, "row 2: reference is needed"),
    ({"area_of_law": "x" * 201}, "row 2: the area_of_law is 201 characters long"),
]


@pytest.mark.parametrize(("change", "message"), BAD_ROWS, ids=[m for _, m in BAD_ROWS])
def test_a_bad_row_is_refused_by_number_and_nothing_is_written(
    tmp_path, ombudsman, change, message
):
    run(csv_file(tmp_path, OPEN, name="before.csv"))
    before = row_counts("casework")
    errors = refused(csv_file(tmp_path, {**GOOD, **change}, {**OPEN, "reference": "LO-102"}))
    assert message in errors
    assert row_counts("casework") == before


def test_a_reference_twice_in_a_file_is_refused(tmp_path, ombudsman):
    errors = refused(csv_file(tmp_path, GOOD, OPEN, {**OPEN, "reference": "LO-100"}))
    assert "row 4: reference LO-100 is also on row 2" in errors
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        (COLUMNS[:-1], "missing column(s) area_of_law"),
        ((*COLUMNS, "notes"), "unknown column(s) notes"),
    ],
)
def test_a_bad_header_is_refused_and_nothing_is_written(tmp_path, ombudsman, columns, message):
    assert message in refused(csv_file(tmp_path, GOOD, columns=columns))
    assert not Case.objects.exists()


def test_an_empty_file_is_refused(tmp_path, ombudsman):
    assert "the file has no rows" in refused(csv_file(tmp_path))


def test_the_organisation_may_be_left_out_only_when_one_runs_the_schemes(tmp_path, ombudsman):
    conduct = {**OPEN, "reference": "C-1", "scheme": "conduct"}
    errors = refused(csv_file(tmp_path, GOOD, conduct))
    assert "name the organisation with --organisation SLUG" in errors
    errors = refused(csv_file(tmp_path, conduct, name="conduct.csv"))
    assert "there is no organisation of kind regulator" in errors
    errors = refused(csv_file(tmp_path, GOOD, conduct), "--organisation", "legal-ombudsman")
    assert "does not run the conduct scheme" in errors
    new_organisation("second-ombudsman", OrganisationKind.OMBUDSMAN)
    assert "--organisation SLUG" in refused(csv_file(tmp_path, GOOD))
    run(csv_file(tmp_path, GOOD), "--organisation", "second-ombudsman")
    assert Case.objects.get().organisation.slug == "second-ombudsman"
    assert not Case.objects.filter(organisation=ombudsman).exists()


def test_a_missing_file_is_said_so(tmp_path, ombudsman):
    with pytest.raises(CommandError, match="no such file"):
        call_command("casework", "import", str(tmp_path / "none.csv"))


def test_a_conduct_history_goes_to_the_regulator(tmp_path):
    regulator = new_organisation("ips")
    row = {**GOOD, "scheme": "conduct", "outcome": "proved", "concluded_on": "2024-08-01"}
    run(csv_file(tmp_path, row))
    case = Case.objects.get()
    assert (case.organisation, case.stage, case.concluded_on) == (
        regulator,
        "concluded",
        date(2024, 8, 1),
    )
