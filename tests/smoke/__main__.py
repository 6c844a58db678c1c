"""The production smoke test: `python -m tests.smoke` (run by .ci/run after the suites).

Deploys Touchstone as docs/operations.md describes, on this machine, and uses it over
loopback: a fresh PostgreSQL database, `migrate`, `collectstatic` with debug off, the demo
data, a private redis-server as the cache, gunicorn with several workers and
`touchstone db_worker` beside it. Then each step in STEPS runs in order; a step is a function
of the running deployment that raises on failure. Everything started is stopped at the end,
and the database dropped, whether the steps passed or not.

Environment: TOUCHSTONE_TEST_POSTGRES_URL names the PostgreSQL server to use (its database
part is ignored: a new database is created); TOUCHSTONE_SMOKE_KEEP=1 keeps the logs folder;
TOUCHSTONE_SMOKE_STEPS=a,b runs only the steps named.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import psycopg

from tests.smoke.processes import (
    BIN,
    SUBMISSION_TOKEN,
    Browser,
    Process,
    Processes,
    Response,
    free_port,
    wait_for,
)

WEB_WORKERS = 3
DEMO_PASSWORD = "touchstone-demo"  # the demo users' (touchstone.core.demo)
STAFF_USER = "officer"


@dataclass
class Deployment:
    """What the steps use: the running processes and how to reach them."""

    processes: Processes
    base_url: str
    env: dict[str, str]
    redis: Process
    web: Process
    worker: Process
    notes: dict = field(default_factory=dict)  # what one step found, for the next ones

    def browser(self) -> Browser:
        return Browser(self.base_url)

    def signed_in(self, username: str = STAFF_USER) -> Browser:
        browser = self.browser()
        page = browser.post_form(
            "/sign-in/", {"username": username, "password": DEMO_PASSWORD, "next": "/"}
        )
        check(page.status == 200 and "Sign out" in page.text, f"{username} could not sign in")
        return browser

    def touchstone(self, name: str, *args: str) -> None:
        self.processes.run(name, [str(BIN / "touchstone"), *args])


def check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


# --- steps ---------------------------------------------------------------------------------

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
SCRIPT = re.compile(r'<script src="([^"]+)"')
ICON = re.compile(r'<link rel="icon"[^>]* href="([^"]+)"')
HASHED = re.compile(r"\.[0-9a-f]{12}\.")


def _first(pattern: str, text: str, what: str) -> str:
    found = re.search(pattern, text)
    check(found is not None, f"no {what} found")
    return found.group(1)


def main_pages(d: Deployment) -> None:
    """Every main page answers 200 with its CSS and JavaScript, hashed and compressed."""
    public, staff = d.browser(), d.signed_in()
    search = public.get("/register/?status=active")
    number = _first(r'href="/register/([A-Z]*[0-9]+)/"', search.text, "registrant on the register")
    plans = staff.get("/plans/")
    plan = _first(r'href="/plans/([0-9]+)/"', plans.text, "plan in the plans list")
    staff_register = staff.get("/register/staff/")
    registrant = _first(r'href="/register/staff/([0-9]+)/"', staff_register.text, "registrant")
    rights_queue = staff.get("/rights/staff/")
    application = _first(r'href="/rights/staff/([0-9]+)/"', rights_queue.text, "application")
    applicant = d.signed_in("applicant")  # the demo applicant (touchstone.rights.demo)
    caseworker = d.signed_in("caseworker")  # the ombudsman's demo caseworker (core demo)
    own = _first(r'href="/rights/applications/([0-9]+)/"', applicant.get("/").text, "own one")
    d.notes.update(number=number, plan=plan, registrant=registrant, application=own)
    pages = [
        (public, "/"),
        (public, "/sign-in/"),
        (public, "/register/"),
        (public, "/register/?status=active"),
        (public, f"/register/{number}/"),
        (public, "/api/v1/docs/"),
        (public, "/rights/"),
        (public, "/rights/immigration/"),
        (staff, "/"),
        (staff, "/plans/"),
        (staff, f"/plans/{plan}/"),
        (staff, "/register/staff/"),
        (staff, f"/register/staff/{registrant}/"),
        (staff, "/rights/staff/"),
        (staff, f"/rights/staff/{application}/"),
        (applicant, f"/rights/applications/{own}/"),
        (applicant, f"/rights/applications/{own}/experience/"),
        (applicant, f"/rights/applications/{own}/experience/add/"),
        (applicant, f"/rights/applications/{own}/knowledge/"),
        (applicant, f"/rights/applications/{own}/portfolio/"),
        (applicant, f"/rights/applications/{own}/application/"),
        (applicant, f"/rights/applications/{own}/application/form/"),
        (applicant, f"/rights/applications/{own}/portfolio/1.1(2)/"),
        (applicant, f"/rights/applications/{own}/portfolio/1.1(2)/evidence/add/"),
        (staff, f"/rights/staff/{application}/portfolio/"),
        (staff, f"/rights/staff/{application}/application/decide/"),
        (public, "/standards/"),
        (public, "/standards/frameworks/iqs-2012/"),
        (public, "/standards/frameworks/iqs-2012/coverage/?held=lexcel"),
        (public, "/standards/frameworks/lexcel/mapped-to/iqs-2012/"),
        (public, "/standards/frameworks/iqs-2012/holders/?q=law"),
        (caseworker, "/casework/scorecard/"),
        (public, "/casework/complain/"),
    ]
    missing = public.get("/no-such-page/")  # the site's own 404, in its layout, debug off
    check(missing.status == 404 and "Page not found" in missing.text, f"404: {missing.status}")
    check(bool(STYLESHEET.findall(missing.text)), "404 page: no stylesheet")
    for browser, path in pages:
        page = browser.get(path)
        check(page.status == 200, f"{path}: {page.status}")
        sheets = STYLESHEET.findall(page.text)
        check(bool(sheets), f"{path}: no stylesheet")
        for asset in sheets + SCRIPT.findall(page.text) + ICON.findall(page.text):
            if asset.startswith("/static/"):
                check(HASHED.search(asset) is not None, f"{path}: {asset} is not hashed")
            served = browser.get(asset, headers={"Accept-Encoding": "gzip, br"})
            check(served.status == 200, f"{path}: {asset} answered {served.status}")
            if asset.endswith(".css"):
                check(served.headers["Content-Type"].startswith("text/css"), f"{asset} type")
                check(
                    served.headers.get("Content-Encoding") in {"gzip", "br"},
                    f"{asset} is not served compressed",
                )
    # The applicant's uploaded document (core.Upload, in MEDIA_ROOT): only ever a download.
    knowledge = applicant.get(f"/rights/applications/{own}/knowledge/").text
    document = _first(
        r'href="(/rights/applications/[0-9]+/knowledge/documents/[^"]+/)"',
        knowledge,
        "step 1 document",
    )
    served = applicant.get(document)
    check(served.status == 200, f"{document}: {served.status}")
    check(served.headers.get("Content-Type") == "application/pdf", f"{document}: type")
    check(served.headers.get("Content-Disposition", "").startswith("attachment;"), document)
    check(served.headers.get("X-Content-Type-Options") == "nosniff", f"{document}: nosniff")


def pages_in_the_browser(d: Deployment) -> None:
    """Chromium loads the pages with their CSS applied and the design system's JavaScript run."""
    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        raise AssertionError(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    paths = ["/", "/register/", f"/register/{d.notes['number']}/", "/sign-in/"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(base_url=d.base_url).new_page()
            failed: list[str] = []
            # net::ERR_ABORTED is the browser cancelling a request itself, as it does to a
            # favicon still loading when the next page is opened. A refused or broken answer
            # shows as another failure or as a status of 400 or more; main_pages fetches the
            # favicon and every asset directly.
            page.on(
                "requestfailed",
                lambda r: (
                    None
                    if r.failure == "net::ERR_ABORTED"
                    else failed.append(f"{r.url} {r.failure}")
                ),
            )
            page.on(
                "response",
                lambda r: failed.append(f"{r.url} {r.status}") if r.status >= 400 else None,
            )
            for path in paths:
                page.goto(path, wait_until="load")
                styled = page.evaluate(
                    """() => ({
                        sheets: Array.from(document.styleSheets)
                            .filter(sheet => sheet.href)
                            .map(sheet => [sheet.href, sheet.cssRules.length]),
                        footer: getComputedStyle(document.querySelector('.govuk-footer'))
                            .fontFamily,
                        width: getComputedStyle(document.querySelector('.govuk-width-container'))
                            .maxWidth,
                        govuk: typeof window.GOVUKFrontend === 'object',
                        moj: typeof window.MOJFrontend === 'object',
                        htmx: typeof window.htmx === 'object',
                    })"""
                )
                for name in ("govuk-frontend.min.", "moj-frontend.min."):
                    rules = [n for href, n in styled["sheets"] if name in href]
                    check(rules and rules[0] > 100, f"{path}: {name}css not loaded: {styled}")
                check("GDS Transport" in styled["footer"], f"{path}: GOV.UK CSS not applied")
                check(styled["width"] == "960px", f"{path}: GOV.UK layout not applied")
                check(styled["govuk"] and styled["moj"], f"{path}: design system JS not run")
                check(styled["htmx"], f"{path}: htmx not loaded")
            check(not failed, "requests failed in the browser: " + "; ".join(failed))
        finally:
            browser.close()


def the_api_answers(d: Deployment) -> None:
    """The public API, the schema and the health check answer; unknown paths answer JSON."""
    browser = d.browser()
    search = browser.get("/api/v1/public/register/?status=active")
    check(search.status == 200 and search.json()["count"] > 0, f"search: {search.status}")
    item = browser.get(f"/api/v1/public/register/{d.notes['number']}/")
    check(item.status == 200 and item.json()["number"] == d.notes["number"], "registrant")
    check(browser.get("/api/v1/schema/").status == 200, "schema")
    missing = browser.get("/api/v1/no-such-thing/")
    check(missing.status == 404 and missing.json() == {"detail": "Not found."}, "API 404")
    health = browser.get("/health/")
    check(health.status == 200, f"health: {health.status}")
    check(health.json() == {"database": "ok", "cache": "ok"}, f"health: {health.text}")
    me = d.signed_in().get("/api/v1/me/")
    check(me.status == 200 and me.json()["username"] == STAFF_USER, "signed-in API")
    qe_check = "/api/v1/rights/immigration/qe-check"
    plan = {
        "as_of": date.today().isoformat(),
        "periods": [
            {
                "kind": "work",
                "start": "2024-01-01",
                "end": None,
                "hours": 2400,
                "tasks": ["advising"],
            }
        ],
    }
    checked = _post_json(browser, qe_check, plan)
    check(
        checked.status == 200 and checked.json().get("scheme_version"), f"qe-check: {checked.text}"
    )
    refused = _post_json(browser, qe_check, {"periods": []})
    said = refused.json().get("as_of") if refused.status == 400 else None
    words = said if isinstance(said, str) else " ".join(said or ())
    check("is required" in words, f"qe-check 400: {refused.text}")


def _post_json(browser: Browser, path: str, body) -> Response:
    """POST `body` as JSON, as an API client does (no session, no CSRF token)."""
    request = urllib.request.Request(  # noqa: S310  (loopback)
        browser.base_url + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with browser.opener.open(request, timeout=30) as answer:
            return Response(answer.status, dict(answer.headers), answer.read(), answer.url)
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers), error.read(), request.full_url)


def _every_worker_sees(d: Deployment, what: str, seen: Callable[[Browser], bool]) -> None:
    """Asked many times (gunicorn hands requests to whichever worker is free), every answer
    shows the change; no waiting."""
    browser = d.browser()
    answers = [seen(browser) for _ in range(8 * WEB_WORKERS)]
    check(all(answers), f"{answers.count(False)} of {len(answers)} answers missed {what}")


def _change_status(staff: Browser, registrant: str, status: str, reason: str) -> None:
    """Change a registrant's status from today through the staff form, as a person does: the
    form, then its confirmation page, whose button makes the change."""
    today = date.today()
    path = f"/register/staff/{registrant}/status/"
    answers = {
        "status": status,
        "effective_on-day": str(today.day),
        "effective_on-month": str(today.month),
        "effective_on-year": str(today.year),
        "reason": reason,
    }
    check_page = staff.post_form(path, answers)
    # Not changed yet: the confirmation page (a refused form has no such warning).
    check(
        check_page.status == 200 and "This will show on the public register now" in check_page.text,
        f"status change to {status}: no confirmation page ({check_page.status})",
    )
    token = SUBMISSION_TOKEN.search(check_page.text)
    check(token is not None, "the confirmation page has no submission token")
    fields = {
        "csrfmiddlewaretoken": staff.cookie("csrftoken"),
        **answers,
        "confirmed": "yes",
        "submission_token": token.group(1),
    }
    changed = staff.request(path, fields, headers={"Referer": staff.base_url + path})
    # Saved: sent on to the registrant's page (a refused form answers on the status page).
    check(
        changed.status == 200 and changed.url.endswith(f"/register/staff/{registrant}/"),
        f"status change to {status}: {changed.status} {changed.url}",
    )


def a_change_shows_on_every_worker(d: Deployment) -> None:
    """A staff member signs in and suspends a registrant; every worker then shows it, in the
    search totals (which are cached) and on the public page."""
    staff = d.signed_in()
    registrant = d.notes["registrant"]
    detail = staff.get(f"/register/staff/{registrant}/").text
    number = _first(r'href="/register/([A-Z]*[0-9]+)/">See the public entry', detail, "number")

    def suspended_total(browser: Browser) -> int:
        return browser.get("/api/v1/public/register/?status=suspended").json()["count"]

    before = suspended_total(d.browser())
    _every_worker_sees(d, "the total before", lambda b: suspended_total(b) == before)
    _change_status(staff, registrant, "suspended", "Smoke test")
    _every_worker_sees(d, "the new total", lambda b: suspended_total(b) == before + 1)
    _every_worker_sees(
        d, "the public page", lambda b: "Suspended" in b.get(f"/register/{number}/").text
    )


def a_background_job_completes(d: Deployment) -> None:
    """The board report runs on `touchstone db_worker` and its PDF downloads."""
    staff = d.signed_in()
    plan_page = f"/plans/{d.notes['plan']}/"
    # The plan page offers the background report once a worker's lease is seen.
    wait_for("a running worker", lambda: "Prepare the board report" in staff.get(plan_page).text)
    started = staff.post_form(f"/plans/{d.notes['plan']}/board-report/", {}, form_page=plan_page)
    check(started.status == 200 and "/jobs/" in started.url, f"job not started: {started.url}")
    job = urllib.parse.urlparse(started.url).path
    wait_for("the board report", lambda: "Download" in staff.get(job).text, timeout=120)
    pdf = staff.get(job + "download/")
    check(pdf.status == 200 and pdf.body.startswith(b"%PDF"), "the report is not a PDF")


def a_portfolio_compiles_on_a_worker(d: Deployment) -> None:
    """The demo applicant's portfolio (its letters uploaded to MEDIA_ROOT, one still showing
    a client's email address, flagged) compiles on `touchstone db_worker` into a PDF."""
    applicant = d.signed_in("applicant")
    portfolio = f"/rights/applications/{d.notes['application']}/portfolio/"
    page = applicant.get(portfolio)
    check("may still hold personal data" in page.text, "the flagged letter is not shown")
    started = applicant.post_form(portfolio + "compile/", {}, form_page=portfolio)
    check(started.status == 200 and "/jobs/" in started.url, f"job not started: {started.url}")
    job = urllib.parse.urlparse(started.url).path
    wait_for("the portfolio", lambda: "Download" in applicant.get(job).text, timeout=120)
    pdf = applicant.get(job + "download/")
    check(pdf.status == 200 and pdf.body.startswith(b"%PDF"), "the portfolio is not a PDF")


JOB_START = """
from pathlib import Path
from touchstone.core.services import job_start
from touchstone.core.tests.worker_tasks import blocking_job
job = job_start(acting_user=None, kind='smoke', label='Blocking job', organisation=None,
                params={{'gate': {gate!r}}}, task=blocking_job)
Path({out!r}).write_text(str(job.pk))
"""


def a_killed_worker_s_job_is_retried(d: Deployment) -> None:
    """`touchstone db_worker` is killed (kill -9) in the middle of a job; the worker started in
    its place (as a supervisor would) finds the job orphaned once the lease lapses, runs it
    again, and it finishes: never left running."""
    folder = d.processes.logs / "killed-worker"
    folder.mkdir()
    gate, started, out = folder / "gate", folder / "started", folder / "job-id"
    os.mkfifo(gate)  # the job blocks reading it until released (no timers)
    d.touchstone(
        "job-start", "shell", "--no-imports", "-c", JOB_START.format(gate=str(gate), out=str(out))
    )
    job_id = out.read_text().strip()

    def starts() -> int:
        return len(started.read_text().split()) if started.exists() else 0

    def job() -> tuple:
        with psycopg.connect(d.env["DATABASE_URL"]) as connection:
            return connection.execute(
                "SELECT j.state, j.attempts, t.status, t.worker_ids FROM core_job j "
                "JOIN django_tasks_database_dbtaskresult t ON t.id::text = j.task_id "
                "WHERE j.id = %s",
                (job_id,),
            ).fetchone()

    wait_for("the worker to start the job", lambda: starts() == 1)
    d.worker.signal(signal.SIGKILL)
    wait_for("the killed worker to be gone", lambda: not d.worker.alive())
    check(job()[:3] == ("running", 1, "RUNNING"), f"after the kill: {job()}")
    d.worker = d.processes.start("db_worker (restarted)", [str(BIN / "touchstone"), "db_worker"])
    wait_for("the restarted worker to run the job again", lambda: starts() == 2)
    writer = threading.Thread(target=lambda: gate.write_text("go"), daemon=True)
    writer.start()
    writer.join(timeout=30)
    wait_for("the retried job to finish", lambda: job()[0] == "succeeded")
    state, attempts, status, worker_ids = job()
    check((attempts, status, len(worker_ids)) == (2, "SUCCESSFUL", 2), f"retried job: {job()}")


def redis_stopped_degrades(d: Deployment) -> None:
    """With the cache stopped mid-run nothing answers 500: pages, the API, a staff change and
    its totals carry on, and the health check says the cache is unavailable."""
    d.redis.stop()
    check(not d.redis.alive(), "redis-server did not stop")
    browser, staff = d.browser(), d.signed_in()
    for path in ["/", "/register/", "/register/?status=active", f"/register/{d.notes['number']}/"]:
        page = browser.get(path)
        check(page.status == 200, f"{path} without Redis: {page.status}")
    for path in ["/api/v1/public/register/?status=active", "/api/v1/public/register/?q=smith"]:
        check(browser.get(path).status == 200, f"{path} without Redis")
    before = browser.get("/api/v1/public/register/?status=suspended").json()["count"]
    registrant = d.notes["registrant"]
    _change_status(staff, registrant, "active", "Smoke test: order ended")
    total = browser.get("/api/v1/public/register/?status=suspended").json()["count"]
    check(total == before - 1, f"suspended total {total}, expected {before - 1}")
    health = browser.get("/health/")
    check(health.status == 200 and health.json()["cache"] == "unavailable", health.text)
    check("touchstone.cache" in d.web.log.read_text(), "the cache failure was not logged")


STEPS: list[Callable[[Deployment], None]] = [
    main_pages,
    pages_in_the_browser,
    the_api_answers,
    a_change_shows_on_every_worker,
    a_background_job_completes,
    a_portfolio_compiles_on_a_worker,
    a_killed_worker_s_job_is_retried,
    redis_stopped_degrades,  # last: the cache stays down
]


# --- the deployment ------------------------------------------------------------------------


def server_url() -> str:
    return os.environ.get(
        "TOUCHSTONE_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
    )


def database_url(name: str) -> str:
    return urllib.parse.urlparse(server_url())._replace(path=f"/{name}").geturl()


def admin(sql: str) -> None:
    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        connection.execute(sql)


def deploy(processes: Processes, database: str) -> Deployment:
    redis_port, web_port = free_port(), free_port()
    processes.env.update(
        {
            "DJANGO_SETTINGS_MODULE": "touchstone.settings",
            "DATABASE_URL": database_url(database),
            "TOUCHSTONE_DEBUG": "false",
            "TOUCHSTONE_SECRET_KEY": f"smoke-{uuid.uuid4().hex}{uuid.uuid4().hex}",
            "TOUCHSTONE_ALLOWED_HOSTS": "127.0.0.1",
            "TOUCHSTONE_VAR_DIR": str(processes.logs / "var"),
            "TOUCHSTONE_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            # a killed worker's job is taken back after 5 s without its heartbeat
            "TOUCHSTONE_WORKER_LEASE_SECONDS": "5",
        }
    )
    redis = processes.redis(redis_port)
    run = [str(BIN / "touchstone")]
    timed("migrate", lambda: processes.run("migrate", [*run, "migrate", "--verbosity", "0"]))
    timed(
        "collectstatic",
        lambda: processes.run("collectstatic", [*run, "collectstatic", "--noinput"]),
    )
    timed(
        "check --deploy",
        lambda: processes.run("check", [*run, "check", "--deploy", "--fail-level", "ERROR"]),
    )
    timed("demo data", lambda: processes.run("demo-data", [*run, "demo-data"]))
    web = timed(
        f"gunicorn, {WEB_WORKERS} workers",
        lambda: processes.gunicorn(web_port, workers=WEB_WORKERS),
    )
    worker = processes.start("db_worker", [*run, "db_worker"])
    return Deployment(processes, f"http://127.0.0.1:{web_port}", processes.env, redis, web, worker)


def timed(what: str, action: Callable):
    started = time.monotonic()
    result = action()
    print(f"   {what}: {time.monotonic() - started:.1f}s", flush=True)
    return result


def main() -> int:
    logs = Path(tempfile.mkdtemp(prefix="touchstone-smoke-"))
    database = f"touchstone_smoke_{uuid.uuid4().hex[:12]}"
    passed = failed = 0
    admin(f'CREATE DATABASE "{database}"')
    try:
        with Processes(logs) as processes:
            print(f"== deploy (database {database}, logs {logs})", flush=True)
            deployment = deploy(processes, database)
            chosen = os.environ.get("TOUCHSTONE_SMOKE_STEPS", "")  # e.g. "main_pages,the_api"
            steps = [s for s in STEPS if not chosen or s.__name__ in chosen.split(",")]
            for step in steps:
                started = time.monotonic()
                try:
                    step(deployment)
                except Exception:
                    failed += 1
                    print(f"FAILED {step.__name__}", flush=True)
                    traceback.print_exc()
                    for process in processes.started:
                        print(f"--- {process.name} log (last lines)\n{process.tail()}")
                    break
                passed += 1
                print(f"ok {step.__name__} ({time.monotonic() - started:.1f}s)", flush=True)
                if not deployment.web.alive() or not deployment.worker.alive():
                    failed += 1
                    print(f"FAILED: a process died after {step.__name__}", flush=True)
                    break
    finally:
        admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        if os.environ.get("TOUCHSTONE_SMOKE_KEEP") != "1":
            shutil.rmtree(logs, ignore_errors=True)
    skipped = len(STEPS) - passed - failed  # after a failure, or not chosen
    print(f"smoke: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
