"""Pure rules of the platform itself (no database, no settings, no clock)."""

from __future__ import annotations

import calendar
import ipaddress
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# A month as people write it, lower case: its name or abbreviation ("march", "mar", "sept").
# The date input reads months with it and plans.rules reads due dates with it.
MONTHS: dict[str, int] = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9


def joined_in_words(items: list[str]) -> str:
    """ "BB", "BB and IW", "BB, IW and CK"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def parse_networks(text: str) -> tuple[Network, ...]:
    """`TOUCHSTONE_TRUSTED_PROXIES`: addresses or networks, separated by commas or spaces."""
    return tuple(
        ipaddress.ip_network(part, strict=False) for part in text.replace(",", " ").split()
    )


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_address(
    *, remote_addr: str | None, forwarded_for: str | None, trusted: Iterable[Network]
) -> str | None:
    """The address of the client that sent a request.

    The connection's own address, unless it is a trusted proxy: then the forwarded-for header
    is read from the right (each proxy appends the address it received from), skipping trusted
    proxies, and the first address that is not one is the client. Anything left of that was
    written by the client and is not believed. An unreadable header gives the last trusted hop.
    """
    trusted = tuple(trusted)
    remote = _address(remote_addr or "")
    if remote is None:
        return None
    if not any(remote in network for network in trusted) or not forwarded_for:
        return str(remote)
    hop = remote
    for part in reversed(forwarded_for.split(",")):
        address = _address(part)
        if address is None:
            return str(hop)
        hop = address
        if not any(address in network for network in trusted):
            return str(address)
    return str(hop)


def sign_in_delay(failures: int, *, free: int, max_seconds: int) -> int:
    """Seconds an account's next sign-in must wait after its latest failure: none for the
    first `free` failures, then 1, 2, 4, 8 … seconds, never more than `max_seconds`."""
    if failures < free:
        return 0
    return min(2 ** min(failures - free, 30), max_seconds)


def latest_daily_slot(now: datetime, at: time) -> datetime:
    """The most recent moment at or before `now` when a daily schedule at `at` was due.

    `now` is local time (aware or naive); the slot keeps its tzinfo. At 05:00 a 06:00 schedule's
    latest slot is yesterday's 06:00; at 06:00 exactly it is today's.
    """
    today = datetime.combine(now.date(), at, tzinfo=now.tzinfo)
    return today if today <= now else today - timedelta(days=1)


def slot_is_due(*, last_slot: datetime | None, latest_slot: datetime) -> bool:
    """A schedule owes a run when it has never run or its last run was for an earlier slot.

    However many slots were missed (a worker down for three days), one run catches up: the
    periodic work here (deadline sweep, CPD reminders) looks at everything outstanding as of
    the day it runs.
    """
    return last_slot is None or last_slot < latest_slot


def backoff_seconds(failures: int, *, base: float = 0.5, cap: float = 30.0) -> float:
    """Seconds to wait after `failures` failures in a row: doubling from `base`, at most `cap`."""
    if failures <= 0:
        return 0.0
    return min(cap, base * 2 ** min(failures - 1, 32))


def orphan_outcome(*, attempts: int, max_attempts: int) -> str:
    """What to do with a task whose worker stopped after `attempts` starts: "retry" or "fail"."""
    return "retry" if attempts < max_attempts else "fail"


def page_numbers(current: int, last: int, *, around: int = 1) -> list[int | None]:
    """The page links a list shows, GOV.UK style: the first and last pages, the current one
    and `around` either side of it, with None where a run of pages is left out (an ellipsis).
    A gap of a single page shows that page rather than an ellipsis standing for it."""
    if last <= 1:
        return [1] if last == 1 else []
    current = min(max(current, 1), last)
    shown = {1, last, *range(max(1, current - around), min(last, current + around) + 1)}
    numbers: list[int | None] = []
    previous = 0
    for number in sorted(shown):
        if number - previous == 2:
            numbers.append(number - 1)
        elif number - previous > 2:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers


def warning_due(*, due_on: date, as_of: date, warnings: Iterable[int]) -> int | None:
    """Which of a deadline's warnings (days before `due_on`) is owed on `as_of`: the nearest
    one whose day has come, so a sweep that missed the 3-month day sends the 1-month warning
    when that day comes rather than both. None before the first warning's day and once the
    deadline has passed (the overdue notice is a different thing)."""
    if as_of > due_on:
        return None
    reached = [days for days in warnings if due_on - timedelta(days=days) <= as_of]
    return min(reached) if reached else None
