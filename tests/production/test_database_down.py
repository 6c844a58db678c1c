"""A web process whose PostgreSQL refuses connections answers 503 with Retry-After: JSON on
the API, a plain page (which reads nothing from the database) elsewhere; never a 500."""

import pytest

from tests.smoke.processes import Browser, Processes, free_port

pytestmark = pytest.mark.xdist_group(
    "database-down"
)  # one worker builds the module's fixture, once


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    logs = tmp_path_factory.mktemp("database-down")
    with socket_refusing() as refused, Processes(logs) as processes:
        port = free_port()
        processes.gunicorn(
            port,
            workers=2,
            env={
                "DJANGO_SETTINGS_MODULE": "touchstone.settings",
                "DATABASE_URL": f"postgres://postgres@127.0.0.1:{refused}/touchstone",
                "TOUCHSTONE_DEBUG": "false",
                "TOUCHSTONE_SECRET_KEY": "database-down-test-key-0123456789abcdefghijklmnopq",
                "TOUCHSTONE_ALLOWED_HOSTS": "127.0.0.1",
                "TOUCHSTONE_VAR_DIR": str(logs),
            },
        )
        yield Browser(f"http://127.0.0.1:{port}")


def socket_refusing():
    """A bound port that never listens: PostgreSQL there refuses every connection."""
    import contextlib
    import socket

    @contextlib.contextmanager
    def bound():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            yield sock.getsockname()[1]

    return bound()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/public/register/?q=smith", "/api/v1/public/register/100001/", "/api/v1/me/"],
)
def test_api_answers_503_in_json(web, path):
    headers = {"Authorization": "Token 0123456789abcdef"} if path.endswith("/me/") else {}
    response = web.get(path, headers=headers)
    assert response.status == 503, (path, response.text[:300])
    assert response.headers["Content-Type"] == "application/json"
    assert int(response.headers["Retry-After"]) > 0
    assert "unavailable" in response.json()["detail"]


def test_api_errors_are_json_without_the_database_too(web):
    response = web.get("/api/v1/no-such-thing/")
    assert response.status == 404 and response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("path", ["/register/", "/register/100001/", "/sign-in/?next=/plans/"])
def test_pages_answer_a_plain_503_page(web, path):
    # The sign-in page reads nothing until it is posted; a session cookie makes it read.
    session = {"Cookie": f"sessionid={'s' * 32}"} if "sign-in" in path else {}
    response = web.get(path, headers=session)
    assert response.status == 503, (path, response.text[:300])
    assert response.headers["Content-Type"].startswith("text/html")
    assert int(response.headers["Retry-After"]) > 0
    assert "Sorry, the service is unavailable" in response.text


def test_health_check_reports_the_database(web):
    response = web.get("/health/")
    assert response.status == 503 and response.json()["database"] == "unavailable"
    assert int(response.headers["Retry-After"]) > 0
