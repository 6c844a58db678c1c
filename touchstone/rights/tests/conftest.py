"""Fixtures for the practice-rights module's tests that touch the database."""

import pytest

from touchstone.rights.reference import load_scheme_file
from touchstone.rights.tests.build import PROBATE


@pytest.fixture
def probate_scheme(db):
    """The small test scheme, loaded as a shipped file would be: no code knows of it."""
    return load_scheme_file(PROBATE)
