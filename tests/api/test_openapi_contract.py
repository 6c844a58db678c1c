"""Property-based API tests: schemathesis generates requests from the OpenAPI schema and runs
every one of its checks on each answer: no 500, status codes, content types, headers and bodies
as documented, schema-valid input accepted and schema-invalid input refused. The examples are
derandomised (the same cases on every run, no example database) and bounded so the whole schema
is covered in well under a minute."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from touchstone.core.models import Role
from touchstone.wsgi import application

# Generating the schema reads no data, so it can be loaded when the module is collected.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """The WSGI handler closes "old" connections around each request, which would close the
    test's transaction on PostgreSQL; Django's own test client switches that off the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(make_user, organisation) -> str:
    user = make_user("api-officer", (organisation, Role.OFFICER))
    return Token.objects.create(user=user).key


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_api_never_errors_and_matches_its_schema(case, token):
    # Every check, none excluded. Every request carries a valid token; the "ignored auth" check
    # also sends each one without it (or with a wrong one) and expects it refused.
    case.call_and_validate(headers={"Authorization": f"Token {token}"})
