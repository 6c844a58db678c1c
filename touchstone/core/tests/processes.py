"""Real `touchstone` processes against a database of their own, for the fault tests.

pytest-django's test database is in memory on SQLite (no other process can see it), so these
tests migrate a database of their own: a file on SQLite, or `<name>_procs_<xdist worker>` on
PostgreSQL when TOUCHSTONE_TEST_DATABASE=postgres. The test reads and writes it with plain SQL
(`sql`) or a `touchstone shell -c` snippet (`django`), and runs workers as child processes.
"""

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

TOUCHSTONE = str(Path(sys.executable).with_name("touchstone"))
DEADLINE = 60.0  # seconds any awaited state may take on a loaded machine


def wait_for(
    what: str,
    predicate: Callable[[], object],
    timeout: float = DEADLINE,
    *,
    explain: Callable[[], str] | None = None,
):
    """Poll `predicate` until it returns something true; fail after `timeout` seconds, with
    what `explain` says (a worker's log, say) in the message."""
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            detail = f"\n{explain()}" if explain is not None else ""
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}{detail}")
        time.sleep(0.05)


def postgres_wanted() -> bool:
    return os.environ.get("TOUCHSTONE_TEST_DATABASE") == "postgres"


def postgres_url(name: str) -> str:
    base = urlsplit(os.environ["TOUCHSTONE_TEST_POSTGRES_URL"])
    return urlunsplit(base._replace(path=f"/{name}"))


def postgres_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url("postgres"), autocommit=True) as connection:
        connection.execute(sql)


@dataclass
class ProcessDatabase:
    url: str
    vendor: str  # "sqlite" or "postgresql"
    workdir: Path
    children: list[subprocess.Popen] = field(default_factory=list)

    # --- plain SQL from the test ------------------------------------------------------------

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        if self.vendor == "sqlite":
            connection = sqlite3.connect(urlsplit(self.url).path[1:] or ":memory:", timeout=30)
            try:
                rows = connection.execute(query.replace("%s", "?"), params).fetchall()
                connection.commit()
                return rows
            finally:
                connection.close()
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            cursor = connection.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    def one(self, query: str, params: tuple = ()):
        rows = self.sql(query, params)
        return rows[0] if rows else None

    # --- processes ---------------------------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TOUCHSTONE_", "DJANGO_", "PYTEST_"))
        }
        env.update(
            DATABASE_URL=self.url,
            DJANGO_SETTINGS_MODULE="touchstone.settings",
            TOUCHSTONE_DEBUG="false",
            TOUCHSTONE_SECRET_KEY="process-tests-only",
            TOUCHSTONE_VAR_DIR=str(self.workdir),
            TOUCHSTONE_DB_CONN_MAX_AGE="0",
            PYTHONUNBUFFERED="1",
        )
        env.update(extra)
        return env

    def django(self, code: str, **env: str) -> str:
        """Run a `touchstone shell -c` snippet against this database; return its output."""
        done = subprocess.run(
            [TOUCHSTONE, "shell", "--no-imports", "-c", code],
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def worker(self, name: str, *args: str, **env: str) -> "Worker":
        log = self.workdir / f"{name}.log"
        handle = log.open("w")
        process = subprocess.Popen(
            [
                TOUCHSTONE,
                "db_worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.1",
                "--worker-id",
                name,
                *args,
            ],
            env=self.env(**env),
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        handle.close()
        self.children.append(process)
        return Worker(name=name, process=process, log=log)

    def stop_children(self) -> None:
        for process in self.children:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)
        self.children.clear()


@dataclass
class Worker:
    name: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text()

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


def migrated_database(
    workdir: Path, worker_id: str, *, postgres: bool | None = None, purpose: str = "procs"
) -> ProcessDatabase:
    """A freshly migrated database for real processes (see the module docstring)."""
    workdir.mkdir(parents=True, exist_ok=True)
    if postgres_wanted() if postgres is None else postgres:
        base = urlsplit(os.environ["TOUCHSTONE_TEST_POSTGRES_URL"]).path[1:]
        name = f"{base}_{purpose}_{worker_id}"
        postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_admin(f'CREATE DATABASE "{name}"')
        database = ProcessDatabase(url=postgres_url(name), vendor="postgresql", workdir=workdir)
    else:
        (workdir / "data").mkdir(exist_ok=True)
        path = workdir / "data" / "processes.sqlite3"
        path.unlink(missing_ok=True)
        database = ProcessDatabase(url=f"sqlite:///{path}", vendor="sqlite", workdir=workdir)
    done = subprocess.run(
        [TOUCHSTONE, "migrate", "--verbosity", "0"],
        env=database.env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return database


def drop(database: ProcessDatabase) -> None:
    database.stop_children()
    if database.vendor == "postgresql":
        name = urlsplit(database.url).path[1:]
        postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class TcpProxy:
    """A loopback TCP forwarder that can be taken down (connections cut, port refusing) and
    brought back: PostgreSQL going away and returning, as the worker sees it."""

    def __init__(self, listen_port: int, target_port: int) -> None:
        self.listen_port = listen_port
        self.target_port = target_port
        self._server = None
        self._sockets: list = []
        self._lock = threading.Lock()
        self.events: list[str] = []  # what the proxy did, for a failing test's message

    def up(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.listen_port))
        server.listen(16)
        self._server = server
        self.events.append("up")
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def down(self) -> None:
        if self._server is not None:
            server, self._server = self._server, None
            with contextlib.suppress(OSError):
                server.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            server.close()
            self.events.append("down")
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._sockets.clear()

    def _accept(self, server) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError as exc:
                if self._server is not server:
                    return  # taken down
                self.events.append(f"accept failed: {exc}")
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
                upstream.settimeout(None)
            except OSError as exc:
                self.events.append(f"upstream refused: {exc}")
                client.close()  # as the database refusing: the client sees the cut and retries
                continue
            self.events.append("connection forwarded")
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.close()


class Outage:
    """A way for a worker to reach this database that the test can cut and restore.

    PostgreSQL: through a `TcpProxy` on a port of our own (down = connection refused, open
    connections cut). SQLite: through a directory symlink (down = "unable to open database
    file")."""

    def __init__(self, database: ProcessDatabase, port: int) -> None:
        self.database = database
        parts = urlsplit(database.url)
        if database.vendor == "postgresql":
            self.proxy = TcpProxy(port, parts.port or 5432)
            userinfo = parts.netloc.rpartition("@")[0]
            netloc = f"{userinfo}@127.0.0.1:{port}" if userinfo else f"127.0.0.1:{port}"
            self.url = urlunsplit(parts._replace(netloc=netloc))
        else:
            real = Path(parts.path[1:])
            self.link = database.workdir / "reachable"
            self.target = real.parent
            self.url = f"sqlite:///{self.link / real.name}"

    def down(self) -> None:
        if self.database.vendor == "postgresql":
            self.proxy.down()
        elif self.link.is_symlink():
            self.link.unlink()

    def up(self) -> None:
        if self.database.vendor == "postgresql":
            self.proxy.up()
        else:
            self.link.symlink_to(self.target, target_is_directory=True)
