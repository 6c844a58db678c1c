"""The officers' queue's pure rules: reading the state filter, what waits for the officer,
days waiting and the sortable headings."""

from datetime import date

import pytest

from touchstone.rights.rules import queue
from touchstone.rights.rules.states import APPLICATION_STATES, EXPERIENCE_STATES


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("experience:submitted", ("experience", "submitted")),
        ("submitted", ("experience", "submitted")),
        ("referred", ("experience", "referred")),
        ("knowledge:submitted", ("knowledge", "submitted")),
        ("application:under_assessment", ("application", "under_assessment")),
        ("under_assessment", None),  # a bare state is step 2's only
        ("knowledge:referred", None),
        ("portfolio:draft", None),
        ("application:", None),
        (":submitted", None),
        ("", None),
        (None, None),
    ],
)
def test_state_choice(value, expected):
    assert queue.state_choice(value) == expected


def test_state_value_is_read_back():
    for step, states in queue.STEP_STATES.items():
        for code in states:
            assert queue.state_choice(queue.state_value(step, code)) == (step, code)


def test_what_waits_is_a_state_of_its_step():
    assert set(queue.WAITING["experience"]) <= set(EXPERIENCE_STATES)
    assert set(queue.WAITING["application"]) <= set(APPLICATION_STATES)
    assert set(queue.WAITING["application"]) == {
        "fee_due",
        "under_assessment",
        "resubmitted",
        "referred",
    }


def test_waiting_for_officer_in_the_order_of_the_steps():
    states = {"knowledge": "submitted", "experience": "referred", "application": "fee_due"}
    assert queue.waiting_for_officer(states) == [
        ("knowledge", "Decide on the technical knowledge"),
        ("experience", "Record the committee's decision on the qualifying experience"),
        ("application", "Record the payment of the fee"),
    ]
    drafts = {"knowledge": "draft", "experience": "met", "application": "information_requested"}
    assert queue.waiting_for_officer(drafts) == []
    assert queue.waiting_for_officer({}) == []


def test_days_waiting():
    assert queue.days_waiting(date(2026, 3, 1), date(2026, 3, 31)) == 30
    assert queue.days_waiting(date(2026, 3, 31), date(2026, 3, 31)) == 0
    assert queue.days_waiting(date(2026, 4, 2), date(2026, 3, 31)) == 0
    assert queue.days_waiting(None, date(2026, 3, 31)) is None


@pytest.mark.parametrize(
    ("column", "current", "following", "aria"),
    [
        ("name", "", "name", "none"),
        ("name", "oldest", "name", "none"),
        ("name", "name", "name-desc", "ascending"),
        ("name", "name-desc", "name", "descending"),
        ("age", "", "newest", "descending"),
        ("age", "oldest", "newest", "descending"),
        ("age", "newest", "oldest", "ascending"),
        ("age", "name", "oldest", "none"),
    ],
)
def test_sortable_headings(column, current, following, aria):
    assert queue.next_sort(column, current) == following
    assert queue.aria_sort(column, current) == aria
