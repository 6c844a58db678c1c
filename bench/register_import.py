"""Benchmark: a very large register import, its time and its peak memory, against the floor.

Writes a register CSV of N rows (default 260,000: one entity to every twelve individuals, four
in ten individuals holding rights, members pointing at their entity), then in a fresh database
and a fresh process for each case:

- `import`: `touchstone register import FILE` (the real command, service and import code:
  streamed twice, checked then written in batches in one transaction, audited, name-indexed);
- `floor`: the database alone: the same file read with `csv` and written as bare registrant
  rows with `bulk_create` (no checks, rights, name index or audit), in one transaction;
- `bad-last-row`: the import of the same file with its last row wrong (unknown status): it
  must write nothing and say which row;
- `idle`: the process with Django set up and the database migrated, doing nothing (the
  memory any command starts from).

Each case reports seconds and peak resident memory (the process's maxrss).

    .venv/bin/python -m bench.register_import --db sqlite               # 260,000 rows
    .venv/bin/python -m bench.register_import --db sqlite --n 1000000   # the memory ceiling
    .venv/bin/python -m bench.register_import --db postgres --n 50000

Results are written to bench/results/register_import-<db>-<n>.json.
"""

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ("idle", "floor", "import", "bad-last-row")


def write_file(path: Path, n: int, *, bad_last_row: bool = False) -> None:
    """N register rows in the import's columns (the names from the demo's lists)."""
    from touchstone.register.demo import FAMILY, FIRMS, GIVEN, TOWNS
    from touchstone.register.imports import REGISTRANT_COLUMNS

    rights = ["immigration", "advocacy", "probate", "conveyancing", "litigation_civil"]
    rng = random.Random(42)
    header = list(REGISTRANT_COLUMNS)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        entity = ""
        for i in range(n):
            town = rng.choice(TOWNS)
            status = "active" if not (bad_last_row and i == n - 1) else "asleep"
            if i % 13 == 0:
                entity = f"E{i:07d}"
                name = f"{rng.choice(FAMILY)} {rng.choice(FIRMS)}"
                writer.writerow(
                    [entity, "entity", "", "", "", name, "", status, "2010-01-01", "", "",
                     town, "LS1 1AA", "", "", ""]
                )  # fmt: skip
                continue
            held = ";".join(rng.sample(rights, 2)) if rng.random() < 0.4 else ""
            writer.writerow(
                [f"{i + 100000:07d}", "individual", "Ms", rng.choice(GIVEN), rng.choice(FAMILY),
                 "", "Chartered Legal Executive", status, "2012-05-01", held,
                 entity if rng.random() < 0.5 else "", town, "LS2 2BB",
                 f"m{i}@example.test", "1980-02-03", f"{i} Home Road"]
            )  # fmt: skip


def database_url(db: str, case: str) -> str:
    if db == "sqlite":
        return f"sqlite:///{Path(tempfile.mkdtemp(prefix='touchstone-bench-')) / 'bench.sqlite3'}"
    import psycopg

    base = os.environ.get(
        "TOUCHSTONE_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/touchstone_bench"
    )
    admin, name = base.rsplit("/", 1)[0] + "/postgres", base.rsplit("/", 1)[1]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return base


def setup() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "touchstone.settings"
    os.environ["TOUCHSTONE_DEBUG"] = "false"
    os.environ["TOUCHSTONE_SECRET_KEY"] = "bench-only-" + "x" * 50
    os.environ.setdefault("TOUCHSTONE_LOG_LEVEL", "WARNING")
    import django

    django.setup()


def child(case: str, path: str) -> dict:
    """One case in this (fresh) process; the parent reads the JSON line it prints."""
    setup()
    from io import StringIO

    from django.core.management import CommandError, call_command
    from django.db import transaction

    from touchstone.core.models import AuditEvent, Organisation
    from touchstone.register.models import Registrant, Status

    call_command("migrate", verbosity=0)
    Organisation.objects.create(slug="ips", name="IPS", kind="regulator")
    started = time.perf_counter()
    outcome = ""
    if case == "floor":
        status = Status.objects.get(code="active")
        regulator = Organisation.objects.get(slug="ips")
        with open(path, newline="", encoding="utf-8") as file, transaction.atomic():
            rows = csv.DictReader(file)
            batch = []
            for values in rows:
                batch.append(
                    Registrant(
                        regulator=regulator,
                        status=status,
                        number=values["number"],
                        kind=values["kind"],
                        given_names=values["given_names"],
                        family_name=values["family_name"],
                        entity_name=values["entity_name"],
                        town=values["town"],
                    )
                )
                if len(batch) == 5000:
                    Registrant.objects.bulk_create(batch)
                    batch = []
            Registrant.objects.bulk_create(batch)
    elif case in ("import", "bad-last-row"):
        out, err = StringIO(), StringIO()
        try:
            call_command("register", "import", path, stdout=out, stderr=err)
            outcome = out.getvalue().strip()
        except CommandError as exc:
            outcome = f"{err.getvalue().strip()} / {exc}"
    seconds = time.perf_counter() - started
    return {
        "case": case,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "registrants_written": Registrant.objects.count(),
        "audit_events": AuditEvent.objects.count(),
        "outcome": outcome[:300],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--n", type=int, default=260_000)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.file)))
        return
    setup()  # the demo's name lists (no database is touched here)
    work = Path(tempfile.mkdtemp(prefix="touchstone-bench-import-"))
    good, bad = work / "register.csv", work / "register-bad.csv"
    write_file(good, args.n)
    write_file(bad, args.n, bad_last_row=True)
    results = {
        "db": args.db,
        "rows": args.n,
        "file_mb": round(good.stat().st_size / 1_000_000, 1),
        "cases": {},
    }
    for case in args.cases.split(","):
        env = {**os.environ, "DATABASE_URL": database_url(args.db, case)}
        command = [sys.executable, "-m", "bench.register_import", "--child", case]
        command += ["--file", str(bad if case == "bad-last-row" else good)]
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            sys.exit(f"{case} failed:\n{done.stderr}")
        results["cases"][case] = json.loads(done.stdout.strip().splitlines()[-1])
        print(json.dumps(results["cases"][case]), flush=True)
    floor, real = results["cases"].get("floor"), results["cases"].get("import")
    if floor and real:
        results["import_vs_floor_seconds"] = round(real["seconds"] / floor["seconds"], 1)
    out = ROOT / "bench" / "results" / f"register_import-{args.db}-{args.n}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
