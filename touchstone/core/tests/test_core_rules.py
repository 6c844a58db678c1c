"""Core's pure rules: deadline warnings, daily slots, catching up, back-off, what to do with an
orphaned task, page links, lists in words, and who sent a request and how long its next sign-in
waits."""

import ipaddress
import math
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.core import rules
from touchstone.core.rules import warning_due


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
    ("failures", "seconds"), [(-1, 0), (0, 0), (1, 0.5), (2, 1), (6, 16), (7, 30), (10**6, 30)]
)
def test_backoff_by_default_starts_at_half_a_second_and_stops_at_thirty(failures, seconds):
    assert rules.backoff_seconds(failures) == seconds


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(1, 2), (2, 4), (32, 2**32), (33, 2**33), (34, 2**33), (10**6, 2**33)],
)
def test_uncapped_backoff_stops_doubling_rather_than_overflow(failures, seconds):
    # 2 ** 10**6 is beyond any float: the doubling stops at 2**32 times the base.
    assert rules.backoff_seconds(failures, base=2, cap=math.inf) == seconds


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


@pytest.mark.parametrize(
    ("items", "words"),
    [
        (["BB"], "BB"),
        (["BB", "IW"], "BB and IW"),
        (["BB", "IW", "CK"], "BB, IW and CK"),
        (["day", "month", "year", "time"], "day, month, year and time"),
    ],
)
def test_joined_in_words(items, words):
    assert rules.joined_in_words(items) == words


@given(st.lists(st.text(alphabet="abcXYZ -", min_size=1, max_size=5), min_size=2, max_size=6))
def test_a_list_in_words_reads_back_as_the_list(items):
    # The items hold no comma and no "and": the words can be split back into them.
    words = rules.joined_in_words(items)
    assert words.count(" and ") == 1
    rest, last = words.split(" and ")
    assert last == items[-1]
    assert rest.split(", ") == items[:-1]


V4 = ipaddress.IPv4Network
V6 = ipaddress.IPv6Network


@pytest.mark.parametrize(
    ("text", "networks"),
    [
        ("", ()),
        ("  , ,", ()),
        ("10.0.0.1", (V4("10.0.0.1/32"),)),
        ("10.0.0.1, 192.168.0.0/16", (V4("10.0.0.1/32"), V4("192.168.0.0/16"))),
        ("10.0.0.1,192.168.0.0/16", (V4("10.0.0.1/32"), V4("192.168.0.0/16"))),
        (" 10.0.0.1   192.168.0.0/16\n", (V4("10.0.0.1/32"), V4("192.168.0.0/16"))),
        ("192.168.1.7/16", (V4("192.168.0.0/16"),)),  # host bits set: the network they are in
        ("::1, 2001:db8::/32", (V6("::1/128"), V6("2001:db8::/32"))),
    ],
)
def test_trusted_proxies_are_read_from_commas_or_spaces(text, networks):
    assert rules.parse_networks(text) == networks


@pytest.mark.parametrize("text", ["proxy.internal", "10.0.0.1; 10.0.0.2", "10.0.0.256"])
def test_a_trusted_proxy_that_is_not_an_address_stops_the_settings_loading(text):
    with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6"):
        rules.parse_networks(text)


PROXY = "10.0.0.1"
TRUSTED = rules.parse_networks("10.0.0.1, 192.168.0.0/16, 2001:db8::/32")


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("203.0.113.9", None, "203.0.113.9"),
        ("203.0.113.9", "1.2.3.4", "203.0.113.9"),  # not a trusted proxy: header ignored
        ("192.168.7.7", "198.51.100.7", "198.51.100.7"),  # a proxy in a trusted network
        (PROXY, "198.51.100.7", "198.51.100.7"),
        (PROXY, "1.2.3.4, 198.51.100.7", "198.51.100.7"),  # the client wrote 1.2.3.4
        (PROXY, "1.2.3.4,198.51.100.7", "198.51.100.7"),
        (PROXY, " 198.51.100.7 ", "198.51.100.7"),
        (PROXY, "198.51.100.7, 192.168.3.4", "198.51.100.7"),  # through two trusted proxies
        (PROXY, "198.51.100.7 , 192.168.3.4 ", "198.51.100.7"),
        (PROXY, "192.168.0.5, 192.168.3.4", "192.168.0.5"),  # all proxies: the furthest known
        (PROXY, "garbage", PROXY),
        (PROXY, "198.51.100.7, garbage", PROXY),  # nothing left of an unreadable hop is believed
        (PROXY, "198.51.100.7, garbage, 192.168.3.4", "192.168.3.4"),  # the last trusted hop
        (PROXY, "1.2.3.4, 198.51.100.7, ", PROXY),  # a trailing comma is an unreadable hop
        (PROXY, "", PROXY),
        (PROXY, None, PROXY),
        (" 10.0.0.1 ", "198.51.100.7", "198.51.100.7"),
        ("::1", "1.2.3.4", "::1"),
        ("2001:db8::1", "2a00:0000::0001", "2a00::1"),  # a trusted IPv6 proxy; written short
        ("2001:db8::1", "192.168.3.4, 2001:DB8:0::7", "192.168.3.4"),
        ("2A00:0:0::5", "1.2.3.4", "2a00::5"),
        ("not an address", "1.2.3.4", None),
        ("", None, None),
        (None, "1.2.3.4", None),
    ],
)
def test_client_address_believes_only_trusted_proxies(remote, forwarded, client):
    assert client_address(remote, forwarded) == client


def client_address(remote, forwarded, trusted=TRUSTED):
    return rules.client_address(remote_addr=remote, forwarded_for=forwarded, trusted=trusted)


def test_without_trusted_proxies_the_connection_is_the_client():
    assert client_address(PROXY, "198.51.100.7", trusted=()) == PROXY


def test_the_trusted_proxies_may_be_any_iterable():
    # A generator can be read only once: the rule must not read it once per hop.
    trusted = (network for network in TRUSTED)
    assert client_address(PROXY, "198.51.100.7, 192.168.3.4", trusted=trusted) == "198.51.100.7"


def _v4(number: int) -> str:
    return str(ipaddress.IPv4Address(number))


OUTSIDE = st.integers(0xCB007100, 0xCB0071FF).map(_v4)  # 203.0.113.0/24: not a proxy
ANYWHERE = st.integers(0, 2**32 - 1).map(_v4)
OUR_PROXIES = st.integers(0xC0A80000, 0xC0A8FFFF).map(_v4)  # 192.168.0.0/16


@given(
    written=st.lists(ANYWHERE, max_size=4),
    client=OUTSIDE,
    proxies=st.lists(OUR_PROXIES, max_size=3),
    remote=st.sampled_from([PROXY, "192.168.1.1"]),
)
def test_whatever_a_client_writes_it_is_found_behind_the_trusted_proxies(
    written, client, proxies, remote
):
    header = ", ".join([*written, client, *proxies])
    assert client_address(remote, header) == client


@given(remote=OUTSIDE, header=st.lists(ANYWHERE, max_size=4).map(", ".join))
def test_a_client_not_behind_a_trusted_proxy_is_its_connection(remote, header):
    assert client_address(remote, header) == remote


@pytest.mark.parametrize(
    ("failures", "free", "max_seconds", "delay"),
    [
        (0, 5, 60, 0),
        (4, 5, 60, 0),
        (5, 5, 60, 1),  # the fifth failure: the next attempt waits a second
        (6, 5, 60, 2),
        (7, 5, 60, 4),
        (10, 5, 60, 32),
        (11, 5, 60, 60),  # 64 seconds, cut to the longest wait
        (10_000, 5, 60, 60),
        (1, 2, 600, 0),
        (2, 2, 600, 1),
        (3, 2, 600, 2),
        (5, 2, 600, 8),
        (12, 2, 600, 600),
        (3, 0, 600, 8),
        (20, 5, 0, 0),  # a longest wait of 0: never slowed
        (35, 5, 2**40, 2**30),  # the doubling stops at 2**30 seconds …
        (10**9, 5, 2**40, 2**30),  # … rather than compute 2 to the billionth power
    ],
)
def test_sign_in_delay(failures, free, max_seconds, delay):
    assert rules.sign_in_delay(failures, free=free, max_seconds=max_seconds) == delay


@given(
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=1, max_value=100_000),
)
def test_each_failure_past_the_free_ones_doubles_the_wait_up_to_the_longest(
    failures, free, max_seconds
):
    delay = rules.sign_in_delay(failures, free=free, max_seconds=max_seconds)
    after = rules.sign_in_delay(failures + 1, free=free, max_seconds=max_seconds)
    if failures + 1 < free:
        assert delay == after == 0
    elif failures + 1 == free:
        assert (delay, after) == (0, 1)
    else:
        assert after == min(2 * delay, max_seconds)


WARNING_CASES = [
    # as_of, expected: due 30 September 2026, warnings 91, 30 and 7 days before
    (date(2026, 6, 30), None),
    (date(2026, 7, 1), 91),
    (date(2026, 8, 30), 91),
    (date(2026, 8, 31), 30),
    (date(2026, 9, 23), 7),
    (date(2026, 9, 30), 7),
    (date(2026, 10, 1), None),
]


@pytest.mark.parametrize(("as_of", "expected"), WARNING_CASES)
def test_the_nearest_warning_reached_is_owed(as_of, expected):
    assert warning_due(due_on=date(2026, 9, 30), as_of=as_of, warnings=[91, 30, 7]) == expected


@given(
    due=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    offset=st.integers(min_value=-400, max_value=400),
    warnings=st.lists(st.integers(min_value=0, max_value=366), max_size=5),
)
def test_a_warning_owed_has_come_and_no_nearer_one_has(due, offset, warnings):
    as_of = due + timedelta(days=offset)
    owed = warning_due(due_on=due, as_of=as_of, warnings=warnings)
    if owed is None:
        assert as_of > due or all(due - timedelta(days=d) > as_of for d in warnings)
    else:
        assert owed in warnings and due - timedelta(days=owed) <= as_of <= due
        assert not [d for d in warnings if d < owed and due - timedelta(days=d) <= as_of]
