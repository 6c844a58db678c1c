"""The caseworkers' queue, as plain rules: the orders it can be put in, the heading each sort
link goes to next, and a case's age in days."""

from datetime import date

SORTS = {
    "oldest": "Oldest received first",
    "newest": "Newest received first",
    "accepted": "Longest since acceptance first",
    "reference": "Reference A to Z",
}
DEFAULT_SORT = "oldest"
STATES = {"open": "Open", "concluded": "Concluded", "all": "Open or concluded"}
DEFAULT_STATE = "open"
COMPLEXITIES = {"high": "High", "medium": "Medium", "low": "Low", "none": "Not triaged yet"}
ASSIGNED = {"me": "Assigned to me", "none": "Not assigned"}


def age_days(since: date | None, as_of: date) -> int | None:
    """Whole days from `since` to `as_of` (never below 0); None without a date."""
    if since is None:
        return None
    return max((as_of - since).days, 0)


def next_sort(column: str, current: str) -> str:
    """The sort a column's heading links to: the other way round when the list is already
    sorted by it (for the received date), else the column's own sort."""
    current = current or DEFAULT_SORT
    if column == "received":
        return "newest" if current == "oldest" else "oldest"
    return column


def aria_sort(column: str, current: str) -> str:
    """The heading's aria-sort for the list's sort: ascending, descending or none. The age
    columns count days, so the oldest first is the age descending."""
    current = current or DEFAULT_SORT
    if column == "received":
        return {"oldest": "descending", "newest": "ascending"}.get(current, "none")
    if column == "accepted":
        return "descending" if current == "accepted" else "none"
    return "ascending" if current == column else "none"
