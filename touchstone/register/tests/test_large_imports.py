"""Large register imports: checked and written in batches, all or nothing, within the
database's limit on query parameters."""

import sqlite3
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection

from touchstone.core.imports.framework import BATCH_ROWS
from touchstone.core.models import AuditEvent
from touchstone.register import imports
from touchstone.register.models import PracticeRight, Registrant, RegistrantWord
from touchstone.register.services import AuditAction

HEADER = "number,kind,given_names,family_name,entity_name,status,rights,entity,town\n"
ROWS = 1_100  # more registrants than SQLite's default limit of 999 parameters a query


def register_file(n: int, *, bad_row: int | None = None) -> str:
    lines = [HEADER]
    for i in range(n):
        row = i + 2
        status = "asleep" if row == bad_row else "active"
        if i % 50 == 0:
            entity = f"E{i:05d}"
            lines.append(f"{entity},entity,,,Firm {i} LLP,{status},,,Leeds\n")
        else:
            rights = "immigration" if i % 3 == 0 else ""
            lines.append(
                f"{100000 + i},individual,Sam,Family{i % 97},,{status},{rights},{entity},York\n"
            )
    return "".join(lines)


@contextmanager
def sqlite_parameter_limit(limit: int):
    """On SQLite, lower the number of parameters one statement may take to SQLite's own
    default (this build allows far more), so that a file of a thousand rows goes past it."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    before = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    try:
        yield
    finally:
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, before)


def run(tmp_path, content: str):
    path = tmp_path / "register.csv"
    path.write_text(content)
    out, err = StringIO(), StringIO()
    try:
        call_command("register", "import", str(path), stdout=out, stderr=err)
    except CommandError as exc:
        return None, err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


@pytest.mark.django_db(transaction=True)
def test_a_file_past_the_parameter_limit_imports(organisation, tmp_path):
    with sqlite_parameter_limit(999):
        out, err, error = run(tmp_path, register_file(ROWS))
    assert error is None, err
    assert out.strip() == f"imported {ROWS} registrants from register.csv"
    assert Registrant.objects.count() == ROWS
    member = Registrant.objects.get(number="100051")
    assert member.entity.number == "E00050"
    assert PracticeRight.objects.count() == len([i for i in range(ROWS) if i % 50 and i % 3 == 0])
    creates = AuditEvent.objects.filter(action=AuditAction.CREATE).count()
    assert creates == ROWS
    assert (
        AuditEvent.objects.filter(action=AuditAction.GRANT_RIGHT).count()
        == PracticeRight.objects.count()
    )
    assert RegistrantWord.objects.filter(registrant=member).exists()  # found by name search


@pytest.mark.django_db(transaction=True)
def test_a_bad_row_near_the_end_writes_nothing(organisation, tmp_path):
    with sqlite_parameter_limit(999):
        out, err, error = run(tmp_path, register_file(ROWS, bad_row=ROWS))
    assert error is not None and error.returncode == 1
    assert err.splitlines() == [f'row {ROWS}: unknown status "asleep"']
    assert "nothing was written" in str(error)
    assert not Registrant.objects.exists()
    assert not AuditEvent.objects.filter(
        action__in=[AuditAction.CREATE, AuditAction.GRANT_RIGHT]
    ).exists()


@pytest.mark.django_db
def test_a_problem_found_while_writing_still_writes_nothing(organisation, tmp_path):
    """A member whose entity is on a later row passes the row checks of neither: the check
    finds it. And a registrant already on the register is refused in the check too."""
    content = HEADER + "100001,individual,Sam,Khan,,active,,E1,York\nE1,entity,,,Firm,active,,,\n"
    _, err, error = run(tmp_path, content)
    assert err.splitlines() == ['row 2: no entity with number "E1"']
    assert not Registrant.objects.exists()


@pytest.mark.django_db
def test_every_problem_of_a_very_bad_file_is_counted_but_not_all_listed(organisation, tmp_path):
    content = HEADER + "".join(f"{i},person,,,,active,,,\n" for i in range(700))
    _, err, error = run(tmp_path, content)
    lines = err.splitlines()
    assert len(lines) == 501 and lines[-1] == "and 200 more problems not listed"
    assert "700 problem(s)" in str(error)


@pytest.mark.django_db
def test_with_no_regulator_the_command_says_how_to_add_one(tmp_path):
    _, _, error = run(tmp_path, register_file(2))
    assert str(error) == (
        'there is no regulator yet: add one with "touchstone organisations add SLUG NAME '
        '--kind regulator" (--organisation SLUG is optional while there is only one)'
    )


@pytest.mark.django_db(transaction=True)
# The last row of the first batch (the header is row 1), then the first row of the second.
@pytest.mark.parametrize("bad_row", [BATCH_ROWS + 1, BATCH_ROWS + 2])
def test_a_bad_row_at_a_batch_boundary_writes_nothing(organisation, tmp_path, bad_row):
    with sqlite_parameter_limit(999):
        _, err, error = run(tmp_path, register_file(ROWS, bad_row=bad_row))
    assert error is not None  # (row 502 is an entity: its members are refused with it)
    assert err.splitlines()[0] == f'row {bad_row}: unknown status "asleep"'
    assert not Registrant.objects.exists() and not PracticeRight.objects.exists()
    assert not RegistrantWord.objects.exists()
    assert not AuditEvent.objects.filter(
        action__in=[AuditAction.CREATE, AuditAction.GRANT_RIGHT]
    ).exists()


@pytest.mark.django_db(transaction=True)
def test_a_problem_in_a_later_batch_of_the_write_undoes_the_earlier_batches(
    organisation, tmp_path, monkeypatch
):
    """The first batch is written (rows, rights, name index, audit events) before a write of
    the second fails: the whole import is rolled back, in the database, not only in memory."""
    calls = []
    real = imports.registrants_create_many

    def failing_third(**kwargs):
        calls.append(len(kwargs["registrants"]))
        if len(calls) == 3:
            raise ValidationError("the database refused the row")
        return real(**kwargs)

    monkeypatch.setattr(imports, "registrants_create_many", failing_third)
    with sqlite_parameter_limit(999):
        _, err, error = run(tmp_path, register_file(ROWS))
    assert len(calls) > 3 and error is not None  # each batch: its entities, then the rest
    assert err.splitlines() == [f"row {BATCH_ROWS + 2}: the database refused the row"]
    assert not Registrant.objects.exists() and not PracticeRight.objects.exists()
    assert not RegistrantWord.objects.exists()
    assert not AuditEvent.objects.filter(
        action__in=[AuditAction.CREATE, AuditAction.GRANT_RIGHT]
    ).exists()
