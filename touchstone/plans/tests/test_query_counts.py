"""Pages and API lists run a fixed number of queries however many rows they show
(as NetBox's utilities/testing/query_counts.py checks): 5 actions and 50 cost the same."""

import pytest
from django.test import Client

from touchstone.core.testing import queries_for as count_queries
from touchstone.plans.services import progress_record
from touchstone.plans.tests.factories import many_actions_csv, sample_plan


@pytest.fixture
def client(officer) -> Client:
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def small_and_large(organisation, officer):
    small = sample_plan(organisation, acting_user=officer, name="Small", csv=many_actions_csv(5))
    large = sample_plan(organisation, acting_user=officer, name="Large", csv=many_actions_csv(50))
    assert (small.actions.count(), large.actions.count()) == (5, 50)
    return small, large


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/plans/{pk}/",
        "/plans/{pk}/?as_of=2010-01-15&lead=BB",
        "/api/v1/plans/{pk}/actions/",
        "/api/v1/plans/{pk}/",
        "/plans/{pk}/export.json",
        "/api/v1/plans/{pk}/export/",
    ],
)
def test_plan_pages_do_not_grow_with_actions(client, small_and_large, url):
    small, large = small_and_large
    count_queries(client, url.format(pk=small.pk))  # warm caches (content types, session)
    assert count_queries(client, url.format(pk=large.pk)) == count_queries(
        client, url.format(pk=small.pk)
    )


@pytest.mark.django_db
def test_dashboard_query_count_is_small(client, small_and_large):
    """A ceiling, so that a constant but wasteful page is noticed too."""
    _, large = small_and_large
    count_queries(client, f"/plans/{large.pk}/")
    assert count_queries(client, f"/plans/{large.pk}/") <= 20


@pytest.mark.django_db
def test_plan_list_does_not_grow_with_plans(client, organisation, officer):
    sample_plan(organisation, acting_user=officer, name="One", csv=many_actions_csv(3))
    count_queries(client, "/plans/")
    one = count_queries(client, "/plans/")
    api_one = count_queries(client, "/api/v1/plans/")
    for n in range(4):
        sample_plan(organisation, acting_user=officer, name=f"More {n}", csv=many_actions_csv(4))
    assert count_queries(client, "/plans/") == one
    assert count_queries(client, "/api/v1/plans/") == api_one


@pytest.mark.django_db
def test_action_page_does_not_grow_with_progress(client, organisation, officer):
    plan = sample_plan(organisation, acting_user=officer, name="Progress", csv=many_actions_csv(2))
    action = plan.actions.first()
    url, api_url = f"/plans/actions/{action.pk}/", f"/api/v1/plans/actions/{action.pk}/"
    count_queries(client, url)
    few, api_few = count_queries(client, url), count_queries(client, api_url)
    for n in range(15):
        progress_record(acting_user=officer, action=action, text=f"Update {n}")
    assert count_queries(client, url) == few
    assert count_queries(client, api_url) == api_few
