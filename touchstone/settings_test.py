"""Test settings: SQLite by default, PostgreSQL when TOUCHSTONE_TEST_DATABASE=postgres.

The PostgreSQL URL comes from TOUCHSTONE_TEST_POSTGRES_URL
(e.g. postgres://postgres@127.0.0.1:5432/touchstone); pytest-django creates `test_<name>`.
"""

import os

import dj_database_url

from touchstone.settings import *  # noqa: F403
from touchstone.settings import BASE_DIR

if os.environ.get("TOUCHSTONE_TEST_DATABASE") == "postgres":
    DATABASES = {"default": dj_database_url.parse(os.environ["TOUCHSTONE_TEST_POSTGRES_URL"])}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(BASE_DIR / "var" / "test.sqlite3"),
            "TEST": {"NAME": None},  # in-memory, one per xdist worker
        }
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; Argon2 in production
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEBUG = False
STATIC_ROOT = None  # nothing collected in tests; finders serve static files
