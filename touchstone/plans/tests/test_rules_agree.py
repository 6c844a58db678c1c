"""The dashboard's overdue, due-soon and stale lists (`selectors.plan_dashboard`, read from
the database) hold exactly the actions the pure rules name, given the facts the actions were
made with: their due date, status, creation time (in local time) and progress dates."""

from datetime import date, datetime, time, timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from touchstone.plans import rules
from touchstone.plans.models import Action
from touchstone.plans.selectors import plan_dashboard
from touchstone.plans.services import progress_record
from touchstone.plans.tests.factories import make_action, make_plan

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 15)
# Dates a few days either side of the rules' edges (due today, due in 30 days, stale after
# `stale_days`), so that the two statements are compared where they could differ.
NEAR = st.integers(min_value=-40, max_value=40).map(lambda n: TODAY + timedelta(days=n))
ACTION = st.fixed_dictionaries(
    {
        "due": st.none() | NEAR,
        "status": st.sampled_from(rules.STATUS_VALUES),
        # Created at any minute of a day, so late-evening and just-after-midnight creation in
        # summer time (a different day in UTC) are both tried.
        "created": st.tuples(NEAR, st.integers(min_value=0, max_value=24 * 60 - 1)),
        "progress": st.lists(NEAR.filter(lambda d: d <= TODAY), max_size=3),
    }
)


@pytest.fixture
def plan(organisation):
    return make_plan(organisation, title="Agreement plan")


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    actions=st.lists(ACTION, min_size=1, max_size=6),
    as_of=NEAR,
    stale_days=st.integers(min_value=0, max_value=30),
)
# Created half an hour after midnight in summer time (the evening before in UTC), exactly
# `stale_days` days before the day asked about: not yet stale.
@example(
    actions=[
        {
            "due": None,
            "status": "in_progress",
            "created": (TODAY - timedelta(days=10), 30),
            "progress": [],
        }
    ],
    as_of=TODAY,
    stale_days=10,
)
def test_the_dashboard_lists_exactly_what_the_rules_say(plan, actions, as_of, stale_days):
    expected: dict[str, set[str]] = {"overdue": set(), "due_soon": set(), "stale": set()}
    with transaction.atomic(), override_settings(TOUCHSTONE_PLANS_STALE_DAYS=stale_days):
        for n, fact in enumerate(actions):
            ref = f"A{n}"
            action = make_action(
                plan,
                f"Action {n}",
                ref=ref,
                due_text=fact["due"].isoformat() if fact["due"] else "Ongoing",
                status=fact["status"],
            )
            created_on, minute = fact["created"]
            created_at = timezone.make_aware(
                datetime.combine(created_on, time(minute // 60, minute % 60))
            )
            Action.objects.filter(pk=action.pk).update(created_at=created_at)
            for day in fact["progress"]:
                progress_record(acting_user=None, action=action, text="Done", recorded_on=day)
            facts = {"due_date": fact["due"], "status": fact["status"], "as_of": as_of}
            if rules.is_overdue(**facts):
                expected["overdue"].add(ref)
            elif rules.is_due_within(**facts):
                expected["due_soon"].add(ref)
            if rules.is_stale(
                last_progress_on=max(fact["progress"], default=None),
                created_on=created_on,
                status=fact["status"],
                as_of=as_of,
                stale_after_days=stale_days,
            ):
                expected["stale"].add(ref)
        dashboard = plan_dashboard(plan, as_of=as_of)
        listed = {
            "overdue": {a.ref for a in dashboard.overdue},
            "due_soon": {a.ref for a in dashboard.due_soon},
            "stale": {a.ref for a in dashboard.stale},
        }
        transaction.set_rollback(True)
    assert listed == expected
