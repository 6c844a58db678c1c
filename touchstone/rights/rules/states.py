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


def experience_moves(state: str, by: str | None = None) -> tuple[Move, ...]:
    """The moves open from `state`, for everyone or only for `by`."""
    if state not in EXPERIENCE_MOVES:
        raise StateError(f"unknown state {state!r}")
    return tuple(m for m in EXPERIENCE_MOVES[state] if by is None or m.by == by)


def experience_next(state: str, action: str, by: str) -> str:
    """The state `action` leads to from `state`, when `by` may take it; else StateError with a
    sentence to show."""
    for move in experience_moves(state):
        if move.action == action:
            if move.by != by:
                raise StateError(f"Only the {move.by} can do that.")
            return move.to
    label = EXPERIENCE_STATES[state].lower()  # a known state: experience_moves checked it
    raise StateError(f"That cannot be done while the qualifying experience is {label!r}.")
