"""Settings for Touchstone, configured from the environment.

Development defaults (SQLite under var/, console email, DEBUG on) are chosen so that `make run`
works on a fresh machine; production sets the TOUCHSTONE_* variables listed in docs/operations.md.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from touchstone.core.rules import parse_networks as _parse_networks

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TOUCHSTONE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("TOUCHSTONE_DEBUG", True)
SECRET_KEY = os.environ.get(
    "TOUCHSTONE_SECRET_KEY", "development-only-insecure-key-change-me-in-production"
)
ALLOWED_HOSTS = env_list("TOUCHSTONE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("TOUCHSTONE_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "touchstone.core.worker",  # before django_tasks_db: its `db_worker` command wins
    "django_tasks_db",
    # Touchstone modules: core first, then the domain modules in the order their demo data loads.
    "touchstone.core",
    "touchstone.plans",
    "touchstone.register",
    "touchstone.rights",
    "touchstone.casework",
    "touchstone.standards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "touchstone.core.middleware.RequestIdMiddleware",
    "touchstone.core.middleware.PrivateResponseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "touchstone.core.middleware.ActiveOrganisationMiddleware",
]

ROOT_URLCONF = "touchstone.urls"
WSGI_APPLICATION = "touchstone.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "touchstone" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "touchstone.core.context_processors.shell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'touchstone.sqlite3'}"),
        conn_max_age=int(os.environ.get("TOUCHSTONE_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while a worker writes; IMMEDIATE avoids lock upgrades.
    # Connections persist (TOUCHSTONE_DB_CONN_MAX_AGE), keeping the parsed schema and page
    # cache between requests, and reads are memory-mapped.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Covering indexes (INCLUDE) serve PostgreSQL; SQLite builds them without the extra columns.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Planner settings for each web and worker connection: data that lives in memory or on
    # SSD (random reads cost little more than sequential ones), and no parallel workers for a
    # single query, since the web processes already use every core.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = os.environ.get(
        "TOUCHSTONE_PG_OPTIONS", "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0"
    )
    # A database host that stops answering (rather than refusing) must not hang a web or
    # worker process for ever: connecting gives up after this many seconds, and TCP
    # keepalives notice a dead server under an open connection within about a minute.
    DATABASES["default"]["OPTIONS"].update(
        connect_timeout=int(os.environ.get("TOUCHSTONE_DB_CONNECT_TIMEOUT", "10")),
        keepalives=1,
        keepalives_idle=30,
        keepalives_interval=10,
        keepalives_count=3,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Content-Security-Policy (django-csp): scripts only from this site or an inline block that
# carries the request's nonce (base.html's two); no plugins, frames or foreign forms. Styles
# allow inline attributes: the plan charts set bar widths from the data with `style=`.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Sign-in throttling: this many failures for one username or one address within the window
# locks further attempts until the window has passed.
# Sign-in throttling (core.services.login_refusal): an account slows down after this many
# failures (1, 2, 4 … seconds, at most the maximum delay); an address is refused after its own
# limit; both over the window.
TOUCHSTONE_LOGIN_MAX_FAILURES = int(os.environ.get("TOUCHSTONE_LOGIN_MAX_FAILURES", "5"))
TOUCHSTONE_LOGIN_MAX_DELAY_SECONDS = int(os.environ.get("TOUCHSTONE_LOGIN_MAX_DELAY_SECONDS", "60"))
TOUCHSTONE_LOGIN_ADDRESS_MAX_FAILURES = int(
    os.environ.get("TOUCHSTONE_LOGIN_ADDRESS_MAX_FAILURES", "20")
)
TOUCHSTONE_LOGIN_WINDOW_MINUTES = int(os.environ.get("TOUCHSTONE_LOGIN_WINDOW_MINUTES", "15"))
TOUCHSTONE_LOGIN_ATTEMPTS_KEPT_DAYS = int(
    os.environ.get("TOUCHSTONE_LOGIN_ATTEMPTS_KEPT_DAYS", "90")
)
# Who runs this service, for the contact, privacy and accessibility pages.
TOUCHSTONE_OPERATOR_NAME = os.environ.get("TOUCHSTONE_OPERATOR_NAME", "")
TOUCHSTONE_CONTACT_EMAIL = os.environ.get("TOUCHSTONE_CONTACT_EMAIL", "")
# The client's address comes from this header only when the connection is from one of the
# trusted proxies (addresses or networks, e.g. "10.0.0.5, 10.1.0.0/16"); otherwise it is the
# connection's own address.
TOUCHSTONE_TRUSTED_PROXIES = _parse_networks(os.environ.get("TOUCHSTONE_TRUSTED_PROXIES", ""))
TOUCHSTONE_CLIENT_IP_HEADER = os.environ.get("TOUCHSTONE_CLIENT_IP_HEADER", "X-Forwarded-For")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "frontend" / "build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# WhiteNoise serves the hashed, compressed files that `collectstatic` writes; the unhashed
# copies are dropped (every page names its files through the manifest), and source maps,
# fetched only by a developer's browser tools, are not compressed.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("woff", "woff2", "map"),
]
MEDIA_ROOT = VAR_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "TOUCHSTONE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("TOUCHSTONE_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("TOUCHSTONE_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("TOUCHSTONE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TOUCHSTONE_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("TOUCHSTONE_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("TOUCHSTONE_FROM_EMAIL", "touchstone@localhost")
TOUCHSTONE_BASE_URL = os.environ.get("TOUCHSTONE_BASE_URL", "http://127.0.0.1:8000")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TOUCHSTONE_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# `touchstone db_worker`: a worker not seen for LEASE_SECONDS is taken to have stopped and its
# task is retried, up to MAX_ATTEMPTS starts in all; during a database outage the worker waits
# up to MAX_BACKOFF_SECONDS between attempts to reconnect.
TOUCHSTONE_WORKER = {
    "LEASE_SECONDS": float(os.environ.get("TOUCHSTONE_WORKER_LEASE_SECONDS", "60")),
    "MAX_ATTEMPTS": int(os.environ.get("TOUCHSTONE_TASK_MAX_ATTEMPTS", "2")),
    "MAX_BACKOFF_SECONDS": float(os.environ.get("TOUCHSTONE_WORKER_MAX_BACKOFF_SECONDS", "30")),
}

# The cache: Redis (TOUCHSTONE_REDIS_URL) when there are several web processes, so that they
# share the public API's rate-limit counters and the cached search totals; otherwise memory in
# each process. The cache only ever saves work: when Redis is down or unreachable, django-redis
# logs the failure and answers as if the key were missing (IGNORE_EXCEPTIONS), so requests and
# committed writes carry on; `touchstone check --deploy` fails while it cannot be reached.
if os.environ.get("TOUCHSTONE_REDIS_URL"):
    # A Redis that does not answer costs a request at most this long, once per call.
    REDIS_TIMEOUT = float(os.environ.get("TOUCHSTONE_REDIS_TIMEOUT", "0.5"))
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["TOUCHSTONE_REDIS_URL"],
            "KEY_PREFIX": "touchstone",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "touchstone.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only, as documented: form encoding would read a missing boolean as false.
    "DEFAULT_PARSER_CLASSES": ["touchstone.core.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "touchstone.core.api.pagination.StandardPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "touchstone.core.api.errors.exception_handler",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_RATES": {
        "public_register": os.environ.get("TOUCHSTONE_PUBLIC_API_RATE", "60/min"),
        "public_rights_checks": os.environ.get("TOUCHSTONE_PUBLIC_API_RATE", "60/min"),
        "public_standards": os.environ.get("TOUCHSTONE_PUBLIC_API_RATE", "60/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Touchstone API",
    "DESCRIPTION": (
        "Operations platform for the regulation of legal services. Scripts sign in with "
        "`Authorization: Token <key>`; signed-in users create and revoke their own token at "
        "[/account/api-token/](/account/api-token/)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several modules have a field called "kind"; name each set of choices explicitly.
    "ENUM_NAME_OVERRIDES": {
        "PlanKindEnum": "touchstone.plans.models.PlanKind",
        "RegistrantKindEnum": ["individual", "entity"],
        "ActionStatusEnum": "touchstone.plans.models.ActionStatus",
        "RegisterStatusEnum": "touchstone.register.reference.STATUS_CODES",
        "RightTypeEnum": "touchstone.register.reference.RIGHT_TYPE_CODES",
        "CategoryEnum": "touchstone.register.reference.CATEGORY_CODES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "touchstone.core.api.schema.add_error_responses",
        "touchstone.core.api.schema.document_plain_text",
    ],
}

# Plans: an action with no progress update for this many days is stale.
TOUCHSTONE_PLANS_STALE_DAYS = int(os.environ.get("TOUCHSTONE_PLANS_STALE_DAYS", "90"))
# The largest file one import takes (a million-row register file is about 150 MB).
TOUCHSTONE_IMPORT_MAX_BYTES = int(os.environ.get("TOUCHSTONE_IMPORT_MAX_BYTES", str(300_000_000)))
# The largest file an upload takes (core.uploads: a PDF, Word document, PNG or JPEG).
TOUCHSTONE_UPLOAD_MAX_BYTES = int(
    os.environ.get("TOUCHSTONE_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024))
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "touchstone.core.error_pages.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if env_bool("TOUCHSTONE_HTTPS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("TOUCHSTONE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TOUCHSTONE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
