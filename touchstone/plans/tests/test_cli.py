"""`touchstone plans import|export`: summaries, exit codes, stdout and stderr."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command, execute_from_command_line
from django.db import connections
from pypdf import PdfReader

from touchstone.core.tabular import read_table, write_xlsx
from touchstone.plans.models import Plan
from touchstone.plans.tests.factories import SAMPLE_CSV, sample_plan, table_counts


def run(*args, stdout=None) -> tuple[str | bytes, str]:
    out, err = stdout or io.StringIO(), io.StringIO()
    call_command("plans", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fails(*args) -> tuple[CommandError, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("plans", *args, stdout=io.StringIO(), stderr=err)
    assert error.value.returncode == 1
    return error.value, err.getvalue()


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_text(SAMPLE_CSV + ",,Later,some day,,,,,9.9\n")
    return path


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text("action,rag,status\nOne,G,\nTwo,purple,\nThree,,finished\n")
    return path


# --- import ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_prints_a_one_line_summary_and_warnings_on_stderr(organisation, sample_file):
    out, err = run("import", str(sample_file), "--name", "CLI plan", "--organisation", "ips")
    assert out == 'imported "CLI plan" for Ips: 6 actions in 2 areas, 1 warning\n'
    assert err.startswith('warning: row 7: could not read a date from "some day"')
    plan = Plan.objects.get(title="CLI plan")
    assert (plan.organisation, plan.kind, plan.actions.count()) == (
        organisation,
        "business_plan",
        6,
    )
    assert plan.actions.get(ref="9.9").due_date is None


@pytest.mark.django_db
def test_import_uses_the_only_organisation_and_the_kind_given(organisation, tmp_path):
    path = tmp_path / "one.xlsx"
    path.write_bytes(write_xlsx(["action"], [["Only one"]], title="x"))
    out, err = run("import", str(path), "--name", "SIP", "--kind", "service_improvement_plan")
    assert out == 'imported "SIP" for Ips: 1 action in 1 area, 0 warnings\n'
    assert err == ""
    assert Plan.objects.get(title="SIP").kind == "service_improvement_plan"


@pytest.mark.django_db
def test_bad_file_exits_1_with_every_row_message_and_writes_nothing(organisation, bad_file):
    before = table_counts()
    error, err = fails("import", str(bad_file), "--name", "Bad")
    assert err.splitlines()[0].startswith('row 3: unknown RAG "purple"')
    assert err.splitlines()[1].startswith('row 4: unknown status "finished"')
    assert "nothing was written" in str(error)
    assert table_counts() == before


@pytest.mark.django_db
def test_duplicate_name_exits_1(organisation, sample_file):
    sample_plan(organisation, name="Taken")
    before = table_counts()
    _error, err = fails("import", str(sample_file), "--name", "Taken")
    assert err == 'Ips already has a plan called "Taken"\n'
    assert table_counts() == before


@pytest.mark.django_db
def test_organisation_must_be_named_when_there_are_several_or_none(make_organisation, sample_file):
    error, _ = fails("import", str(sample_file), "--name", "X")  # no organisation at all
    assert "--organisation" in str(error)
    make_organisation("ips")
    make_organisation("other-body")
    error, _ = fails("import", str(sample_file), "--name", "X")
    assert "--organisation" in str(error)
    error, _ = fails("import", str(sample_file), "--name", "X", "--organisation", "nope")
    assert str(error) == 'no organisation "nope"'
    assert not Plan.objects.exists()
    run("import", str(sample_file), "--name", "X", "--organisation", "other-body")
    assert Plan.objects.get().organisation.slug == "other-body"


@pytest.mark.django_db
def test_a_missing_file_exits_1(organisation, tmp_path):
    error, _ = fails("import", str(tmp_path / "absent.csv"), "--name", "X")
    assert str(error).startswith("no such file")


@pytest.mark.django_db
def test_the_command_line_path_exits_with_status_1(organisation, bad_file, capsys, monkeypatch):
    """Through manage.py's own argv handling (as `touchstone plans import ...` runs), which
    turns the CommandError into the process exit status."""
    # run_from_argv closes every connection when it ends, which on PostgreSQL would end the
    # test's transaction; the process would exit at that point anyway.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["touchstone", "plans", "import", str(bad_file), "--name", "X"])
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert 'row 3: unknown RAG "purple"' in captured.err
    assert "CommandError: bad.csv was not imported" in captured.err
    assert captured.out == ""
    assert not Plan.objects.exists()


# --- export ----------------------------------------------------------------------------------


@pytest.fixture
def plan(organisation):
    return sample_plan(organisation, name="Export me")


@pytest.mark.django_db
def test_export_json_and_csv_to_stdout(plan):
    out, err = run("export", "Export me", "--format", "json", "--as-of", "2010-01-15")
    data = json.loads(out)
    assert (data["plan"], data["as_of"], len(data["actions"])) == ("Export me", "2010-01-15", 5)
    assert [a["ref"] for a in data["actions"] if a["overdue"]] == ["2.1.1"]
    assert err == ""
    out, _ = run("export", "Export me", "--format", "csv", "--as-of", "2010-01-15")
    table = read_table("x.csv", out.encode())
    assert [values["ref"] for _, values in table.rows] == [
        "2.1.1",
        "2.1.2",
        "2.2.1",
        "3.1.1",
        "3.1.2",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("xlsx", b"PK\x03\x04")])
def test_export_binary_formats_to_a_binary_stdout(plan, fmt, magic):
    out, _ = run("export", "Export me", "--format", fmt, stdout=io.BytesIO())
    assert out.startswith(magic)
    if fmt == "pdf":
        assert "Export me" in PdfReader(io.BytesIO(out)).pages[0].extract_text()


@pytest.mark.django_db
def test_binary_formats_refuse_a_text_stdout(plan):
    error, _ = fails("export", "Export me", "--format", "pdf")
    assert "--output" in str(error)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fmt", "magic"),
    [
        ("json", b'{\n  "plan": "Export me"'),
        ("csv", b"area,target,action"),
        ("xlsx", b"PK"),
        ("pdf", b"%PDF"),
    ],
)
def test_export_each_format_to_a_file(plan, tmp_path, fmt, magic):
    target = tmp_path / f"out.{fmt}"
    out, err = run(
        "export", "Export me", "--format", fmt, "--output", str(target), "--organisation", "ips"
    )
    assert target.read_bytes().startswith(magic)
    assert (out, err) == ("", f"wrote {target}\n")


@pytest.mark.django_db
def test_export_problems_exit_1(plan, make_organisation, tmp_path):
    error, _ = fails("export", "Nope", "--format", "json")
    assert str(error) == 'no plan called "Nope"'
    error, _ = fails("export", "Export me", "--format", "json", "--as-of", "15/01/2010")
    assert "--as-of" in str(error)
    error, _ = fails(
        "export", "Export me", "--format", "json", "--output", str(tmp_path / "no" / "x")
    )
    assert str(error).startswith("could not write")
    error, _ = fails("export", "Export me", "--format", "json", "--organisation", "other-body")
    assert str(error) == 'no plan called "Export me"'
    sample_plan(make_organisation("other-body"), name="Export me")
    error, _ = fails("export", "Export me", "--format", "json")
    assert "name the organisation" in str(error)
    out, _ = run("export", "Export me", "--format", "json", "--organisation", "other-body")
    assert json.loads(out)["plan"] == "Export me"


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["touchstone", "plans", "export", "X", "--format", "doc"])
    assert exit_.value.code == 2
    assert "invalid choice: 'doc'" in capsys.readouterr().err


# --- the installed console script, in its own process ---------------------------------------


def test_real_exit_codes_and_streams_from_the_console_script(tmp_path: Path):
    """The installed `touchstone` command, with its own SQLite database under tmp_path (a
    subprocess cannot see the test database)."""
    touchstone = Path(sys.executable).with_name("touchstone")
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "PATH": "/usr/bin:/bin",
        "TOUCHSTONE_VAR_DIR": str(tmp_path),
    }

    def cli(*args, text=True):
        return subprocess.run([str(touchstone), *args], env=env, capture_output=True, text=text)

    assert cli("migrate", "-v0").returncode == 0
    assert cli("organisations", "add", "ips", "IPS", "--kind", "regulator").returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("action,status\nOne,finished\n")
    result = cli("plans", "import", str(bad), "--name", "Bad")
    assert result.returncode == 1
    assert 'row 2: unknown status "finished"' in result.stderr
    assert result.stdout == ""
    good = tmp_path / "good.csv"
    good.write_text(SAMPLE_CSV)
    result = cli("plans", "import", str(good), "--name", "Good")
    assert result.returncode == 0, result.stderr
    assert result.stdout == 'imported "Good" for IPS: 5 actions in 2 areas, 0 warnings\n'
    result = cli("plans", "export", "Nope", "--format", "json")
    assert result.returncode == 1
    assert 'no plan called "Nope"' in result.stderr
    result = cli("plans", "export", "Good", "--format", "pdf", "--as-of", "2010-01-15", text=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"%PDF")
    assert "Good" in PdfReader(io.BytesIO(result.stdout)).pages[0].extract_text()
