"""Benchmark: the casework KPI scorecard at 1,000,000 cases, against a naive Python loop.

Builds, in a fresh database, an ombudsman's history of N cases (default 1,000,000) over ten
target years (April 2016 to March 2026) with the seed's complexity mix (14% high, 43% medium,
43% low), legal and CMC jurisdictions, days to conclude drawn per complexity, the newest
cases still open, survey answers from the parties of most concluded cases and a service
complaint on a few. The rows are written with raw `executemany` (the bench's data, not a
workflow). Then, in the same run:

- `selector`: `casework.selectors.scorecard` (the real code path: aggregate queries in the
  database, finished by the pure rules) for one year, one year and one jurisdiction, and the
  whole ten years; best of 3 runs each;
- `naive`: every case of the organisation read into Python with its answers and complaints,
  and the pure `rules.scorecard` run over those rows (what a loop over the rows costs);

checks the two give the same scorecard, and reports the ratio.

    .venv/bin/python -m bench.casework_scorecard --db sqlite
    .venv/bin/python -m bench.casework_scorecard --db postgres
    .venv/bin/python -m bench.casework_scorecard --db sqlite --n 100000   # a quick run

PostgreSQL is reached at TOUCHSTONE_BENCH_CASEWORK_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/touchstone_casework_bench; dropped and made anew).
Results are written to bench/results/casework_scorecard-<db>-<n>.json.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START = date(2016, 4, 1)
END = date(2026, 3, 31)
MIX = (("high", 14), ("medium", 43), ("low", 43))
# Median days from acceptance to conclusion by complexity, near the ombudsman's own.
TYPICAL_DAYS = {"high": 260, "medium": 140, "low": 70}
PERIODS = {
    "one year": (date(2024, 4, 1), date(2025, 3, 31), None),
    "one year, legal": (date(2024, 4, 1), date(2025, 3, 31), "legal"),
    "ten years": (START, END, None),
}
CASE_COLUMNS = (
    "id", "version", "organisation_id", "reference", "scheme", "jurisdiction", "complexity",
    "stage", "provider_id", "provider_name", "provider_unregulated", "area_of_law",
    "received_on", "accepted_on", "concluded_on", "days_to_conclude", "outcome", "remedy",
    "caseworker_id",
)  # fmt: skip
OUTCOMES = ("remedy", "no_remedy", "settled", "withdrawn", "rejected")


def database_url(db: str) -> str:
    if db == "sqlite":
        return f"sqlite:///{Path(tempfile.mkdtemp(prefix='touchstone-bench-')) / 'bench.sqlite3'}"
    import psycopg

    base = os.environ.get(
        "TOUCHSTONE_BENCH_CASEWORK_POSTGRES_URL",
        "postgres://postgres@127.0.0.1:5432/touchstone_casework_bench",
    )
    admin, name = base.rsplit("/", 1)[0] + "/postgres", base.rsplit("/", 1)[1]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return base


def setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "touchstone.settings"
    os.environ["TOUCHSTONE_DEBUG"] = "false"
    os.environ["TOUCHSTONE_SECRET_KEY"] = "bench-only-" + "x" * 50
    os.environ.setdefault("TOUCHSTONE_LOG_LEVEL", "WARNING")
    import django

    django.setup()


def history(n: int, organisation_id: int, rng: random.Random):
    """(case row, answers, complaint) for N cases received evenly over the ten years."""
    span = (END - START).days
    complexities = [c for c, share in MIX for _ in range(share)]
    for i in range(n):
        received = START + timedelta(days=span * i // n)
        complexity = rng.choice(complexities)
        accepted = received + timedelta(days=rng.randint(0, 40))
        days = int(rng.lognormvariate(0, 0.6) * TYPICAL_DAYS[complexity])
        concluded = accepted + timedelta(days=days)
        if concluded > END or rng.random() < 0.002:  # the backlog: still open
            concluded = None
        outcome = rng.choice(OUTCOMES) if concluded else ""
        row = (
            i + 1, 1, organisation_id, f"LO-{i + 1:08d}", "ombudsman",
            "legal" if rng.random() < 0.9 else "cmc", complexity,
            "concluded" if concluded else "investigation", None, f"Firm {i % 5000}", True,
            "Conveyancing", received, accepted, concluded,
            days if concluded else None, outcome, "", None,
        )  # fmt: skip
        answers = []
        if concluded:
            for party, share in (("complainant", 0.6), ("provider", 0.4)):
                if rng.random() < share:
                    satisfied = rng.random() < 0.55
                    service = rng.random() < (0.85 if satisfied else 0.3)
                    answers.append(
                        (i + 1, party, satisfied, service if rng.random() < 0.95 else None)
                    )
        complaint = None
        if concluded and rng.random() < 0.03:
            complaint = (i + 1, "complainant", rng.choice(["upheld", "not_upheld", "pending"]))
        yield row, answers, complaint


def build(n: int) -> int:
    from django.db import connection, transaction

    from touchstone.core.models import Organisation

    organisation = Organisation.objects.create(slug="lo", name="Ombudsman", kind="ombudsman")
    rng = random.Random(2018)
    case_sql = (
        f"INSERT INTO casework_case ({', '.join(CASE_COLUMNS)}) "
        f"VALUES ({', '.join(['%s'] * len(CASE_COLUMNS))})"
    )
    answer_sql = (
        "INSERT INTO casework_satisfactionresponse "
        "(case_id, party_role, outcome_satisfied, service_satisfied) VALUES (%s, %s, %s, %s)"
    )
    complaint_sql = (
        "INSERT INTO casework_servicecomplaint (case_id, party_role, outcome) VALUES (%s, %s, %s)"
    )
    cases, answers, complaints = [], [], []

    def flush(cursor):
        cursor.executemany(case_sql, cases)
        cursor.executemany(answer_sql, answers)
        if complaints:
            cursor.executemany(complaint_sql, complaints)
        cases.clear(), answers.clear(), complaints.clear()

    with transaction.atomic(), connection.cursor() as cursor:
        for row, answered, complaint in history(n, organisation.pk, rng):
            cases.append(row)
            answers.extend(answered)
            if complaint:
                complaints.append(complaint)
            if len(cases) == 20_000:
                flush(cursor)
        flush(cursor)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return organisation.pk


def naive(organisation, date_from, date_to, jurisdiction):
    """Every case read into Python, then the pure definition over the rows."""
    from touchstone.casework import rules
    from touchstone.casework.models import Case, SatisfactionResponse, ServiceComplaint

    answers: dict[int, dict] = {}
    for case_id, party, outcome, service in SatisfactionResponse.objects.filter(
        case__organisation=organisation
    ).values_list("case_id", "party_role", "outcome_satisfied", "service_satisfied"):
        answers.setdefault(case_id, {})[party] = (outcome, service)
    complaints: dict[int, list] = {}
    for case_id, outcome in ServiceComplaint.objects.filter(
        case__organisation=organisation
    ).values_list("case_id", "outcome"):
        complaints.setdefault(case_id, []).append(outcome)
    rows = (
        {
            "jurisdiction": j,
            "complexity": c,
            "accepted_on": a,
            "concluded_on": d,
            "satisfaction": answers.get(pk, {}),
            "service_complaints": complaints.get(pk, []),
        }
        for pk, j, c, a, d in Case.objects.filter(organisation=organisation, scheme="ombudsman")
        .values_list("pk", "jurisdiction", "complexity", "accepted_on", "concluded_on")
        .iterator(chunk_size=20_000)
    )
    return rules.scorecard(rows, date_from=date_from, date_to=date_to, jurisdiction=jurisdiction)


def best_of(runs: int, call):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args()
    setup(database_url(args.db))
    from django.core.management import call_command

    from touchstone.casework.selectors import scorecard
    from touchstone.core.models import Organisation

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    organisation = Organisation.objects.get(pk=build(args.n))
    built = time.perf_counter() - started
    print(f"built {args.n} cases in {built:.0f} s", flush=True)
    results = {"db": args.db, "cases": args.n, "build_seconds": round(built, 1), "periods": {}}
    for label, (date_from, date_to, jurisdiction) in PERIODS.items():
        seconds, card = best_of(
            3,
            lambda f=date_from, t=date_to, j=jurisdiction: scorecard(
                acting_user=None, organisation=organisation, date_from=f, date_to=t,
                jurisdiction=j,
            ),
        )  # fmt: skip
        loop_seconds, looped = best_of(
            1, lambda f=date_from, t=date_to, j=jurisdiction: naive(organisation, f, t, j)
        )
        if looped != card:
            sys.exit(f"{label}: the selector and the loop disagree")
        results["periods"][label] = {
            "selector_seconds": round(seconds, 3),
            "naive_loop_seconds": round(loop_seconds, 3),
            "loop_over_selector": round(loop_seconds / seconds, 1),
            "concluded": card["concluded"],
            "open_at_end": card["open_at_end"],
            "within_target": seconds < 2,
        }
        print(label, json.dumps(results["periods"][label]), flush=True)
    out = ROOT / "bench" / "results" / f"casework_scorecard-{args.db}-{args.n}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
