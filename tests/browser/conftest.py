"""Browser tests: Playwright (Python) driving Debian's chromium against the live test server.

Playwright's sync API runs an event loop in the test thread, which makes Django think the ORM is
being called from async code; the tests only touch the ORM between browser steps, so that check
is switched off here.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from touchstone.register.tests.fixtures import register  # noqa: F401  (shared fixture)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # see the module docstring
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A page whose test fails if the Content-Security-Policy blocked anything on the way
    (a script, a style, a connection) or a script failed."""
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: blocked.append(f"{page.url}: {error}"))
    yield page
    context.close()
    assert not blocked, "blocked by the Content-Security-Policy or failed:\n" + "\n".join(blocked)


@pytest.fixture
def check_accessibility():
    """Run axe on the current page and fail on any WCAG 2.x A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        results = axe.run(
            page,
            options={
                "runOnly": {
                    "type": "tag",
                    "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
                }
            },
        )
        violations = results.response["violations"]
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in violations
        ]
        assert not violations, f"accessibility violations on {name}:\n" + "\n".join(summary)

    return check


@pytest.fixture
def sign_in(page):
    def do(username: str, password: str) -> None:
        page.goto("/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/sign-in/" not in url)

    return do
