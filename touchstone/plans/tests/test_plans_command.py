import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from touchstone.plans.models import Action, Plan
from touchstone.plans.tests.builders import SAMPLE_CSV, sample_plan


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("plans", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_import_prints_a_one_line_summary(organisation, tmp_path: Path):
    path = tmp_path / "plan.csv"
    path.write_text(SAMPLE_CSV + ",,Later,some day,,,,,9.9\n")
    out, err = run("import", str(path), "--name", "CLI plan", "--organisation", "ips")
    assert out.strip() == ('imported "CLI plan" for Ips: 6 actions in 2 areas, 1 warning')
    assert "row 7" in err
    assert Plan.objects.get(title="CLI plan").actions.count() == 6


@pytest.mark.django_db
def test_bad_file_exits_1_with_row_messages_and_writes_nothing(organisation, tmp_path: Path):
    path = tmp_path / "bad.csv"
    path.write_text("action,rag\nOne,G\nTwo,purple\n")
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("plans", "import", str(path), "--name", "Bad", stderr=err)
    assert error.value.returncode == 1
    assert 'row 3: unknown RAG "purple"' in err.getvalue()
    assert not Plan.objects.exists()
    assert not Action.objects.exists()


@pytest.mark.django_db
def test_organisation_must_be_named_when_there_are_several(
    organisation, other_organisation, tmp_path: Path
):
    path = tmp_path / "plan.csv"
    path.write_text(SAMPLE_CSV)
    with pytest.raises(CommandError, match="--organisation") as error:
        run("import", str(path), "--name", "X")
    assert error.value.returncode == 1


@pytest.mark.django_db
def test_export_json_to_stdout_and_files(organisation, officer, tmp_path: Path):
    sample_plan(organisation, acting_user=officer, name="Export me")
    out, _ = run("export", "Export me", "--format", "json", "--as-of", "2010-01-15")
    data = json.loads(out)
    assert (data["plan"], data["as_of"], len(data["actions"])) == ("Export me", "2010-01-15", 5)
    for fmt, magic in [("pdf", b"%PDF"), ("xlsx", b"PK"), ("csv", b"area,target")]:
        target = tmp_path / f"out.{fmt}"
        run("export", "Export me", "--format", fmt, "--output", str(target))
        assert target.read_bytes().startswith(magic)


@pytest.mark.django_db
def test_export_of_an_unknown_plan_or_bad_date_exits_1(organisation):
    with pytest.raises(CommandError, match="no plan called") as error:
        run("export", "Nope", "--format", "json")
    assert error.value.returncode == 1
    with pytest.raises(CommandError, match="--as-of"):
        run("export", "Nope", "--format", "json", "--as-of", "15/01/2010")


def test_real_exit_code_and_stderr_from_the_console_script(tmp_path: Path):
    """The installed `touchstone` command exits 1 on bad input (its own database under tmp)."""
    touchstone = Path(sys.executable).with_name("touchstone")
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "PATH": "/usr/bin:/bin",
        "TOUCHSTONE_VAR_DIR": str(tmp_path),
    }
    subprocess.run([str(touchstone), "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [str(touchstone), "organisations", "add", "ips", "IPS", "--kind", "regulator"],
        env=env,
        check=True,
        capture_output=True,
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("action,status\nOne,finished\n")
    result = subprocess.run(
        [str(touchstone), "plans", "import", str(bad), "--name", "Bad"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert 'row 2: unknown status "finished"' in result.stderr
    good = tmp_path / "good.csv"
    good.write_text(SAMPLE_CSV)
    result = subprocess.run(
        [str(touchstone), "plans", "import", str(good), "--name", "Good"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('imported "Good" for IPS: 5 actions')
