"""Core's pure rules: daily slots, catching up, back-off, what to do with an orphaned task."""

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.core import rules


@pytest.mark.parametrize(
    ("now", "at", "slot"),
    [
        (datetime(2026, 3, 2, 5, 59), time(6, 0), datetime(2026, 3, 1, 6, 0)),
        (datetime(2026, 3, 2, 6, 0), time(6, 0), datetime(2026, 3, 2, 6, 0)),
        (datetime(2026, 3, 2, 23, 0), time(6, 0), datetime(2026, 3, 2, 6, 0)),
        (datetime(2026, 3, 1, 0, 0), time(5, 30), datetime(2026, 2, 28, 5, 30)),
    ],
)
def test_latest_daily_slot(now, at, slot):
    assert rules.latest_daily_slot(now, at) == slot


@given(
    st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2100, 1, 1)),
    st.times(),
)
def test_the_latest_slot_is_the_last_one_not_after_now(now, at):
    slot = rules.latest_daily_slot(now.replace(tzinfo=UTC), at)
    assert slot.time() == at
    assert slot <= now.replace(tzinfo=UTC) < slot + timedelta(days=1)


def test_a_slot_is_due_until_it_has_been_run():
    today = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    assert rules.slot_is_due(last_slot=None, latest_slot=today)
    assert rules.slot_is_due(last_slot=today - timedelta(days=3), latest_slot=today)
    assert not rules.slot_is_due(last_slot=today, latest_slot=today)


@pytest.mark.parametrize(
    ("failures", "seconds"), [(0, 0), (1, 0.5), (2, 1), (3, 2), (6, 16), (7, 30), (500, 30)]
)
def test_backoff_doubles_up_to_the_cap(failures, seconds):
    assert rules.backoff_seconds(failures, cap=30) == seconds


@pytest.mark.parametrize(
    ("attempts", "max_attempts", "outcome"),
    [(1, 2, "retry"), (2, 2, "fail"), (3, 2, "fail"), (1, 1, "fail"), (2, 3, "retry")],
)
def test_an_orphaned_task_is_retried_until_its_attempts_are_spent(attempts, max_attempts, outcome):
    assert rules.orphan_outcome(attempts=attempts, max_attempts=max_attempts) == outcome
