"""Benchmark: the caseworkers' queue at 1,000,000 cases.

Builds the same ombudsman history as `bench.casework_scorecard` (N cases, default 1,000,000,
received evenly over ten years, the newest still open), gives a few of them to caseworkers,
then times, for each of the queue's usual views, the selector's whole work for one page: the
count of the cases the filters match, the page's 50 rows (with their caseworkers) and each
row's stage and ages (`selectors.queues.case_queue`, a `Paginator` page, `queue_row`); and the
whole page as a caseworker gets it (`GET /casework/staff/?...`, signed in, through the
middleware and the template). Best of 5 each; the target is 200 ms.

    .venv/bin/python -m bench.casework_queue --db sqlite
    .venv/bin/python -m bench.casework_queue --db postgres
    .venv/bin/python -m bench.casework_queue --db sqlite --n 100000   # a quick run

PostgreSQL is reached at TOUCHSTONE_BENCH_CASEWORK_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/touchstone_casework_bench; dropped and made anew).
Results are written to bench/results/casework_queue-<db>-<n>.json.
"""

import argparse
import json
import os
import time
from pathlib import Path

from bench.casework_scorecard import best_of, build, database_url, setup

ROOT = Path(__file__).resolve().parent.parent
VIEWS = {
    "open cases, oldest first (the default)": {},
    "open cases, newest first": {"sort": "newest"},
    "open cases, longest since acceptance": {"sort": "accepted"},
    "one stage": {"stage": "investigation"},
    "open high-complexity cases": {"complexity": "high"},
    "assigned to me": {"assigned": "me"},
    "every case, oldest first": {"state": "all"},
    "every case, newest first, page 200": {"state": "all", "sort": "newest", "page": "200"},
    "concluded cases, by reference": {"state": "concluded", "sort": "reference"},
    "one case by reference": {"state": "all", "q": "lo-00500000"},
}


def caseworker(organisation):
    """A caseworker of the organisation, with every 500th open case given to them."""
    from touchstone.casework.models import Case
    from touchstone.core.models import Membership, Role, User

    user = User.objects.create_user("bench-caseworker", password="bench")  # noqa: S106
    Membership.objects.create(user=user, organisation=organisation, role=Role.CASEWORKER)
    open_ids = Case.objects.filter(organisation=organisation, concluded_on__isnull=True)
    picked = list(open_ids.order_by("pk").values_list("pk", flat=True)[::500])
    Case.objects.filter(pk__in=picked).update(caseworker=user)
    return user


def one_page(user, organisation, query: dict) -> int:
    from django.core.paginator import Paginator

    from touchstone.casework.selectors.queues import case_queue, queue_row
    from touchstone.casework.views.queues import QUEUE_PAGE

    filters = {k: v for k, v in query.items() if k != "page"}
    page = Paginator(case_queue(user, organisation, **filters), QUEUE_PAGE).get_page(
        query.get("page")
    )
    rows = [queue_row(case, as_of=page.object_list[0].received_on) for case in page.object_list]
    return page.paginator.count if rows else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--n", type=int, default=1_000_000)
    args = parser.parse_args()
    setup(database_url(args.db))
    from django.conf import settings

    # the page's static paths without a collected manifest (the bench times the page's work)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from touchstone.core.models import Organisation

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    organisation = Organisation.objects.get(pk=build(args.n))
    user = caseworker(organisation)
    with connection.cursor() as cursor:
        # PostgreSQL: a vacuumed table, as autovacuum keeps a live one, so that counts read
        # the indexes alone (the visibility map); SQLite has nothing of the kind to do.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    built = time.perf_counter() - started
    print(f"built {args.n} cases in {built:.0f} s", flush=True)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    results = {"db": args.db, "cases": args.n, "build_seconds": round(built, 1), "views": {}}
    for label, query in VIEWS.items():
        seconds, count = best_of(5, lambda q=query: one_page(user, organisation, q))
        page_seconds, response = best_of(5, lambda q=query: client.get("/casework/staff/", q))
        if response.status_code != 200:
            raise SystemExit(f"{label}: the page answered {response.status_code}")
        results["views"][label] = {
            "query": query,
            "cases_matched": count,
            "selector_seconds": round(seconds, 4),
            "page_seconds": round(page_seconds, 4),
            "within_target": seconds < 0.2 and page_seconds < 0.2,
        }
        print(label, json.dumps(results["views"][label]), flush=True)
    out = ROOT / "bench" / "results" / f"casework_queue-{args.db}-{args.n}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    os.environ.setdefault("TOUCHSTONE_LOG_LEVEL", "WARNING")
    main()
