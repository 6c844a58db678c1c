"""The production path: static files through the manifest, a cache that is down, a database
that refuses connections, several web processes (real gunicorn workers on loopback)."""

from touchstone.register.tests.fixtures import register  # noqa: F401  (shared fixture)
