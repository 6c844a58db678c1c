"""Benchmark: the public register search at scale, against the bare database query.

Builds N individuals and N/12.5 entities (default 250,000 and 20,000) in a scratch database,
then times the public API (the real view, serialiser and query code, in process) for name,
number and filter searches against the same SQL run directly on the database (the floor),
checks that the query count per request does not grow with the register, and measures
throughput over loopback with several gunicorn workers.

    .venv/bin/python -m bench.register_search --db sqlite            # or --db postgres
    .venv/bin/python -m bench.register_search --db sqlite --n 20000  # a quicker run

Results are written to bench/results/register_search-<db>.json.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure(db: str) -> str:
    (ROOT / "var" / "static").mkdir(parents=True, exist_ok=True)
    if db == "sqlite":
        path = Path(tempfile.mkdtemp(prefix="touchstone-bench-")) / "bench.sqlite3"
        url = f"sqlite:///{path}"
    else:
        base = os.environ.get(
            "TOUCHSTONE_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/touchstone_bench"
        )
        import psycopg

        admin = base.rsplit("/", 1)[0] + "/postgres"
        name = base.rsplit("/", 1)[1]
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = base
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "touchstone.settings"
    os.environ["TOUCHSTONE_DEBUG"] = "false"
    os.environ["TOUCHSTONE_SECRET_KEY"] = "bench-only-" + "x" * 50
    os.environ["TOUCHSTONE_PUBLIC_API_RATE"] = "1000000/min"
    os.environ.setdefault("TOUCHSTONE_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def build(n: int) -> dict:
    """Bulk-load the register, indexing names through the service the application uses."""
    from django.db import connection, transaction

    from touchstone.core.models import Organisation
    from touchstone.register.demo import FAMILY, FIRMS, GIVEN, TOWNS
    from touchstone.register.models import (
        Category,
        NameWord,
        PracticeRight,
        Registrant,
        RegistrantWord,
        RightType,
        Status,
    )
    from touchstone.register.services import index_names, prepare_search_fields

    rng = random.Random(42)
    regulator = Organisation.objects.create(slug="ips", name="IPS", kind="regulator")
    statuses = {s.code: s for s in Status.objects.all()}
    categories = list(Category.objects.all())
    rights = list(RightType.objects.all())
    started = time.perf_counter()

    def save(batch: list[Registrant]) -> None:
        with transaction.atomic():
            Registrant.objects.bulk_create(batch)
            index_names(batch)
            PracticeRight.objects.bulk_create(
                [
                    PracticeRight(
                        registrant=r, right_type=rng.choice(rights), granted_on="2015-01-01"
                    )
                    for r in batch
                    if r.kind == "individual" and rng.random() < 0.4
                ],
                batch_size=10000,
            )

    entities = max(1, n * 20 // 250)
    batch: list[Registrant] = []
    for i in range(entities + n):
        entity = i < entities
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        town, district = rng.choice(TOWNS)
        r = Registrant(
            regulator=regulator,
            number=f"E{i}" if entity else str(1_000_000 + i),
            kind="entity" if entity else "individual",
            given_names="" if entity else given,
            family_name="" if entity else family,
            entity_name=f"{family} {rng.choice(FIRMS)}" if entity else "",
            status=statuses["suspended" if rng.random() < 0.01 else "active"],
            category=None if entity else rng.choice(categories),
            town=town,
            postcode=f"{district} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQ')}",
        )
        prepare_search_fields(r)
        batch.append(r)
        if len(batch) == 5000:
            save(batch)
            batch = []
    if batch:
        save(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {
        "individuals": n,
        "entities": entities,
        "name_words": NameWord.objects.count(),
        "registrant_words": RegistrantWord.objects.count(),
        "build_seconds": round(time.perf_counter() - started, 1),
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def queries(n: int) -> dict[str, list[str]]:
    """50 searches of each kind, drawn from the same names and towns as the register."""
    from urllib.parse import urlencode

    from touchstone.register.demo import FAMILY, GIVEN, TOWNS
    from touchstone.register.rules import name_words

    rng = random.Random(7)

    def typo(name: str) -> str:
        word = max(name_words(name), key=len)
        i = rng.randrange(1, len(word))
        return word[:i] + word[i + 1 :]

    broad = [
        {"status": "active"},
        {"category": "chartered_legal_executive"},
        {"right": "advocacy"},
        {"status": "suspended"},
        {"right": "immigration", "category": "CILEX Practitioner"},
        {"town": "LS1"},
        {"town": "EC4A 2"},
    ]
    return {
        "name, one typo per word": [
            urlencode({"q": f"{typo(rng.choice(GIVEN))} {typo(rng.choice(FAMILY))}"})
            for _ in range(50)
        ],
        "name, as written": [
            urlencode({"q": f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"}) for _ in range(50)
        ],
        "name, one word": [urlencode({"q": rng.choice(GIVEN + FAMILY)}) for _ in range(50)],
        "name and a filter": [
            urlencode(
                {"q": rng.choice(GIVEN + FAMILY)}
                | broad[i % len(broad)]
                | ({} if i % 3 else {"q": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"})
            )
            for i in range(50)
        ],
        "number": [f"q={1_000_000 + n * 20 // 250 + rng.randrange(n)}" for _ in range(50)],
        "filters, narrow (right, status, town)": [
            urlencode({"right": "immigration", "status": "active", "town": rng.choice(TOWNS)[0]})
            for _ in range(50)
        ],
        "filters, broad (status, category or right)": [
            urlencode(broad[i % len(broad)]) for i in range(50)
        ],
    }


def time_api(n: int, repeat: int) -> dict:
    """Each search through the whole Django stack, then the very SQL it ran, run again
    straight on the database cursor (the floor). The cache is emptied before each request, so
    every total is counted: these are cold timings."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = {}
    for label, qs in queries(n).items():
        api, floor, counts = [], [], set()
        for _ in range(repeat):
            for q in qs:
                cache.clear()
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(f"/api/v1/public/register/?{q}&page_size=20")
                api.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.content
                statements = [c["sql"] for c in captured.captured_queries]
                counts.add(len(statements))
                start = time.perf_counter()
                with connection.cursor() as cursor:
                    for sql in statements:
                        cursor.execute(sql)
                        cursor.fetchall()
                floor.append((time.perf_counter() - start) * 1000)
        results[label] = {
            "requests": len(api),
            "api_p50_ms": round(percentile(api, 50), 2),
            "api_p95_ms": round(percentile(api, 95), 2),
            "floor_p50_ms": round(percentile(floor, 50), 2),
            "floor_p95_ms": round(percentile(floor, 95), 2),
            "ratio_p95": round(percentile(api, 95) / max(percentile(floor, 95), 0.001), 1),
            "queries_per_request": sorted(counts),
        }
    return results


def throughput(url: str, n: int, workers: int, seconds: float, clients: int) -> dict:
    env = {**os.environ, "DATABASE_URL": url}
    port = 8765
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "touchstone.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/public/register/?q=1")
                break
            except OSError:
                time.sleep(0.1)
        paths = [
            f"/api/v1/public/register/?{q}&page_size=20" for qs in queries(n).values() for q in qs
        ]
        database = url.rsplit("/", 1)[1] if url.startswith("postgres") else None
        before = _server_cpu(server.pid, database)
        load = (_wrk if shutil.which("wrk") else _python_clients)(port, paths, seconds, clients)
        cpu = _server_cpu(server.pid, database) - before
        return load | {
            "workers": workers,
            # CPU the server side spent (web workers, and database backends on PostgreSQL)
            # per request: steadier than requests/s when other work shares the machine.
            "server_cpu_ms_per_request": round(cpu * 1000 / max(load["requests"], 1), 2),
        }
    finally:
        server.terminate()
        server.wait(timeout=10)


def _server_cpu(master: int, database: str | None) -> float:
    """CPU seconds used so far by the gunicorn workers and, on PostgreSQL, by the backends
    serving the benchmark's database (read from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        worker = int(fields[1]) == master
        backend = database is not None and f" {database} " in cmdline
        if worker or backend:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _wrk(port: int, paths: list[str], seconds: float, connections: int) -> dict:
    """Load from wrk (a separate C process), rotating through the search paths."""
    script = Path(tempfile.mkdtemp()) / "paths.lua"
    quoted = ", ".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
    )
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{int(seconds)}s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(out.split("Requests/sec:")[1].split()[0])
    requests = int(out.split(" requests in ")[0].split()[-1])
    errors = out.split("Non-2xx or 3xx responses:")[1].split()[0] if "Non-2xx" in out else "0"
    return {
        "client": "wrk",
        "connections": connections,
        "seconds": seconds,
        "requests": requests,
        "errors": int(errors),
        "requests_per_second": rps,
    }


def _python_clients(port: int, paths: list[str], seconds: float, clients: int) -> dict:
    done, errors = [0], [0]
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def client(offset: int) -> None:
        i = offset
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{paths[i % len(paths)]}").read()
                with lock:
                    done[0] += 1
            except OSError:
                with lock:
                    errors[0] += 1
            i += 1

    threads = [threading.Thread(target=client, args=(k * 7,)) for k in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return {
        "client": "python threads",
        "connections": clients,
        "seconds": round(elapsed, 1),
        "requests": done[0],
        "errors": errors[0],
        "requests_per_second": round(done[0] / elapsed, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--n", type=int, default=250_000, help="individuals (entities: n/12.5)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    url = configure(args.db)
    data = build(args.n)
    print(f"built {data}", flush=True)
    timings = time_api(args.n, args.repeat)
    for label, row in timings.items():
        print(f"{label}: {row}", flush=True)
    load = throughput(url, args.n, args.workers, args.seconds, clients=8)
    print(f"throughput: {load}", flush=True)
    result = {
        "database": args.db,
        "data": data,
        "search": timings,
        "throughput": load,
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
    }
    out = ROOT / "bench" / "results" / f"register_search-{args.db}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
