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


@pytest.mark.parametrize(
    ("current", "last", "numbers"),
    [
        (1, 0, []),
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (1, 3, [1, 2, 3]),
        (1, 6, [1, 2, None, 6]),
        (3, 6, [1, 2, 3, 4, 5, 6]),  # an ellipsis for page 5 alone: 5 is shown instead
        (3, 7, [1, 2, 3, 4, None, 7]),
        (5, 7, [1, None, 4, 5, 6, 7]),
        (5, 10, [1, None, 4, 5, 6, None, 10]),
        (10, 10, [1, None, 9, 10]),
        (99, 10, [1, None, 9, 10]),  # past the end: as the last page
        (0, 10, [1, 2, None, 10]),
    ],
)
def test_page_numbers(current, last, numbers):
    assert rules.page_numbers(current, last) == numbers


@given(st.integers(min_value=-5, max_value=60), st.integers(min_value=1, max_value=50))
def test_page_numbers_always_show_the_ends_and_the_current_page_in_order(current, last):
    numbers = rules.page_numbers(current, last)
    pages = [n for n in numbers if n is not None]
    assert pages == sorted(set(pages))
    assert pages[0] == 1 and pages[-1] == last
    assert min(max(current, 1), last) in pages
    assert all(a is not None or b is not None for a, b in zip(numbers, numbers[1:], strict=False))
    # An ellipsis always stands for at least two pages.
    for before, gap, after in zip(numbers, numbers[1:], numbers[2:], strict=False):
        if gap is None:
            assert after - before > 2
    assert len(numbers) <= 7
