"""What the practice-rights module offers other modules to read."""

from touchstone.rights.selectors.schemes import (
    UnknownScheme,
    forget_schemes,
    portfolio_check_for,
    qe_check_for,
    scheme_codes,
    scheme_on,
    scheme_versions,
)

__all__ = [
    "UnknownScheme",
    "forget_schemes",
    "portfolio_check_for",
    "qe_check_for",
    "scheme_codes",
    "scheme_on",
    "scheme_versions",
]
