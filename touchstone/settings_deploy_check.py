"""Production-like settings used by `touchstone check --deploy` in CI (HTTPS on, DEBUG off)."""

import os

os.environ.setdefault("TOUCHSTONE_DEBUG", "false")
os.environ.setdefault("TOUCHSTONE_HTTPS", "true")
os.environ.setdefault(
    "TOUCHSTONE_SECRET_KEY", "ci-deploy-check-9f3b7c1e5a2d4f6081b3c5e7a9d1f3b5c7e9a1d3f5b7c9e1"
)
os.environ.setdefault("TOUCHSTONE_ALLOWED_HOSTS", "touchstone.example.org")

from touchstone.settings import *  # noqa: E402, F403
