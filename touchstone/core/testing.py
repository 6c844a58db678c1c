"""Helpers for every module's tests: forms sent as a browser sends them, and requests
released together on separate database connections."""

import re
import threading
from collections.abc import Callable

from django.db import connection, connections

from touchstone.core.writes import TOKEN_FIELD, new_token


def sent(data: dict | None = None, **fields) -> dict:
    """Form data as a rendered form sends it: with its one-time submission token."""
    return {**(data or {}), **fields, TOKEN_FIELD: new_token()}


def date_boxes(name: str, day, month, year) -> dict:
    """A date as a GOV.UK date input sends it (core.dates): `<name>-day`, `-month`, `-year`."""
    return {f"{name}-day": str(day), f"{name}-month": str(month), f"{name}-year": str(year)}


def run_together(*calls: Callable[[], object], timeout: float = 60) -> list:
    """Run each call in its own thread (so each has its own database connection), all
    released at the same moment by a barrier; return what each returned, in order (an
    exception a call raised is returned in its place). Each thread closes its connection."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout)
            results[index] = call()
        except Exception as exc:  # reported to the test, which asserts on it
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        if thread.is_alive():
            raise TimeoutError("a concurrent call did not finish in time")
    return results


def client_for(user):
    """A test client signed in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def hidden_value(html: str, name: str) -> str:
    """The value of the hidden input called `name` in a rendered page (the first one)."""
    match = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="([^"]*)"', html)
    if match is None:
        raise AssertionError(f"no hidden {name} in the page")
    return match.group(1)


def two_writers_can_overlap() -> bool:
    """Whether the test database lets two connections hold write transactions at once (so a
    race can be staged): PostgreSQL does; the in-memory SQLite of the test suite locks whole
    tables, so there the repeat is tested one after the other instead."""
    return connection.vendor == "postgresql"
