"""`touchstone rights check-qe|check-portfolio FILE.json`: the result as JSON on standard output
and exit 0 for input of the right shape, whatever the verdict; exit 2 and one line on standard
error for malformed input. Nothing but what `migrate` loads is needed."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import ManagementUtility
from django.utils import timezone

from touchstone.core.models import AccessLink, Schedule
from touchstone.rights.selectors import portfolio_check_for, qe_check_for
from touchstone.rights.services import application_start
from touchstone.rights.tests.build import immigration, portfolio, work
from touchstone.rights.tests.references import requested

pytestmark = pytest.mark.django_db

SHORT = {"as_of": "2026-06-01", "periods": [work("2025-06-01", None, 1000)]}


def cli(capsys, monkeypatch, *args, stdin: str | None = None) -> tuple[int, str, str]:
    """Run `touchstone ARGS` as the console script does, with its real exit status. The
    command closes the database connections when it ends, as a process would; here that would
    close the test's own transaction (on PostgreSQL), so that one step is left out."""
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        ManagementUtility(["touchstone", *args]).execute()
        code = 0
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data, name="input.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("command", "data", "check"),
    [
        ("check-qe", SHORT, qe_check_for),
        ("check-portfolio", portfolio(immigration()), portfolio_check_for),
        ("check-portfolio", portfolio(immigration(), sheets=[]), portfolio_check_for),
    ],
)
def test_the_result_is_printed_and_the_exit_is_0_whatever_the_verdict(
    capsys, monkeypatch, tmp_path, command, data, check
):
    code, out, err = cli(capsys, monkeypatch, "rights", command, write(tmp_path, data))
    assert (code, err) == (0, "")
    assert json.loads(out) == check("immigration", data)


def test_a_shortfall_is_a_verdict_not_a_failure(capsys, monkeypatch, tmp_path):
    code, out, _ = cli(capsys, monkeypatch, "rights", "check-qe", write(tmp_path, SHORT))
    result = json.loads(out)
    assert code == 0 and result["meets_requirement"] is False
    assert result["shortfall_hours"] > 0 and result["anticipated_date"] > "2026-06-01"


def test_standard_input_is_read_for_a_dash(capsys, monkeypatch):
    code, out, _ = cli(capsys, monkeypatch, "rights", "check-qe", "-", stdin=json.dumps(SHORT))
    assert code == 0 and json.loads(out)["scheme_version"]


@pytest.mark.parametrize(
    ("command", "text", "message"),
    [
        ("check-qe", "{not json", "input.json is not JSON: Expecting property name"),
        ("check-qe", '{"as_of": NaN, "periods": []}', "input.json is not JSON: NaN"),
        ("check-qe", "[]", "must be an object"),
        ("check-qe", '{"periods": []}', "as_of: is required"),
        ("check-qe", '{"as_of": "2026-02-30", "periods": []}', "as_of: is not a date"),
        ("check-qe", '{"as_of": "1 May 2026", "periods": []}', "as_of: must be a date"),
        (
            "check-qe",
            json.dumps(
                {"as_of": "2026-01-01", "periods": [{"kind": "job", "start": "2025-01-01"}]}
            ),
            "periods[0].kind: must be one of",
        ),
        ("check-qe", '{"as_of": "2019-01-01", "periods": []}', "no version of the"),
        ("check-portfolio", '{"application_date": "2026-01-01"}', "is required"),
        (
            "check-portfolio",
            json.dumps(
                portfolio(
                    immigration(),
                    sheets=[
                        {
                            "example": "1.1(1)",
                            "type": "logbook",
                            "evidence": [{"date": "2026-01-01", "kind": "carrier_pigeon"}],
                        }
                    ],
                )
            ),
            "sheets[0].evidence[0].kind: must be one of",
        ),
    ],
)
def test_malformed_input_exits_2_with_one_line(
    capsys, monkeypatch, tmp_path, command, text, message
):
    code, out, err = cli(capsys, monkeypatch, "rights", command, write(tmp_path, text))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err, err


def test_a_missing_file_or_scheme_exits_2(capsys, monkeypatch, tmp_path):
    code, _, err = cli(capsys, monkeypatch, "rights", "check-qe", str(tmp_path / "none.json"))
    assert code == 2 and "no such file" in err
    path = write(tmp_path, SHORT)
    code, _, err = cli(capsys, monkeypatch, "rights", "check-qe", path, "--scheme", "litigation")
    assert code == 2 and 'no scheme "litigation"' in err


def test_another_scheme_is_named_with_scheme(capsys, monkeypatch, tmp_path, probate_scheme):
    plan = {
        "as_of": "2026-01-01",
        "periods": [work("2024-01-01", "2025-12-31", 1500, tasks=["drafting"])],
    }
    path = write(tmp_path, plan)
    code, out, _ = cli(capsys, monkeypatch, "rights", "check-qe", path, "--scheme", "probate")
    assert code == 0 and json.loads(out)["meets_requirement"] is True
    code, out, _ = cli(capsys, monkeypatch, "rights", "check-qe", path)
    assert code == 0 and json.loads(out)["meets_requirement"] is False


def test_chase_references_reminds_and_lapses_and_says_how_many(
    capsys, monkeypatch, make_user, organisation
):
    applicant = make_user("chased")
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    reference = requested(application)
    assert cli(capsys, monkeypatch, "rights", "chase-references")[:2] == (
        0,
        "references: 0 reminded, 0 lapsed\n",
    )
    AccessLink.objects.filter(pk=reference.link_id).update(expires_at=timezone.now())
    code, out, _ = cli(capsys, monkeypatch, "rights", "chase-references")
    assert (code, out) == (0, "references: 0 reminded, 1 lapsed\n")


def test_chase_references_schedule_puts_the_daily_task_in_place(capsys, monkeypatch):
    code, out, _ = cli(capsys, monkeypatch, "rights", "chase-references", "--schedule")
    assert code == 0 and "scheduled at 07:00" in out
    schedule = Schedule.objects.get(name="rights-references-chase")
    assert schedule.task_path == "touchstone.rights.tasks.references_chase_daily"
    cli(capsys, monkeypatch, "rights", "chase-references", "--schedule")
    assert Schedule.objects.filter(name="rights-references-chase").count() == 1
