"""PostgreSQL backups that are known to restore.

`dump` runs `pg_dump -Fc` inside an exported snapshot and, in that same snapshot, counts the
rows of every table and reads the audit table's last id: the manifest (`<dump>.json`) says
exactly what the dump holds even while the database is being written. `check` restores the dump
into a scratch database with the documented command (`createdb`, then `pg_restore`), counts the
same things there, compares them with the manifest (or, without one, with the live database),
and drops the scratch database.
"""

import json
import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from django.conf import settings

AUDIT_TABLE = "core_auditevent"
TABLES_SQL = (
    "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM "
    "information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
    "('pg_catalog', 'information_schema') ORDER BY 1"
)


class BackupError(Exception):
    """The backup could not be taken or checked (the message says why)."""


@dataclass
class Census:
    """Row counts of every table and the audit table's last id, at one moment."""

    tables: dict[str, int]
    audit_last_id: int | None
    taken_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def as_json(self) -> dict:
        return {
            "taken_at": self.taken_at,
            "audit_last_id": self.audit_last_id,
            "tables": self.tables,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Census":
        return cls(
            tables=dict(data["tables"]),
            audit_last_id=data["audit_last_id"],
            taken_at=data.get("taken_at", ""),
        )

    def differences(self, restored: "Census") -> list[str]:
        """Every way `restored` differs from this census, in words (empty when equal)."""
        found = []
        for table in sorted(set(self.tables) | set(restored.tables)):
            expected, got = self.tables.get(table), restored.tables.get(table)
            if expected is None:
                found.append(f"{table}: not in the source, {got} rows restored")
            elif got is None:
                found.append(f"{table}: {expected} rows in the source, table not restored")
            elif expected != got:
                found.append(f"{table}: {expected} rows in the source, {got} restored")
        if self.audit_last_id != restored.audit_last_id:
            found.append(
                f"{AUDIT_TABLE} last id: {self.audit_last_id} in the source, "
                f"{restored.audit_last_id} restored"
            )
        return found


def connection_settings() -> dict:
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(
            "backup dump and check work on PostgreSQL; back up SQLite with "
            '`sqlite3 var/touchstone.sqlite3 ".backup FILE"` (docs/operations.md)'
        )
    return database


def libpq_env(database: dict, name: str | None = None) -> dict[str, str]:
    """The environment that points pg_dump, pg_restore and createdb at `database`."""
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    env["PGDATABASE"] = name or database["NAME"]
    return env


def connect(database: dict, name: str | None = None, **kwargs) -> psycopg.Connection:
    return psycopg.connect("", **_conninfo(database, name), **kwargs)


def _conninfo(database: dict, name: str | None) -> dict:
    info = {"dbname": name or database["NAME"]}
    for target, key in (
        ("host", "HOST"),
        ("port", "PORT"),
        ("user", "USER"),
        ("password", "PASSWORD"),
    ):
        if database.get(key):
            info[target] = str(database[key])
    return info


def census(connection: psycopg.Connection) -> Census:
    tables = {}
    for (table,) in connection.execute(TABLES_SQL).fetchall():
        tables[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 — names from the catalogue, quoted
    audit_last_id = None
    if f"public.{AUDIT_TABLE}" in tables:
        audit_last_id = connection.execute(f"SELECT max(id) FROM {AUDIT_TABLE}").fetchone()[0]  # noqa: S608
    return Census(tables=tables, audit_last_id=audit_last_id)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} not found: install the PostgreSQL client tools")
    return path


def manifest_path(dump: Path) -> Path:
    return dump.with_name(dump.name + ".json")


def dump(path: Path) -> Census:
    """`pg_dump -Fc` to `path`, with the manifest of the same snapshot beside it."""
    database = connection_settings()
    with connect(database) as connection:
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counted = census(connection)
        done = subprocess.run(
            [_tool("pg_dump"), "-Fc", f"--snapshot={snapshot}", "-f", str(path)],
            env=libpq_env(database),
            capture_output=True,
            text=True,
        )
        connection.execute("COMMIT")
    if done.returncode != 0:
        raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
    manifest_path(path).write_text(json.dumps(counted.as_json(), indent=2) + "\n")
    return counted


@dataclass
class CheckResult:
    expected: Census
    restored: Census
    compared_with: str
    differences: list[str]


def check(path: Path, *, manifest: Path | None = None, keep: bool = False) -> CheckResult:
    """Restore `path` into a scratch database and compare it with its manifest (or, if there
    is none, with the live database). The scratch database is dropped unless `keep`."""
    database = connection_settings()
    if not path.is_file():
        raise BackupError(f"no such file: {path}")
    manifest = manifest or manifest_path(path)
    if manifest.is_file():
        expected = Census.from_json(json.loads(manifest.read_text()))
        compared_with = f"the manifest {manifest.name} (taken {expected.taken_at})"
    else:
        with connect(database) as connection:
            expected = census(connection)
        compared_with = f"the live database {database['NAME']} (no manifest: it may have moved on)"
    scratch = f"{database['NAME']}_restore_check_{secrets.token_hex(4)}"[:63]
    env = libpq_env(database, scratch)
    created = subprocess.run([_tool("createdb"), scratch], env=env, capture_output=True, text=True)
    if created.returncode != 0:
        raise BackupError(f"createdb {scratch} failed: {created.stderr.strip()}")
    try:
        restored_run = subprocess.run(
            [_tool("pg_restore"), "--no-owner", "--exit-on-error", "-d", scratch, str(path)],
            env=env,
            capture_output=True,
            text=True,
        )
        if restored_run.returncode != 0:
            raise BackupError(f"pg_restore into {scratch} failed: {restored_run.stderr.strip()}")
        with connect(database, scratch) as connection:
            restored = census(connection)
    finally:
        if not keep:
            with connect(database, "postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
    return CheckResult(
        expected=expected,
        restored=restored,
        compared_with=compared_with,
        differences=expected.differences(restored),
    )
