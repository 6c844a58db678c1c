"""The practice-rights module's models: the schemes, and the applications made under them."""

from touchstone.rights.models.applications import Application, ExperiencePeriod
from touchstone.rights.models.schemes import SchemeVersion

__all__ = ["Application", "ExperiencePeriod", "SchemeVersion"]
