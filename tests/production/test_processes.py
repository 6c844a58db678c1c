"""Several real gunicorn workers on one PostgreSQL database agree: a search total is right on
every worker the moment the write commits, and the public rate limit is one limit, not one per
worker."""

import threading
import time
from datetime import date

import pytest
from django.db import connection

from tests.smoke.processes import Browser, Processes, free_port
from touchstone.register.models import Status
from touchstone.register.services import registrant_status_change

WORKERS = 3
REQUESTS = 8 * WORKERS  # enough that every worker answers several of them


def database_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
    return f"postgres://{s['USER']}{password}@{host}/{s['NAME']}"


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("several web processes share one PostgreSQL database")


@pytest.fixture
def processes(tmp_path):
    with Processes(tmp_path / "logs") as started:
        yield started


def web(processes, *, extra=None) -> Browser:
    port = free_port()
    env = {
        "DJANGO_SETTINGS_MODULE": "touchstone.settings",
        "DATABASE_URL": database_url(),
        "TOUCHSTONE_DEBUG": "false",
        "TOUCHSTONE_SECRET_KEY": "multi-process-test-key-0123456789abcdefghijklmnopqrstuv",
        "TOUCHSTONE_ALLOWED_HOSTS": "127.0.0.1",
        "TOUCHSTONE_VAR_DIR": str(processes.logs),
        "TOUCHSTONE_PUBLIC_API_RATE": "10000/min",  # these tests count totals, not requests
        **(extra or {}),
    }
    processes.gunicorn(port, workers=WORKERS, env=env)
    return Browser(f"http://127.0.0.1:{port}")


def totals(browser: Browser, query: str) -> list[int]:
    return [
        browser.get(f"/api/v1/public/register/?{query}").json()["count"] for _ in range(REQUESTS)
    ]


@pytest.mark.parametrize("cache", ["per-process", "redis"])
def test_a_committed_change_shows_in_every_workers_totals(postgres, register, processes, cache):
    extra = {}
    if cache == "redis":
        port = free_port()
        processes.redis(port)
        extra["TOUCHSTONE_REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
    browser = web(processes, extra=extra)
    assert set(totals(browser, "status=active")) == {2}  # now cached in the workers
    registrant_status_change(
        acting_user=None,
        registrant=register["zoe"],
        status=Status.objects.get(code="active"),
        effective_on=date(2026, 1, 5),
        reason="Order ended",
    )
    assert totals(browser, "status=active") == [3] * REQUESTS
    assert totals(browser, "status=suspended") == [0] * REQUESTS


def test_the_public_rate_limit_is_one_limit_across_workers(postgres, register, processes):
    port = free_port()
    processes.redis(port)
    browser = web(
        processes,
        extra={
            "TOUCHSTONE_REDIS_URL": f"redis://127.0.0.1:{port}/0",
            "TOUCHSTONE_PUBLIC_API_RATE": "10/hour",
        },
    )
    codes: list[int] = []
    lock = threading.Lock()

    def client() -> None:
        mine = [browser.get("/api/v1/public/register/?q=smith").status for _ in range(8)]
        with lock:
            codes.extend(mine)

    started = int(time.time() // 3600)
    threads = [threading.Thread(target=client) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    windows = int(time.time() // 3600) - started + 1  # one, unless the hour turned meanwhile
    assert len(codes) == 48 and set(codes) <= {200, 429}
    assert codes.count(200) == 10 * windows
    limited = browser.get("/api/v1/public/register/?q=smith")
    assert limited.status == 429 and int(limited.headers["Retry-After"]) > 0
