"""The qualifying-experience states: every move in the table, and nothing else."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.rights.rules import (
    EXPERIENCE_STATES,
    StateError,
    experience_moves,
    experience_next,
)

ALLOWED = [
    ("draft", "submit", "applicant", "submitted"),
    ("submitted", "meets", "officer", "met"),
    ("submitted", "does_not_meet", "officer", "not_met"),
    ("submitted", "refer", "officer", "referred"),
    ("referred", "meets", "officer", "met"),
    ("referred", "does_not_meet", "officer", "not_met"),
    ("not_met", "reopen", "applicant", "draft"),
]
ACTIONS = sorted({a for _, a, _, _ in ALLOWED})
PEOPLE = ("applicant", "officer")


@pytest.mark.parametrize(("state", "action", "by", "to"), ALLOWED)
def test_each_allowed_move(state, action, by, to):
    assert experience_next(state, action, by) == to


@pytest.mark.parametrize(("state", "action", "by", "to"), ALLOWED)
def test_the_other_person_cannot_take_it(state, action, by, to):
    other = "officer" if by == "applicant" else "applicant"
    with pytest.raises(StateError, match=f"Only the {by}"):
        experience_next(state, action, other)


@given(
    st.sampled_from(sorted(EXPERIENCE_STATES)), st.sampled_from(ACTIONS), st.sampled_from(PEOPLE)
)
def test_nothing_outside_the_table_is_allowed(state, action, by):
    allowed = {(s, a, b): t for s, a, b, t in ALLOWED}
    if (state, action, by) in allowed:
        assert experience_next(state, action, by) == allowed[(state, action, by)]
    else:
        with pytest.raises(StateError):
            experience_next(state, action, by)


def test_a_decided_requirement_is_final_and_the_message_names_the_state():
    assert experience_moves("met") == ()
    with pytest.raises(StateError, match="'meets the requirement'"):
        experience_next("met", "reopen", "applicant")


def test_moves_are_offered_by_person():
    assert [m.action for m in experience_moves("submitted", "officer")] == [
        "meets",
        "does_not_meet",
        "refer",
    ]
    assert experience_moves("submitted", "applicant") == ()
    with pytest.raises(StateError, match="^unknown state 'lost'$"):
        experience_moves("lost")
    with pytest.raises(StateError, match="^unknown state 'lost'$"):
        experience_next("lost", "submit", "applicant")


def test_every_state_has_words_and_every_move_leads_to_a_state():
    for state in EXPERIENCE_STATES:
        for move in experience_moves(state):
            assert move.to in EXPERIENCE_STATES and move.words and move.by in PEOPLE


@pytest.mark.parametrize(
    ("hours", "text"),
    [
        (1400, "1,400"),
        (1400.0, "1,400"),
        (2299.99, "2,299.99"),
        (2299.9, "2,299.9"),
        (0.5, "0.5"),
        (0, "0"),
        (1000000, "1,000,000"),
        (10.01, "10.01"),
    ],
)
def test_hours_in_words(hours, text):
    from touchstone.rights.rules import hours_text

    assert hours_text(hours) == text
