"""The standards services' builders for tests/test_services_audit.py: for each service, the
keyword arguments of a call that should write an audit event."""

from collections.abc import Callable
from types import SimpleNamespace

from touchstone.standards.tests.build import small_library

STANDARDS_BUILDERS: dict[str, Callable[[SimpleNamespace], dict]] = {
    "standards.framework_load": lambda w: {"acting_user": None, "library": small_library()},
}
