from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from touchstone.rights.rules import MalformedInput, qe_check, qe_date

from .build import course, immigration, work

AS_OF = "2025-01-10"


def check(*periods, as_of=AS_OF):
    return qe_check({"as_of": as_of, "periods": list(periods)}, immigration())


def issues(result):
    return [(i["code"], i["period"]) for i in result["issues"]]


@pytest.mark.parametrize(
    ("periods", "credited", "shortfall", "meets", "found"),
    [
        ([work("2020-01-01", "2022-12-31", 2300)], 2300.0, 0.0, True, []),
        ([work("2020-01-01", "2022-12-31", 2299.99)], 2299.99, 0.01, False, []),
        (
            [work("2020-01-01", "2020-12-31", 1000), work("2021-01-01", "2022-01-01", 1300)],
            2300,
            0,
            True,
            [],
        ),
        (
            [work("2020-01-01", "2022-12-31", 5000, tasks=())],
            0,
            2300,
            False,
            [("NON_QUALIFYING_WORK", 0)],
        ),
        ([course("2020-01-01", "2020-06-30")], 644, 1656, False, []),
        ([course("2020-01-01", "2020-06-30", kind="btc")], 644, 1656, False, []),
        (
            [course("2020-01-01", "2020-06-30", passed=False)],
            0,
            2300,
            False,
            [("COURSE_NOT_PASSED", 0)],
        ),
        (
            [course("2019-01-01", "2019-06-30"), course("2020-01-01", "2020-06-30", kind="btc")],
            644,
            1656,
            False,
            [("COURSE_ALREADY_CREDITED", 1)],
        ),
        (  # a course not passed does not take the credit from a later one passed
            [course("2019-01-01", "2019-06-30", passed=False), course("2020-01-01", "2020-06-30")],
            644,
            1656,
            False,
            [("COURSE_NOT_PASSED", 0)],
        ),
        (  # not passed after the one credited: not passed
            [course("2019-01-01", "2019-06-30"), course("2020-01-01", "2020-06-30", passed=False)],
            644,
            1656,
            False,
            [("COURSE_NOT_PASSED", 1)],
        ),
        (  # the same ten days: the course's 64.4 a day is larger than the work's 10
            [course("2024-01-01", "2024-01-10"), work("2024-01-01", "2024-01-10", 100)],
            644,
            1656,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # the same ten days: the work's 200 a day is larger
            [work("2024-01-01", "2024-01-10", 2000), course("2024-01-01", "2024-01-10")],
            2000,
            300,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # five days in common: 644 + the work's other five days, 50 hours
            [course("2024-01-01", "2024-01-10"), work("2024-01-06", "2024-01-15", 100)],
            694,
            1606,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # work that starts before the course and ends within it
            [course("2024-01-06", "2024-01-15"), work("2024-01-01", "2024-01-10", 100)],
            694,
            1606,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # two jobs on the course's days add up before they are compared: 70 > 64.4
            [
                course("2024-01-01", "2024-01-10"),
                work("2024-01-01", "2024-01-10", 300),
                work("2024-01-01", "2024-01-10", 400),
            ],
            700,
            1600,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # work ending the day before the course's last day
            [course("2024-01-01", "2024-01-10"), work("2024-01-01", "2024-01-09", 90)],
            644,
            1656,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # two jobs meet on day 5: 100 hours that day, more than the course's 64.4
            [
                course("2024-01-01", "2024-01-10"),
                work("2024-01-01", "2024-01-05", 250),
                work("2024-01-05", "2024-01-10", 300),
            ],
            679.6,
            1620.4,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # the day after the course is not the course's
            [course("2024-01-01", "2024-01-10"), work("2024-01-11", "2024-01-20", 100)],
            744,
            1556,
            False,
            [],
        ),
        (  # the course's last day is the course's
            [course("2024-01-01", "2024-01-10"), work("2024-01-10", "2024-01-19", 100)],
            744 - 10,
            1566,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # work without tasks is not credited, so it does not overlap
            [course("2024-01-01", "2024-01-10"), work("2024-01-01", "2024-01-10", 100, tasks=())],
            644,
            1656,
            False,
            [("NON_QUALIFYING_WORK", 1)],
        ),
        (  # an ongoing course runs to as_of
            [course("2025-01-01", None), work("2025-01-01", "2025-01-10", 100)],
            644,
            1656,
            False,
            [("OVERLAP_COURSE_WORK", None)],
        ),
        (  # hours are spread over start to end, even past as_of
            [work("2025-01-01", "2025-01-20", 2400)],
            2400,
            0,
            True,
            [],
        ),
        ([work("2020-01-01", "2020-01-03", 1)], 1.0, 2299.0, False, []),
        ([work("2020-01-01", "2020-01-03", 2300.005)], 2300.0, 0.0, True, []),
        ([work("2020-01-01", "2020-01-03", 2299.995)], 2299.99, 0.01, False, []),
        ([], 0, 2300, False, []),
    ],
)
def test_credited_hours(periods, credited, shortfall, meets, found):
    result = check(*periods)
    assert result["credited_hours"] == credited
    assert result["shortfall_hours"] == shortfall
    assert result["meets_requirement"] is meets
    assert issues(result) == found


def test_the_output_is_the_contract():
    result = check(work("2024-01-01", None, 1000), course("2020-01-01", "2020-06-30", False))
    assert result == {
        "meets_requirement": False,
        "required_hours": 2300,
        "credited_hours": 1000.0,
        "shortfall_hours": 1300.0,
        "anticipated_date": "2026-05-14",  # 1000 hours over 376 days: 1300 more in 489 days
        "scheme_version": "2024.1",
        "issues": [
            {
                "code": "COURSE_NOT_PASSED",
                "period": 1,
                "message": "The Legal Practice Course (LPC) counts as qualifying experience only "
                "once you have passed it (handbook §19)",
            }
        ],
    }


def test_messages_name_the_rule_and_the_handbook_paragraph():
    result = check(
        work("2020-01-01", "2020-01-10", 10, tasks=()),
        course("2020-01-01", "2020-01-10", kind="btc"),
        work("2020-01-01", "2020-01-10", 10),
        course("2021-01-01", "2021-01-10"),
    )
    assert [i["message"] for i in result["issues"]] == [
        "Work counts as qualifying experience only when it involves at least one task that "
        "applies the law, legal practice or procedure (handbook §17)",
        "One passed LPC or BTC counts as qualifying experience: this Legal Practice Course (LPC) "
        "is not credited again (handbook §19)",
        "You cannot be credited twice for the same time: on days you worked during the Bar "
        "Training Course (BTC), only the larger of the two counts (handbook §20)",
    ]


D = date(2025, 1, 10)


@pytest.mark.parametrize(
    ("periods", "anticipated"),
    [
        # 100 hours over 10 days: 10 a day, 2,200 short: 220 days
        ([work("2025-01-01", None, 100)], D + timedelta(days=220)),
        # 3 a day, 2,270 short: 756.67, so 757 days
        ([work("2025-01-01", None, 30)], D + timedelta(days=757)),
        # two ongoing: 10 + 20 a day, 2,000 short: 66.67, so 67 days
        ([work("2025-01-01", None, 100), work("2025-01-01", None, 200)], D + timedelta(days=67)),
        # an end after as_of is ongoing at its own rate (200 over 20 days)
        ([work("2024-12-22", "2025-01-10", 200)], D + timedelta(days=210)),
        ([work("2024-12-22", "2025-01-11", 210)], D + timedelta(days=209)),
        # ended the day before as_of: not ongoing
        ([work("2024-12-31", "2025-01-09", 100)], None),
        # ongoing work without tasks is not credited, and does not count towards the date
        (
            [work("2025-01-01", None, 100), work("2025-01-01", None, 900, tasks=())],
            D + timedelta(days=220),
        ),
        # ended work counts to the shortfall, not to the rate
        (
            [work("2025-01-01", None, 100), work("2020-01-01", "2020-12-31", 1200)],
            D + timedelta(days=100),
        ),
        ([work("2025-01-01", None, 0)], None),  # no rate: no date
        ([course("2025-01-01", None)], None),  # a course is not work
        ([], None),
        ([work("2025-01-01", None, 2300)], None),  # no shortfall
    ],
)
def test_anticipated_date(periods, anticipated):
    result = check(*periods)
    assert result["anticipated_date"] == (anticipated and anticipated.isoformat())


def test_no_anticipated_date_past_the_calendar():
    result = check(work("9999-12-01", None, 0.01), as_of="9999-12-30")
    assert result["anticipated_date"] is None
    assert check(work("9999-12-01", None, 2299.7), as_of="9999-12-30")["anticipated_date"] == (
        "9999-12-31"
    )


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ([], "", "must be an object"),
        ({}, "as_of", "is required"),
        ({"as_of": "2025-01-10"}, "periods", "is required"),
        ({"as_of": "10/01/2025", "periods": []}, "as_of", "must be a date written YYYY-MM-DD"),
        ({"as_of": 20250110, "periods": []}, "as_of", "must be a date written YYYY-MM-DD"),
        ({"as_of": "2025-02-30", "periods": []}, "as_of", "is not a date in the calendar"),
        ({"as_of": "٢٠٢٥-٠١-١٠", "periods": []}, "as_of", "must be a date written YYYY-MM-DD"),
        ({"as_of": "2025-01-10", "periods": {}}, "periods", "must be a list"),
        ({"as_of": "2025-01-10", "periods": [7]}, "periods[0]", "must be an object"),
        ({"as_of": AS_OF, "periods": [{"start": "2024-01-01"}]}, "periods[0].kind", "is required"),
        (
            {"as_of": AS_OF, "periods": [{"kind": "job", "start": "2024-01-01"}]},
            "periods[0].kind",
            "must be one of work, lpc, btc",
        ),
        ({"as_of": AS_OF, "periods": [{"kind": "work"}]}, "periods[0].start", "is required"),
        (
            {"as_of": AS_OF, "periods": [work("2024-1-1", None, 1)]},
            "periods[0].start",
            "must be a date written YYYY-MM-DD",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", "2024-13-01", 1)]},
            "periods[0].end",
            "is not a date in the calendar",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", "1 March", 1)]},
            "periods[0].end",
            "must be a date written YYYY-MM-DD",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-02", "2024-01-01", 1)]},
            "periods[0].end",
            "must not be before the start",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2025-01-11", None, 1)]},
            "periods[0].start",
            "must not be after as_of without an end",
        ),
        (
            {"as_of": AS_OF, "periods": [{"kind": "work", "start": "2024-01-01", "tasks": []}]},
            "periods[0].hours",
            "is required",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", None, -0.5)]},
            "periods[0].hours",
            "must not be negative",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", None, "9")]},
            "periods[0].hours",
            "must be a number",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", None, True)]},
            "periods[0].hours",
            "must be a number",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", None, float("inf"))]},
            "periods[0].hours",
            "must be a number",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", None, float("nan"))]},
            "periods[0].hours",
            "must be a number",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", None, 1_000_001)]},
            "periods[0].hours",
            "must be at most 1,000,000",
        ),
        (
            {"as_of": AS_OF, "periods": [{"kind": "work", "start": "2024-01-01", "hours": 1}]},
            "periods[0].tasks",
            "is required",
        ),
        (
            {"as_of": AS_OF, "periods": [{**work("2024-01-01", None, 1), "tasks": "advising"}]},
            "periods[0].tasks",
            "must be a list",
        ),
        (
            {
                "as_of": AS_OF,
                "periods": [work("2024-01-01", None, 1, tasks=("advising", "typing"))],
            },
            "periods[0].tasks[1]",
            "must be one of taking_instructions, advising, drafting, research, correspondence, "
            "decisions, representation",
        ),
        (
            {"as_of": AS_OF, "periods": [{"kind": "lpc", "start": "2024-01-01"}]},
            "periods[0].passed",
            "is required",
        ),
        (
            {"as_of": AS_OF, "periods": [{**course("2024-01-01", None), "passed": "yes"}]},
            "periods[0].passed",
            "must be true or false",
        ),
        (
            {
                "as_of": AS_OF,
                "periods": [work("2024-01-01", None, 1), work("2024-01-01", None, 1, employer=3)],
            },
            "periods[1].employer",
            "must be a text",
        ),
        (
            {"as_of": AS_OF, "periods": [work("2024-01-01", None, 1, role=["x"])]},
            "periods[0].role",
            "must be a text",
        ),
    ],
)
def test_malformed_input_names_the_field(data, field, message):
    with pytest.raises(MalformedInput) as raised:
        qe_check(data, immigration())
    assert (raised.value.field, raised.value.message) == (field, message)
    assert str(raised.value) == (f"{field}: {message}" if field else message)


def test_an_ongoing_period_may_start_on_as_of():
    assert check(work(AS_OF, None, 10))["credited_hours"] == 10


def test_the_most_hours_a_period_may_have():
    assert check(work("2020-01-01", "2020-12-31", 1_000_000))["credited_hours"] == 1_000_000
    assert check(work("2020-01-01", "2020-12-31", 0))["credited_hours"] == 0


def test_an_integer_too_long_to_write_is_too_many_hours():
    """A caller's own dict may hold an int no JSON decoder would give (over 4,300 digits)."""
    with pytest.raises(MalformedInput, match="must be at most 1,000,000"):
        check(work("2020-01-01", "2020-12-31", 10**5000))


def test_optional_texts_and_a_missing_end_are_allowed():
    period = {"kind": "work", "start": "2024-01-01", "hours": 10, "tasks": ["research"]}
    result = check({**period, "employer": None, "role": " Paralegal "}, period)
    assert result["credited_hours"] == 20


def test_qe_date():
    assert qe_date({"as_of": "2025-01-10"}) == date(2025, 1, 10)
    with pytest.raises(MalformedInput, match="^as_of: is required$"):
        qe_date({})
    with pytest.raises(MalformedInput, match="^must be an object$"):
        qe_date("2025-01-10")


# Properties

days = st.integers(min_value=0, max_value=800)
BASE = date(2023, 1, 1)


@st.composite
def periods(draw):
    start = BASE + timedelta(days=draw(days))
    end = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=400)))
    end = None if end is None else (start + timedelta(days=end)).isoformat()
    if draw(st.booleans()):
        hours = draw(st.one_of(st.integers(0, 3000), st.floats(0, 3000, allow_nan=False)))
        tasks = draw(st.lists(st.sampled_from(["advising", "drafting", "research"]), max_size=2))
        return work(start.isoformat(), end, hours, tasks=tasks)
    return course(
        start.isoformat(), end, draw(st.booleans()), draw(st.sampled_from(["lpc", "btc"]))
    )


AS_OF_PROPERTY = (BASE + timedelta(days=1200)).isoformat()


def plain_sum(ps):
    credited = sum(p["hours"] for p in ps if p["kind"] == "work" and p["tasks"])
    return credited + (644 if any(p["kind"] != "work" and p["passed"] for p in ps) else 0)


@settings(max_examples=60, deadline=None)
@given(st.lists(periods(), max_size=5))
def test_credited_hours_are_at_most_the_plain_sum_and_never_negative(ps):
    result = check(*ps, as_of=AS_OF_PROPERTY)
    assert 0 <= result["credited_hours"] <= plain_sum(ps) + 0.001
    if not result["meets_requirement"]:
        assert round(result["credited_hours"] + result["shortfall_hours"], 2) >= 2300
        assert result["shortfall_hours"] > 0
    else:
        assert result["shortfall_hours"] == 0 and result["anticipated_date"] is None


@settings(max_examples=60, deadline=None)
@given(st.lists(periods(), max_size=4), periods())
def test_adding_a_qualifying_work_period_never_lowers_credited_hours(ps, extra):
    extra = {**extra, "kind": "work", "hours": extra.get("hours", 100), "tasks": ["drafting"]}
    before = check(*ps, as_of=AS_OF_PROPERTY)["credited_hours"]
    assert check(*ps, extra, as_of=AS_OF_PROPERTY)["credited_hours"] >= before


json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
period_like = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from(["work", "lpc", "btc", "x"]) | json,
        "start": st.sampled_from(["2024-01-01", "2025-01-10", "2026-01-01", "2024-02-30"]) | json,
        "end": st.sampled_from(["2024-06-01", "2025-01-10", "2023-01-01", None]) | json,
        "hours": st.integers(-5, 5000) | st.floats() | json,
        "tasks": st.lists(st.sampled_from(["advising", "typing"]), max_size=2) | json,
        "passed": st.booleans() | json,
    },
)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        json,
        st.fixed_dictionaries(
            {
                "as_of": st.sampled_from(["2025-01-10", "x"]) | json,
                "periods": st.lists(period_like | json, max_size=4),
            }
        ),
    )
)
def test_any_json_gives_a_result_or_malformed_input(data):
    try:
        result = qe_check(data, immigration())
    except MalformedInput as error:
        assert "\n" not in error.message and error.message
        return
    assert isinstance(result["credited_hours"], float)
