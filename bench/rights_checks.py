"""Benchmark: the practice-rights checks an applicant runs live, against naive baselines.

Times, on the Immigration scheme as shipped:

- `portfolio_check` (the pure rules) and `portfolio_check_for("immigration", data)` (the
  selector: the scheme read from a migrated database, the version in force chosen) on a full
  36-sheet portfolio with realistic evidence, against a BASELINE written here (not product
  code) that, for each required example, re-reads and re-validates every sheet (quadratic);
- `qe_check` and `qe_check_for` on a 20-period plan over 5 years, against a BASELINE that
  walks every day of every period in Python dicts.

Each baseline must agree with the real check on the same input, or the run stops.

    .venv/bin/python -m bench.rights_checks              # 200 runs of each
    .venv/bin/python -m bench.rights_checks --runs 1000

Results are written to bench/results/rights_checks.json.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from fractions import Fraction

from bench.register_search import ROOT, configure, percentile

TARGET_MS = 50.0
APPLIED = date(2026, 5, 10)
SUPERVISORS = ["Ann Lee", "Bola Okafor", "Chris Day", "Dee Patel"]
STATEMENTS = ("2.4", "6.3", "6.5")  # personal statements instead of logbook sheets


def full_portfolio(scheme) -> dict:
    """36 sheets (the optional outcome included): 33 logbook sheets with 3 to 6 items of
    evidence each, from the last two years, and 3 personal statements; four supervisors, one
    who has moved on and declared the examples they supervised."""
    from touchstone.rights.rules.portfolio import examples_of

    rng = random.Random(36)
    kinds = [k.code for k in scheme.evidence_kinds if k.acceptable]
    examples = [e for c in scheme.competencies for e in examples_of(c, True)]
    former = SUPERVISORS[-1]
    sheets = []
    for i, example in enumerate(examples):
        supervisor = SUPERVISORS[i % len(SUPERVISORS)]
        common = {
            "example": example,
            "explanation": f"How example {example} meets each criterion of the outcome. " * 6,
            "reflection": "What went well, what I would do differently, and what I learnt. " * 4,
            "supervisor": supervisor,
        }
        day = APPLIED - timedelta(days=rng.randrange(90, 700))
        if example in STATEMENTS:
            sheets.append(
                common
                | {
                    "type": "personal_statement",
                    "reason": "the advice was given in a meeting, with no written record",
                    "work_date": day.isoformat(),
                }
            )
            continue
        evidence = [
            {
                "description": f"item {k + 1} for {example}, redacted",
                "date": (day + timedelta(days=k * rng.randrange(1, 15))).isoformat(),
                "kind": rng.choice(kinds),
            }
            for k in range(rng.randint(3, 6))
        ]
        sheets.append(
            common
            | {
                "type": "logbook",
                "matter": f"matter {example} (client {i})",
                "document_type": f"document type {example}",
                "evidence": evidence,
                "age_explanation": None,
            }
        )
    declared = [s["example"] for s in sheets if s["supervisor"] == former]
    return {
        "application_date": APPLIED.isoformat(),
        "include_optional": True,
        "applicant": {"name": "Sam Jones", "membership_number": "12345"},
        "supervisors": [
            {"name": name, "authorised": True, "current": name != former}
            | ({"declaration_examples": declared} if name == former else {})
            for name in SUPERVISORS
        ],
        "sheets": sheets,
    }


def baseline_portfolio_check(data: dict, scheme) -> list[tuple[str, str | None]]:
    """BASELINE, not product code: for each required example, read and validate every sheet
    again to find the one for it, and the supervisors again to find its supervisor. Returns
    the errors' (code, ref); covers only what a complete portfolio is checked for."""
    from touchstone.rights.rules.common import normalise_name
    from touchstone.rights.rules.portfolio import (
        LOGBOOK_TEXTS,
        STATEMENT_TEXTS,
        date_codes,
        examples_of,
        normalise_example,
        read_sheet,
        read_supervisors,
    )

    applied = date.fromisoformat(data["application_date"])
    kinds = {k.code: k for k in scheme.evidence_kinds}
    per_outcome = {o.code: c.examples_per_outcome for c in scheme.competencies for o in c.outcomes}
    include = bool(data.get("include_optional"))
    errors = []
    for example in [e for c in scheme.competencies for e in examples_of(c, include)]:
        found = None
        for i, value in enumerate(data["sheets"]):
            sheet = read_sheet(value, i, kinds)
            if found is None and normalise_example(sheet.example, per_outcome) == example:
                found = sheet
        if found is None:
            errors.append(("MISSING_EXAMPLE", example))
            continue
        needs = STATEMENT_TEXTS if found.statement else LOGBOOK_TEXTS
        if any(not found.texts[name] for name in needs):
            errors.append(("INCOMPLETE_SHEET", example))
        errors += [(code, example) for code in date_codes(found, applied, scheme)]
        supervisor = read_supervisors(data, per_outcome).get(
            normalise_name(found.texts["supervisor"])
        )
        if supervisor is None or not supervisor[0]:
            errors.append(("SUPERVISOR", example))
        elif not supervisor[1] and example not in supervisor[2]:
            errors.append(("SUPERVISOR_DECLARATION_MISSING", example))
    return errors


def qe_plan() -> dict:
    """20 periods over the 5 years to the day of the check: an LPC, then jobs, some part-time
    and overlapping (two at once), the last still going."""
    rng = random.Random(20)
    as_of = date(2026, 5, 1)
    first = as_of - timedelta(days=5 * 365)
    periods = [
        {
            "kind": "lpc",
            "start": first.isoformat(),
            "end": (first + timedelta(days=300)).isoformat(),
            "passed": True,
        }
    ]
    start = first + timedelta(days=200)
    for i in range(19):
        length = rng.randrange(60, 200)
        end = None if i == 18 else min(start + timedelta(days=length), as_of)
        periods.append(
            {
                "kind": "work",
                "start": start.isoformat(),
                "end": end and end.isoformat(),
                "hours": rng.randrange(100, 900),
                "tasks": rng.sample(["taking_instructions", "advising", "drafting"], 2),
                "employer": f"Firm {i % 7}",
                "role": "caseworker",
            }
        )
        start += timedelta(days=length // 2 + rng.randrange(0, length // 2))
        start = min(start, as_of - timedelta(days=30))
    return {"as_of": as_of.isoformat(), "periods": periods}


def baseline_qe_credited(data: dict, scheme) -> Fraction:
    """BASELINE, not product code: spread each period's hours over every one of its days in a
    dict of day -> hours, then credit each day the work plus what of the course the work does
    not already cover (§20)."""
    as_of = date.fromisoformat(data["as_of"])
    credits = {code: hours for code, _, hours, _ in scheme.courses}
    work: dict[date, Fraction] = {}
    course: dict[date, Fraction] = {}
    for p in data["periods"]:
        start = date.fromisoformat(p["start"])
        end = date.fromisoformat(p["end"]) if p.get("end") else as_of
        days = (end - start).days + 1
        if p["kind"] == "work":
            if not p["tasks"]:
                continue
            into, rate = work, Fraction(p["hours"]) / days
        elif p["passed"] and not course:
            into, rate = course, Fraction(credits[p["kind"]]) / days
        else:
            continue
        day = start
        while day <= end:
            into[day] = into.get(day, Fraction(0)) + rate
            day += timedelta(days=1)
    total = sum(work.values(), Fraction(0))
    return total + sum((c - min(c, work.get(d, Fraction(0)))) for d, c in course.items())


def timed(run: Callable[[], object], runs: int) -> tuple[dict, object]:
    result = run()  # once untimed: imports and caches warm, as in a running server
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1000)
    row = {
        "runs": runs,
        "p50_ms": round(percentile(times, 50), 3),
        "p95_ms": round(percentile(times, 95), 3),
        "max_ms": round(max(times), 3),
    }
    return row, result


def this_run() -> dict:
    """When, where and of which commit the numbers were measured."""
    git = ["git", "rev-parse", "--short", "HEAD"]
    commit = subprocess.run(git, cwd=ROOT, capture_output=True, text=True).stdout.strip()
    cpus, python = os.cpu_count(), sys.version.split()[0]
    measured = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return {"machine": {"cpus": cpus, "python": python}, "measured": measured, "commit": commit}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    configure("sqlite")
    from touchstone.rights.rules import portfolio_check, qe_check
    from touchstone.rights.selectors import portfolio_check_for, qe_check_for, scheme_on

    scheme = scheme_on("immigration", APPLIED)
    data, plan = full_portfolio(scheme), qe_plan()
    rows: dict[str, dict] = {}

    rows["portfolio_check (pure)"], real = timed(lambda: portfolio_check(data, scheme), args.runs)
    assert real["complete"], real["errors"]
    assert (real["required_examples"], real["provided_examples"]) == (36, 36), real
    rows["portfolio_check_for (selector, database)"], through = timed(
        lambda: portfolio_check_for("immigration", data), args.runs
    )
    assert through == real
    rows["portfolio BASELINE (every sheet re-read per example)"], naive = timed(
        lambda: baseline_portfolio_check(data, scheme), args.runs
    )
    assert naive == [], naive

    qe_scheme = scheme_on("immigration", date.fromisoformat(plan["as_of"]))
    rows["qe_check (pure)"], qe = timed(lambda: qe_check(plan, qe_scheme), args.runs)
    rows["qe_check_for (selector, database)"], qe_through = timed(
        lambda: qe_check_for("immigration", plan), args.runs
    )
    assert qe_through == qe
    rows["qe BASELINE (every day of every period)"], credited = timed(
        lambda: baseline_qe_credited(plan, qe_scheme), args.runs
    )
    assert qe["credited_hours"] == int(credited * 100) / 100, (qe, float(credited))

    print(f"{'check':<55} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
    for label, row in rows.items():
        print(f"{label:<55} {row['p50_ms']:>9.3f} {row['p95_ms']:>9.3f} {row['max_ms']:>9.3f}")
    live = rows["portfolio_check_for (selector, database)"]["p95_ms"]
    verdict = "meets" if live < TARGET_MS else f"MISSES by {live - TARGET_MS:.1f} ms"
    print(f"target: live portfolio check p95 under {TARGET_MS:.0f} ms: {verdict}")

    sheets = data["sheets"]
    result = {
        "data": {
            "portfolio_sheets": len(sheets),
            "evidence_items": sum(len(s.get("evidence", ())) for s in sheets),
            "personal_statements": sum(s["type"] == "personal_statement" for s in sheets),
            "supervisors": len(data["supervisors"]),
            "qe_periods": len(plan["periods"]),
            "qe_credited_hours": qe["credited_hours"],
        },
        "timings": rows,
        "target_ms": TARGET_MS,
        **this_run(),
    }
    out = ROOT / "bench" / "results" / "rights_checks.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
