"""The practice-rights module's models: the schemes an application is checked against."""

from touchstone.rights.models.schemes import SchemeVersion

__all__ = ["SchemeVersion"]
