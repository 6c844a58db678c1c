"""Fixtures for the casework tests that touch the database."""

import pytest

from touchstone.casework.tests.build import ombudsman_world


@pytest.fixture
def world(db) -> dict:
    return ombudsman_world()
