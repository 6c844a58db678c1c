"""`touchstone backup dump|check` and the documented restore, on a real PostgreSQL dump.

These need a PostgreSQL server (TOUCHSTONE_TEST_POSTGRES_URL) whatever the suite's own
database, as pg_dump and pg_restore do; without one they are skipped.
"""

import json
import os
import subprocess
import uuid

import pytest

from touchstone.core.tests.processes import TOUCHSTONE, drop, migrated_database

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("TOUCHSTONE_TEST_POSTGRES_URL"), reason="needs a PostgreSQL server"
    ),
    pytest.mark.xdist_group("backup"),  # one worker builds the module's fixture, once
]
XDIST = os.environ.get("PYTEST_XDIST_WORKER", "gw")


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    database = migrated_database(
        tmp_path_factory.mktemp("backup"), XDIST, postgres=True, purpose="backup"
    )
    database.django(
        "from touchstone.core.services import membership_grant, organisation_create\n"
        "from touchstone.core.models import User\n"
        "for n in range(5):\n"
        "    body = organisation_create(acting_user=None, slug=f'body-{n}', name=f'Body {n}',"
        " kind='regulator')\n"
        "    user = User.objects.create_user(username=f'officer-{n}', password='pw')\n"
        "    membership_grant(acting_user=None, user=user, organisation=body, role='officer')\n"
    )
    yield database
    drop(database)


def touchstone(database, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [TOUCHSTONE, *args], env=database.env(), capture_output=True, text=True, timeout=300
    )


def audit_last_id(database) -> int:
    return database.one("SELECT max(id) FROM core_auditevent")[0]


def add_audit_row(database) -> None:
    slug = f"later-{uuid.uuid4().hex[:8]}"
    database.django(
        "from touchstone.core.services import organisation_create\n"
        f"organisation_create(acting_user=None, slug={slug!r}, name='Later', kind='provider')\n"
    )


def test_a_dump_restores_with_every_row_and_the_last_audit_id(source, tmp_path):
    file = tmp_path / "touchstone.dump"
    dumped = touchstone(source, "backup", "dump", str(file))
    assert dumped.returncode == 0, dumped.stderr
    manifest = json.loads((tmp_path / "touchstone.dump.json").read_text())
    assert manifest["audit_last_id"] == audit_last_id(source) > 0
    assert (
        manifest["tables"]["public.core_organisation"]
        == source.one("SELECT count(*) FROM core_organisation")[0]
    )
    assert len(manifest["tables"]) >= 30

    # Writes after the dump do not matter: the check compares with the dump's own snapshot.
    add_audit_row(source)
    checked = touchstone(source, "backup", "check", str(file))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith(f"restore checked: {len(manifest['tables'])} tables, ")
    assert f"audit last id {manifest['audit_last_id']}" in checked.stdout
    leftovers = source.sql(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", ("%restore_check%",)
    )
    assert leftovers == []  # the scratch database is dropped


def test_a_restore_that_differs_is_reported_and_fails(source, tmp_path):
    file = tmp_path / "touchstone.dump"
    assert touchstone(source, "backup", "dump", str(file)).returncode == 0
    manifest = tmp_path / "touchstone.dump.json"
    data = json.loads(manifest.read_text())
    data["tables"]["public.core_organisation"] += 1  # as if a row had been lost
    data["audit_last_id"] += 1
    manifest.write_text(json.dumps(data))
    checked = touchstone(source, "backup", "check", str(file))
    assert checked.returncode == 1
    assert "public.core_organisation:" in checked.stderr
    assert "core_auditevent last id:" in checked.stderr


def test_the_documented_restore_replaces_a_live_database(source, tmp_path):
    """docs/operations.md: with web and workers stopped, `pg_restore --clean --if-exists`
    replaces the live database (a plain `pg_restore -d` onto it fails and replaces nothing)."""
    file = tmp_path / "touchstone.dump"
    assert touchstone(source, "backup", "dump", str(file)).returncode == 0
    expected = json.loads((tmp_path / "touchstone.dump.json").read_text())
    add_audit_row(source)
    env = {**source.env(), "PGDATABASE": ""}
    plain = subprocess.run(
        ["pg_restore", "--no-owner", "-d", source.url, str(file)], env=env, capture_output=True
    )
    assert plain.returncode != 0
    assert audit_last_id(source) == expected["audit_last_id"] + 1  # nothing replaced
    clean = subprocess.run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--exit-on-error",
            "-d",
            source.url,
            str(file),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert clean.returncode == 0, clean.stderr
    assert audit_last_id(source) == expected["audit_last_id"]
    assert (
        source.one("SELECT count(*) FROM core_organisation")[0]
        == expected["tables"]["public.core_organisation"]
    )
