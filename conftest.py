"""Fixtures shared by every module's tests."""

import os

import pytest
from django.db.backends.postgresql.operations import DatabaseOperations as PostgresOperations

from touchstone.core.models import Organisation, OrganisationKind, Role, User

pytest.register_assert_rewrite("touchstone.core.testing")  # the permission matrix's checks

_sql_flush = PostgresOperations.sql_flush


def _sql_flush_past_audit_trigger(
    self, style, tables, *, reset_sequences=False, allow_cascade=False
):
    """Let the flush between transactional tests empty the append-only audit table.

    The database refuses TRUNCATE on `core_auditevent` (core migration 0004) for every role; the
    test database's superuser skips ordinary triggers for the flush's own transaction only.
    """
    statements = _sql_flush(
        self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
    )
    return ["SET LOCAL session_replication_role = replica", *statements] if statements else []


PostgresOperations.sql_flush = _sql_flush_past_audit_trigger

# What makes a test one that touches the database: pytest-django's mark or fixtures, or the
# `database` mark for a test that makes a database of its own (worker processes, backups).
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def uses_database(item: pytest.Item) -> bool:
    return (
        item.get_closest_marker("django_db") is not None
        or item.get_closest_marker("database") is not None
        or bool(DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ())))
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL run (TOUCHSTONE_TEST_DATABASE=postgres) runs the tests that touch the
    database; the rest (pure rules, parsing, settings) do the same on either and run once, in
    the SQLite run."""
    if os.environ.get("TOUCHSTONE_TEST_DATABASE") != "postgres":
        return
    kept, left = [], []
    for item in items:
        (kept if uses_database(item) else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (throttle counters, cached search totals)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def make_organisation(db):
    from touchstone.core.testing import new_organisation  # after the assert rewrite above

    def make(slug: str = "regulator", kind: str = OrganisationKind.REGULATOR) -> Organisation:
        return new_organisation(slug, kind)

    return make


@pytest.fixture
def make_user(db):
    from touchstone.core.testing import new_user  # after the assert rewrite above

    def make(username: str, *roles: tuple[Organisation, str], password: str = "pw") -> User:
        return new_user(username, *roles, password=password)

    return make


@pytest.fixture
def organisation(make_organisation) -> Organisation:
    return make_organisation("ips")


@pytest.fixture
def other_organisation(make_organisation) -> Organisation:
    return make_organisation("other-body")


@pytest.fixture
def officer(make_user, organisation) -> User:
    return make_user("officer", (organisation, Role.OFFICER))


@pytest.fixture
def outsider(make_user, other_organisation) -> User:
    return make_user("outsider", (other_organisation, Role.OFFICER))


@pytest.fixture
def closed_port():
    """A loopback port where nothing listens: it is bound (so nothing else takes it) but never
    accepts, so every connection to it is refused."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]
