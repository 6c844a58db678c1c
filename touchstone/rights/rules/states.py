"""Where an application stands and what may happen next: each step's states and the actions
that move it, as a table, so a page offers only what the next service will accept."""

from dataclasses import dataclass


class StateError(ValueError):
    """An action the application's state does not allow."""


@dataclass(frozen=True)
class Move:
    action: str  # what the service is called to do
    to: str
    by: str  # "applicant", "officer" or "system" (a service does it, never a person)
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


# The application (step 4, §58-64 and "How will my application be assessed?"): submitted with
# the portfolio, the supervisor's reference and the letter confirming the qualifying
# experience; an invoice is raised for the fee; once it is paid, the applicant and the
# supervisor sign their declarations; then an officer assesses it: approved, further
# information requested (the applicant sends it and the application is assessed again), or
# referred to the Admissions and Licensing Committee, whose decision the officer records.
APPLICATION_STATES = {
    "draft": "Not submitted",
    "submitted": "Submitted",
    "fee_due": "Fee due",
    "declarations_pending": "Declarations pending",
    "under_assessment": "Under assessment",
    "information_requested": "Further information requested",
    "resubmitted": "Further information sent",
    "referred": "Referred to the Admissions and Licensing Committee",
    "approved": "Approved",
    "refused": "Refused",
}
_ASSESS = (
    Move("approve", "approved", "officer", "Approve the application"),
    Move("request_information", "information_requested", "officer", "Ask for more information"),
    Move("refer", "referred", "officer", "Refer to the Admissions and Licensing Committee"),
)
APPLICATION_MOVES: dict[str, tuple[Move, ...]] = {
    "draft": (Move("submit", "submitted", "applicant", "Submit your application"),),
    "submitted": (Move("raise_invoice", "fee_due", "system", "Raise the invoice"),),
    "fee_due": (Move("record_payment", "declarations_pending", "officer", "Record the payment"),),
    "declarations_pending": (
        Move("declarations_signed", "under_assessment", "system", "Both declarations signed"),
    ),
    "under_assessment": _ASSESS,
    "information_requested": (
        Move("resubmit", "resubmitted", "applicant", "Send the further information"),
    ),
    "resubmitted": _ASSESS,
    "referred": (
        Move("approve", "approved", "officer", "The committee approved the application"),
        Move("refuse", "refused", "officer", "The committee refused the application"),
    ),
    "approved": (),
    "refused": (),
}
# While these, the applicant may change the portfolio (before submitting, and to answer a
# request for further information).
PORTFOLIO_EDITABLE = frozenset({"draft", "information_requested"})


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


def application_moves(state: str, by: str | None = None) -> tuple[Move, ...]:
    """Step 4's moves open from `state`, for everyone or only for `by`."""
    return moves_in(APPLICATION_MOVES, state, by)


def application_next(state: str, action: str, by: str) -> str:
    """The state step 4's `action` leads to from `state` (or StateError, as experience_next)."""
    return next_in(APPLICATION_MOVES, APPLICATION_STATES, "the application", state, action, by)
