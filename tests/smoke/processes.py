"""Real processes on loopback for the production smoke test and the multi-process tests:
a private redis-server, gunicorn with several workers, `touchstone db_worker`, and a small
HTTP client. Every process is started in its own process group and stopped with it, and
`Processes` stops whatever it started even when a step fails."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    """A loopback port nothing listens on now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(what: str, check: Callable[[], bool], timeout: float = 60.0, every=0.1) -> None:
    """Poll `check` until it holds, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(every)
    raise TimeoutError(f"gave up waiting for {what} after {timeout:.0f}s")


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    def alive(self) -> bool:
        return self.popen.poll() is None

    def signal(self, signum: int) -> None:
        if self.alive():
            os.killpg(self.popen.pid, signum)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM to the process group, then SIGKILL if it has not gone in time."""
        if not self.alive():
            return
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.popen.wait(timeout)

    def tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class Processes:
    """Starts processes with logs under `logs`; stops them all on leaving the `with`."""

    logs: Path
    env: dict[str, str] = field(default_factory=dict)
    started: list[Process] = field(default_factory=list)

    def __enter__(self) -> Processes:
        self.logs.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, *exc) -> None:
        for process in reversed(self.started):
            process.stop()

    def environment(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {**os.environ, **self.env, **(extra or {})}
        env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
        return env

    def start(self, name: str, args: list[str], env: dict[str, str] | None = None) -> Process:
        log = self.logs / f"{name}.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(
                args,
                cwd=ROOT,
                env=self.environment(env),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as one
            )
        process = Process(name, popen, log)
        self.started.append(process)
        return process

    def run(self, name: str, args: list[str], env: dict[str, str] | None = None) -> None:
        """Run a command to its end; fail with its output if it fails."""
        result = subprocess.run(
            args,
            cwd=ROOT,
            env=self.environment(env),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=600,
        )
        (self.logs / f"{name}.log").write_text(result.stdout + result.stderr)
        if result.returncode != 0:
            raise RuntimeError(f"{name} exited {result.returncode}:\n{result.stderr[-3000:]}")

    def redis(self, port: int) -> Process:
        """A private redis-server that keeps nothing on disk."""
        server = shutil.which("redis-server") or "/usr/bin/redis-server"
        process = self.start(
            f"redis-{port}",
            [server, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.logs)],
        )
        wait_for("redis-server", lambda: _redis_answers(port) or not _must_live(process))
        return process

    def gunicorn(
        self, port: int, *, workers: int, env: dict[str, str] | None = None, name="gunicorn"
    ) -> Process:
        process = self.start(
            name,
            [str(BIN / "gunicorn"), "touchstone.wsgi", "-w", str(workers)]
            + ["-b", f"127.0.0.1:{port}", "--graceful-timeout", "5", "--timeout", "60"]
            + ["--no-control-socket"],  # one per user by default: each server here stands alone
            env,
        )
        wait_for(
            f"{name} on port {port}",
            lambda: _http_answers(port) or not _must_live(process),
            timeout=90,
        )
        return process


def _must_live(process: Process) -> bool:
    if not process.alive():
        raise RuntimeError(f"{process.name} exited early:\n{process.tail()}")
    return True


def _redis_answers(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")


def _http_answers(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/", timeout=5)  # noqa: S310
    except urllib.error.HTTPError:
        return True  # any HTTP answer: the process serves
    return True


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    url: str

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.body)


SUBMISSION_TOKEN = re.compile(r'name="submission_token" value="([^"]+)"')


class Browser:
    """An HTTP client with cookies (a signed-in session), for loopback only."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, path: str, data: dict | None = None, headers=None) -> Response:
        url = path if path.startswith("http") else self.base_url + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as answer:
                return Response(answer.status, dict(answer.headers), answer.read(), answer.url)
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read(), url)

    def get(self, path: str, **kwargs) -> Response:
        return self.request(path, **kwargs)

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.cookies if c.name == name), "")

    def post_form(self, path: str, data: dict, form_page: str | None = None) -> Response:
        """POST a form as a browser would: opened first (at `form_page`, else `path`), sent
        with the CSRF token from the cookie, the form's one-time submission token if it has
        one, and the page as referer."""
        page = self.get(form_page or path)
        token = SUBMISSION_TOKEN.search(page.text)
        fields = {"csrfmiddlewaretoken": self.cookie("csrftoken"), **data}
        if token:
            fields["submission_token"] = token.group(1)
        return self.request(path, fields, headers={"Referer": self.base_url + path})
