"""The officers' queue: each step's states, what in them waits for an officer (a decision, or
a payment to record), and how long it has waited. Plain data in, result out."""

from datetime import date

from .states import APPLICATION_STATES, EXPERIENCE_STATES, KNOWLEDGE_STATES

# The steps in the order an applicant takes them, with their names and their states.
STEPS = {
    "knowledge": "Technical knowledge",
    "experience": "Qualifying experience",
    "application": "Application",
}
STEP_STATES = {
    "knowledge": KNOWLEDGE_STATES,
    "experience": EXPERIENCE_STATES,
    "application": APPLICATION_STATES,
}

# For each step, the states in which the officer has something to do, in words.
WAITING = {
    "knowledge": {"submitted": "Decide on the technical knowledge"},
    "experience": {
        "submitted": "Decide on the qualifying experience",
        "referred": "Record the committee's decision on the qualifying experience",
    },
    "application": {
        "fee_due": "Record the payment of the fee",
        "under_assessment": "Assess the application",
        "resubmitted": "Assess the further information",
        "referred": "Record the committee's decision on the application",
    },
}

# What the committee hears: the states of a step referred to it.
REFERRED = {"experience": "referred", "application": "referred"}

SORTS = {
    "oldest": "Longest waiting first",
    "newest": "Shortest waiting first",
    "name": "Applicant, A to Z",
    "name-desc": "Applicant, Z to A",
}
DEFAULT_SORT = "oldest"


def state_choice(value: str) -> tuple[str, str] | None:
    """The (step, state) a queue's state filter names: "application:under_assessment", or a
    bare state of the qualifying experience ("submitted", the old links); None if neither."""
    step, colon, state = (value or "").partition(":")
    if not colon:
        step, state = "experience", step
    if state in STEP_STATES.get(step, {}):
        return step, state
    return None


def state_value(step: str, state: str) -> str:
    """The state filter's value for `state` of `step`."""
    return f"{step}:{state}"


def waiting_for_officer(states: dict[str, str]) -> list[tuple[str, str]]:
    """(step, what to do) for each step whose state, in `states` (step → state), waits for
    the officer, in the order of the steps."""
    return [
        (step, WAITING[step][states[step]]) for step in STEPS if states.get(step) in WAITING[step]
    ]


def days_waiting(since: date | None, as_of: date) -> int | None:
    """Whole days from `since` to `as_of` (never below 0); None without a date."""
    if since is None:
        return None
    return max((as_of - since).days, 0)


def next_sort(column: str, current: str) -> str:
    """The sort a column's heading links to: the other way round when the list is already
    sorted by it, else its first way (the applicant A to Z; the longest waiting first)."""
    if column == "name":
        return "name-desc" if current == "name" else "name"
    return "newest" if current in ("oldest", "") else "oldest"


def aria_sort(column: str, current: str) -> str:
    """The heading's aria-sort for the list's sort: ascending, descending or none."""
    current = current or DEFAULT_SORT
    if column == "name":
        return {"name": "ascending", "name-desc": "descending"}.get(current, "none")
    return {"oldest": "descending", "newest": "ascending"}.get(current, "none")
