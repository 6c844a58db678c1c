"""Where an application stands and what may happen next: each step's states and the actions
that move it, as a table, so a page offers only what the next service will accept."""

from dataclasses import dataclass


class StateError(ValueError):
    """An action the application's state does not allow."""


@dataclass(frozen=True)
class Move:
    action: str  # what the service is called to do
    to: str
    by: str  # "applicant" or "officer"
    words: str  # the button, in words


# Qualifying experience (step 2, §21-28): the applicant enters their periods and submits them;
# an officer decides, or refers the application to the Admissions and Licensing Committee (ALC),
# whose decision the officer records. An applicant told they do not meet it yet may add more
# experience and submit again (§27 gives the hours so far and the date they are expected).
EXPERIENCE_STATES = {
    "draft": "Not submitted",
    "submitted": "Submitted for assessment",
    "referred": "Referred to the Admissions and Licensing Committee",
    "met": "Meets the requirement",
    "not_met": "Does not meet the requirement yet",
}
EXPERIENCE_MOVES: dict[str, tuple[Move, ...]] = {
    "draft": (Move("submit", "submitted", "applicant", "Submit your qualifying experience"),),
    "submitted": (
        Move("meets", "met", "officer", "Meets the requirement"),
        Move("does_not_meet", "not_met", "officer", "Does not meet the requirement"),
        Move("refer", "referred", "officer", "Refer to the Admissions and Licensing Committee"),
    ),
    "referred": (
        Move("meets", "met", "officer", "The committee decided it meets the requirement"),
        Move("does_not_meet", "not_met", "officer", "The committee decided it does not"),
    ),
    "not_met": (Move("reopen", "draft", "applicant", "Add more experience"),),
    "met": (),
}
EDITABLE = frozenset({"draft"})  # the applicant may change their periods only before submitting

# Technical knowledge (step 1, §12-16): the applicant names an accredited qualification (§14)
# with its certificate, or asks for their prior legal qualifications to be recognised (§15-16)
# with a description and a document; either way an officer decides, giving reasons when it is
# not met, and the applicant may then change their evidence and submit again.
KNOWLEDGE_STATES = {
    "draft": "Not submitted",
    "submitted": "Submitted for assessment",
    "met": "Meets the requirement",
    "not_met": "Does not meet the requirement",
}
KNOWLEDGE_MOVES: dict[str, tuple[Move, ...]] = {
    "draft": (Move("submit", "submitted", "applicant", "Submit your technical knowledge"),),
    "submitted": (
        Move("meets", "met", "officer", "Meets the requirement"),
        Move("does_not_meet", "not_met", "officer", "Does not meet the requirement"),
    ),
    "not_met": (Move("reopen", "draft", "applicant", "Change your evidence"),),
    "met": (),
}


def moves_in(table: dict[str, tuple[Move, ...]], state: str, by: str | None = None):
    """The moves `table` opens from `state`, for everyone or only for `by`."""
    if state not in table:
        raise StateError(f"unknown state {state!r}")
    return tuple(m for m in table[state] if by is None or m.by == by)


def next_in(
    table: dict[str, tuple[Move, ...]],
    states: dict[str, str],
    step: str,
    state: str,
    action: str,
    by: str,
) -> str:
    """The state `action` leads to from `state` in `table`, when `by` may take it; else
    StateError with a sentence to show, naming the `step` ("the qualifying experience")."""
    for move in moves_in(table, state):
        if move.action == action:
            if move.by != by:
                raise StateError(f"Only the {move.by} can do that.")
            return move.to
    label = states[state].lower()  # a known state: moves_in checked it
    raise StateError(f"That cannot be done while {step} is {label!r}.")


def experience_moves(state: str, by: str | None = None) -> tuple[Move, ...]:
    """The moves open from `state`, for everyone or only for `by`."""
    return moves_in(EXPERIENCE_MOVES, state, by)


def experience_next(state: str, action: str, by: str) -> str:
    """The state `action` leads to from `state`, when `by` may take it; else StateError with a
    sentence to show."""
    return next_in(
        EXPERIENCE_MOVES, EXPERIENCE_STATES, "the qualifying experience", state, action, by
    )


def knowledge_moves(state: str, by: str | None = None) -> tuple[Move, ...]:
    """Step 1's moves open from `state`, for everyone or only for `by`."""
    return moves_in(KNOWLEDGE_MOVES, state, by)


def knowledge_next(state: str, action: str, by: str) -> str:
    """The state step 1's `action` leads to from `state` (or StateError, as experience_next)."""
    return next_in(KNOWLEDGE_MOVES, KNOWLEDGE_STATES, "the technical knowledge", state, action, by)
