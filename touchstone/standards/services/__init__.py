"""What the standards module offers other modules to call."""

from touchstone.standards.services.audit import AuditAction
from touchstone.standards.services.frameworks import (
    FrameworkLoaded,
    framework_load,
)

__all__ = ["AuditAction", "FrameworkLoaded", "framework_load"]
