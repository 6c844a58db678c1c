"""Pure rules of the platform itself (no database, no settings, no clock)."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


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
