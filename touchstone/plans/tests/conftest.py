"""Fixtures the plans page tests share: an officer signed in, and the sample plan."""

import pytest
from django.test import Client

from touchstone.plans.tests.factories import sample_plan


@pytest.fixture
def officer_client(officer) -> Client:
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def web_plan(organisation, officer):
    return sample_plan(organisation, acting_user=officer, name="Web plan")
