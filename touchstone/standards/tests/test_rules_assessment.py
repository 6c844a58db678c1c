"""The self-assessment rules: every status, the missing, invalid and mandatory answers, parents
with partial sub-items, the remediation deadline's month-end clamps and leap years, and the fee
in force on the day."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.core.rules.checked_json import MalformedInput
from touchstone.standards.rules import (
    ANSWERS,
    FeeSchedule,
    FrameworkShape,
    accreditation_fee,
    assessment_check,
    effective_answers,
    fee_in_force,
    months_after,
    remediation_deadline,
)

# The IQS January 2012 as the rules see it: 71 standards, four with sub-items, 55 mandatory.
SUBITEMS = {18: range(19, 28), 28: range(29, 35), 38: range(39, 42), 45: range(46, 53)}
IQS = FrameworkShape(
    numbers=tuple(range(1, 72)),
    parents={child: parent for parent, children in SUBITEMS.items() for child in children},
    mandatory=frozenset({55}),
)
FEES = [
    FeeSchedule(
        effective_from=date(2012, 1, 1),
        corporate_member=Decimal("200"),
        other=Decimal("350"),
        corporate_membership=Decimal("180"),
    )
]


def all_complied(**changes: str) -> dict[str, str]:
    answers = {str(n): "complied" for n in range(1, 72)}
    answers.update({key.lstrip("_"): value for key, value in changes.items()})
    return answers


def check(answers, *, submitted_on="2026-01-31", corporate_member=True, fees=FEES):
    return assessment_check(
        {"submitted_on": submitted_on, "corporate_member": corporate_member, "answers": answers},
        shape=IQS,
        fees=fees,
    )


def codes(result) -> list[tuple[str, object]]:
    return [(e["code"], e["standard"]) for e in result["errors"]]


def test_all_complied_is_compliant_with_no_deadline():
    result = check(all_complied())
    assert result == {
        "status": "compliant",
        "remediation_deadline": None,
        "fee": 200,
        "non_compliant": [],
        "errors": [],
    }


def test_not_applicable_is_allowed_and_counts_for_nothing():
    result = check(all_complied(_5="n/a", _71="n/a", _26="n/a"))
    assert (result["status"], result["non_compliant"], result["errors"]) == ("compliant", [], [])


@pytest.mark.parametrize(
    ("changes", "non_compliant"),
    [
        ({"_2": "partial"}, [2]),
        ({"_2": "not_complied"}, [2]),
        ({"_70": "partial", "_3": "not_complied"}, [3, 70]),
        # a sub-item drags its parent down with it
        ({"_21": "partial"}, [18, 21]),
        ({"_34": "not_complied"}, [28, 34]),
        ({"_41": "partial", "_40": "not_complied"}, [38, 40, 41]),
        ({"_52": "partial"}, [45, 52]),
        # a parent answered badly on its own, its sub-items complied: the parent alone
        ({"_45": "partial"}, [45]),
        # a parent n/a with a partial sub-item takes the sub-item's answer
        ({"_18": "n/a", "_19": "partial"}, [18, 19]),
        # a parent complied, every sub-item n/a: still complied
        ({f"_{n}": "n/a" for n in range(29, 35)}, []),
    ],
)
def test_partial_answers_and_parents(changes, non_compliant):
    result = check(all_complied(**changes))
    assert result["non_compliant"] == non_compliant
    assert result["status"] == ("partially_compliant" if non_compliant else "compliant")
    assert result["remediation_deadline"] == ("2026-08-31" if non_compliant else None)


@pytest.mark.parametrize(
    ("own", "subitems", "effective"),
    [
        ("complied", ["complied", "complied"], "complied"),
        ("complied", ["complied", "partial"], "partial"),
        ("complied", ["partial", "not_complied"], "not_complied"),
        ("partial", ["complied", "complied"], "partial"),
        ("not_complied", ["partial", "complied"], "not_complied"),
        ("n/a", ["n/a", "n/a"], "n/a"),
        ("n/a", ["complied", "n/a"], "complied"),
        ("partial", ["n/a", "n/a"], "partial"),
        ("n/a", ["n/a", "not_complied"], "not_complied"),
    ],
)
def test_a_parents_effective_answer_is_the_worst_of_its_own_and_its_subitems(
    own, subitems, effective
):
    shape = FrameworkShape(numbers=(1, 2, 3), parents={2: 1, 3: 1})
    answers = {1: own, 2: subitems[0], 3: subitems[1]}
    assert effective_answers(answers, shape)[1] == effective
    assert effective_answers(answers, shape)[2] == subitems[0]


def test_standard_55_cannot_be_not_applicable_and_then_counts_as_not_complied():
    result = check(all_complied(_55="n/a"))
    assert codes(result) == [("NA_NOT_ALLOWED", 55)]
    assert result["status"] == "partially_compliant"
    assert result["non_compliant"] == [55]
    assert result["remediation_deadline"] == "2026-08-31"
    assert "mandatory" in result["errors"][0]["message"]


def test_standard_55_answered_otherwise_is_read_as_given():
    assert check(all_complied(_55="partial"))["non_compliant"] == [55]
    assert check(all_complied(_55="complied"))["errors"] == []


def test_a_mandatory_standard_of_another_framework_follows_its_shape():
    shape = FrameworkShape(numbers=(1, 2), mandatory=frozenset({2}))
    document = {"submitted_on": "2026-01-01", "corporate_member": False, "answers": {}}
    document["answers"] = {"1": "n/a", "2": "n/a"}
    result = assessment_check(document, shape=shape, fees=FEES)
    assert codes(result) == [("NA_NOT_ALLOWED", 2)]
    assert result["non_compliant"] == [2]


def test_missing_answers_make_it_incomplete_with_nothing_listed():
    answers = all_complied(_3="partial")
    del answers["12"], answers["71"]
    result = check(answers)
    assert codes(result) == [("MISSING_ANSWER", 12), ("MISSING_ANSWER", 71)]
    assert (result["status"], result["remediation_deadline"], result["non_compliant"]) == (
        "incomplete",
        None,
        None,
    )
    assert result["fee"] == 200
    assert result["errors"][0]["message"] == "Standard 12 has no answer."


@pytest.mark.parametrize(
    ("key", "value", "standard"),
    [
        ("72", "complied", 72),
        ("0", "complied", 0),
        ("-1", "complied", -1),
        ("01", "complied", 1),
        ("abc", "complied", "abc"),
        (" 3", "complied", " 3"),
        ("²", "complied", "²"),
        ("1.5", "complied", "1.5"),
        ("3", "yes", 3),
        ("3", "Complied", 3),
        ("3", "N/A", 3),
        ("3", True, 3),
        ("3", None, 3),
        ("3", 1, 3),
        ("3", ["complied"], 3),
    ],
)
def test_an_unknown_standard_or_value_is_invalid_and_makes_it_incomplete(key, value, standard):
    answers = all_complied()
    answers[key] = value
    result = check(answers)
    assert ("INVALID_ANSWER", standard) in codes(result)
    assert result["status"] == "incomplete"
    assert result["non_compliant"] is None
    assert result["remediation_deadline"] is None


def test_an_invalid_value_also_leaves_the_standard_unanswered_in_the_verdict():
    answers = all_complied(_3="yes")
    result = check(answers)
    assert codes(result) == [("INVALID_ANSWER", 3)]
    assert 'not "yes"' in result["errors"][0]["message"]


def test_the_mandatory_error_is_reported_beside_the_others_when_incomplete():
    answers = all_complied(_55="n/a")
    del answers["1"]
    answers["zz"] = "complied"
    result = check(answers)
    assert codes(result) == [
        ("MISSING_ANSWER", 1),
        ("NA_NOT_ALLOWED", 55),
        ("INVALID_ANSWER", "zz"),
    ]
    assert result["status"] == "incomplete"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("x1", "complied", '"x1" is not a standard number.'),
        ("99", "complied", 'There is no standard numbered "99".'),
        ("007", "complied", 'There is no standard numbered "007".'),
        (
            "4",
            "yes",
            'The answer to standard 4 must be complied, partial, not_complied or n/a, not "yes".',
        ),
        (
            "4",
            True,
            'The answer to standard 4 must be complied, partial, not_complied or n/a, not "True".',
        ),
        (
            "55",
            "n/a",
            "Standard 55 is mandatory and cannot be answered n/a; it counts as not complied.",
        ),
    ],
)
def test_each_error_says_what_is_wrong_in_words(key, value, message):
    answers = all_complied()
    answers[key] = value
    assert [e["message"] for e in check(answers)["errors"]] == [message]


def test_every_invalid_answer_is_reported_not_only_the_first():
    answers = {"zz": "complied", "98": "complied", "3": "maybe"}
    answers.update(all_complied())
    answers["3"] = "maybe"
    answers["yy"] = "complied"
    answers["99"] = "complied"
    assert codes(check(answers)) == [
        ("INVALID_ANSWER", 3),
        ("INVALID_ANSWER", 98),
        ("INVALID_ANSWER", 99),
        ("INVALID_ANSWER", "zz"),
        ("INVALID_ANSWER", "yy"),
    ]


def test_the_fee_is_written_as_a_whole_number_of_pounds_when_it_is_one():
    assert json.dumps(check(all_complied())["fee"]) == "200"


def test_with_no_fees_at_all_nothing_is_in_force():
    with pytest.raises(MalformedInput, match="^submitted_on: is before any fee was in force$"):
        check(all_complied(), fees=[])


def test_errors_are_in_the_order_of_the_standards_then_the_keys_as_given():
    answers = all_complied()
    for key in ("b", "a"):
        answers[key] = "complied"
    del answers["40"], answers["7"]
    answers["99"] = "complied"
    assert [e["standard"] for e in check(answers)["errors"]] == [7, 40, 99, "b", "a"]


@pytest.mark.parametrize(
    ("submitted", "deadline"),
    [
        ("2026-01-31", "2026-08-31"),
        ("2026-07-31", "2027-02-28"),
        ("2027-07-31", "2028-02-29"),  # leap year
        ("2027-07-29", "2028-02-29"),
        ("2027-07-28", "2028-02-28"),
        ("2099-07-30", "2100-02-28"),  # 2100 is not a leap year
        ("2399-07-30", "2400-02-29"),  # 2400 is
        ("2026-03-31", "2026-10-31"),
        ("2026-05-31", "2026-12-31"),
        ("2026-06-30", "2027-01-30"),
        ("2026-08-31", "2027-03-31"),
        ("2026-09-30", "2027-04-30"),
        ("2026-10-31", "2027-05-31"),
        ("2026-11-30", "2027-06-30"),
        ("2026-12-31", "2027-07-31"),
        ("2026-04-30", "2026-11-30"),
        ("2026-02-28", "2026-09-28"),
        ("2026-01-01", "2026-08-01"),
    ],
)
def test_the_remediation_deadline_is_seven_months_on_clamped_to_the_month_end(submitted, deadline):
    assert remediation_deadline(date.fromisoformat(submitted)).isoformat() == deadline
    assert (
        check(all_complied(_9="partial"), submitted_on=submitted)["remediation_deadline"]
        == deadline
    )


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9000, 12, 31)), st.integers(0, 120))
def test_months_after_keeps_the_day_or_clamps_to_the_month_end(day, months):
    later = months_after(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    if later.day != day.day:
        assert later.day < day.day
        assert (later + timedelta(days=1)).day == 1  # the last day of its month


@pytest.mark.parametrize(
    ("corporate_member", "fee"),
    [(True, 200), (False, 350)],
)
def test_the_fee_for_twelve_months_whatever_the_verdict(corporate_member, fee):
    incomplete = {"1": "complied"}
    for answers in (all_complied(), all_complied(_4="partial"), incomplete):
        assert check(answers, corporate_member=corporate_member)["fee"] == fee


def test_the_fee_is_the_one_in_force_on_the_day_of_submission():
    later = FeeSchedule(
        effective_from=date(2026, 4, 1),
        corporate_member=Decimal("225.50"),
        other=Decimal("395"),
        corporate_membership=Decimal("195"),
    )
    fees = [later, *FEES]
    assert check(all_complied(), submitted_on="2026-03-31", fees=fees)["fee"] == 200
    assert check(all_complied(), submitted_on="2026-04-01", fees=fees)["fee"] == 225.5
    assert (
        check(all_complied(), submitted_on="2026-04-01", fees=fees, corporate_member=False)["fee"]
        == 395
    )
    assert fee_in_force(fees, date(2012, 1, 1)) == FEES[0]
    assert fee_in_force(fees, date(2011, 12, 31)) is None
    assert accreditation_fee(later, corporate_member=True) == Decimal("225.50")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "^must be an object$"),
        ("x", "^must be an object$"),
        ({"submitted_on": "2026-01-01", "corporate_member": True}, "^answers: is required$"),
        (
            {"submitted_on": "2026-01-01", "corporate_member": True, "answers": []},
            "^answers: must be an object$",
        ),
        ({"corporate_member": True, "answers": {}}, "^submitted_on: is required$"),
        (
            {"submitted_on": "2026-02-30", "corporate_member": True, "answers": {}},
            "^submitted_on: is not a date in the calendar$",
        ),
        (
            {"submitted_on": "31/01/2026", "corporate_member": True, "answers": {}},
            "^submitted_on: must be a date written YYYY-MM-DD$",
        ),
        (
            {"submitted_on": 20260101, "corporate_member": True, "answers": {}},
            "^submitted_on: must be a date written YYYY-MM-DD$",
        ),
        ({"submitted_on": "2026-01-01", "answers": {}}, "^corporate_member: is required$"),
        (
            {"submitted_on": "2026-01-01", "corporate_member": "yes", "answers": {}},
            "^corporate_member: must be true or false$",
        ),
        (
            {"submitted_on": "2011-12-31", "corporate_member": True, "answers": {}},
            r"^submitted_on: is before any fee was in force \(the first is from 2012-01-01\)$",
        ),
    ],
)
def test_malformed_input_names_the_place(document, message):
    with pytest.raises(MalformedInput, match=message):
        assessment_check(document, shape=IQS, fees=FEES)


ANSWER = st.sampled_from(ANSWERS)


@given(st.dictionaries(st.sampled_from(IQS.numbers), ANSWER, min_size=71))
def test_a_complete_assessment_lists_exactly_the_standards_whose_worst_answer_fails(answers):
    result = check({str(n): a for n, a in answers.items()})
    expected = set()
    for number in IQS.numbers:
        group = [number, *SUBITEMS.get(number, [])]
        given_answers = [
            "not_complied" if (n == 55 and answers[n] == "n/a") else answers[n] for n in group
        ]
        if "partial" in given_answers or "not_complied" in given_answers:
            expected.add(number)
    assert result["non_compliant"] == sorted(expected)
    assert result["status"] == ("partially_compliant" if expected else "compliant")
    assert (result["remediation_deadline"] is None) == (not expected)
    assert all(e["code"] == "NA_NOT_ALLOWED" for e in result["errors"])


@given(
    st.dictionaries(st.sampled_from(IQS.numbers), ANSWER, max_size=70),
    st.dictionaries(st.text(max_size=4), ANSWER, max_size=3),
)
def test_an_assessment_missing_any_standard_is_incomplete(answers, extra):
    document = {str(n): a for n, a in answers.items()}
    document.update({k: v for k, v in extra.items() if k not in document})
    result = check(document)
    assert result["status"] == "incomplete"
    assert result["non_compliant"] is None
    missing = sorted(
        set(IQS.numbers)
        - {int(k) for k in document if k.isascii() and k.isdigit() and str(int(k)) == k}
    )
    assert [e["standard"] for e in result["errors"] if e["code"] == "MISSING_ANSWER"] == missing
