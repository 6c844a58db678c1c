"""Step 4's pure rules: what an application needs before it is submitted (§58-62), and its
states and moves as a table."""

from collections import deque
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.rights.rules import (
    APPLICATION_MOVES,
    APPLICATION_STATES,
    PORTFOLIO_EDITABLE,
    StateError,
    application_missing,
    application_moves,
    application_next,
    experience_next,
    knowledge_moves,
    knowledge_next,
    scheme_fee,
)
from touchstone.rights.tests.build import immigration, probate

APPLIED = date(2026, 8, 31)
READY = {
    "knowledge_state": "met",
    "experience_state": "met",
    "portfolio_complete": True,
    "portfolio_errors": 0,
    "reference_given_on": date(2026, 5, 1),
    "application_date": APPLIED,
    "reuse_months": 6,
}


def codes(**changes) -> list[str]:
    return [n.code for n in application_missing(**{**READY, **changes})]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"knowledge_state": "submitted"}, ["KNOWLEDGE_NOT_MET"]),
        ({"experience_state": "referred"}, ["EXPERIENCE_NOT_MET"]),
        ({"portfolio_complete": False, "portfolio_errors": 3}, ["PORTFOLIO_INCOMPLETE"]),
        ({"reference_given_on": None}, ["REFERENCE_MISSING"]),
        # §62: less than 6 months before the application date. 31 August back 6 months is
        # 28 February (no 31st): a reference of that day is not less than 6 months old.
        ({"reference_given_on": date(2026, 2, 28)}, ["REFERENCE_TOO_OLD"]),
        ({"reference_given_on": date(2026, 3, 1)}, []),
        ({"reference_given_on": APPLIED}, []),
        ({"reference_given_on": date(2026, 9, 1)}, ["REFERENCE_TOO_OLD"]),  # after the date
        ({"reuse_months": None}, ["REFERENCE_TOO_OLD"]),  # a scheme that reuses none
        (
            {"knowledge_state": "draft", "experience_state": "draft", "reference_given_on": None},
            ["KNOWLEDGE_NOT_MET", "EXPERIENCE_NOT_MET", "REFERENCE_MISSING"],
        ),
    ],
)
def test_what_an_application_needs_before_it_is_submitted(changes, expected):
    assert codes(**changes) == expected


def test_each_need_names_its_paragraph():
    everything = application_missing(
        **{
            **READY,
            "knowledge_state": "draft",
            "experience_state": "draft",
            "portfolio_complete": False,
            "portfolio_errors": 1,
            "reference_given_on": None,
        }
    )
    assert len(everything) == 4
    assert all("§" in n.message for n in everything)
    assert "1 thing to put right" in everything[2].message


def test_every_move_leads_to_a_state_and_every_state_is_reached_from_draft():
    assert set(APPLICATION_MOVES) == set(APPLICATION_STATES)
    reached, queue = {"draft"}, deque(["draft"])
    while queue:
        for move in APPLICATION_MOVES[queue.popleft()]:
            assert move.to in APPLICATION_STATES
            if move.to not in reached:
                reached.add(move.to)
                queue.append(move.to)
    assert reached == set(APPLICATION_STATES)
    assert {s for s, moves in APPLICATION_MOVES.items() if not moves} == {"approved", "refused"}
    assert set(APPLICATION_STATES) >= PORTFOLIO_EDITABLE


@pytest.mark.parametrize(
    ("state", "action", "by", "to"),
    [
        ("draft", "submit", "applicant", "submitted"),
        ("submitted", "raise_invoice", "system", "fee_due"),
        ("fee_due", "record_payment", "officer", "declarations_pending"),
        ("declarations_pending", "declarations_signed", "system", "under_assessment"),
        ("under_assessment", "approve", "officer", "approved"),
        ("under_assessment", "request_information", "officer", "information_requested"),
        ("information_requested", "resubmit", "applicant", "resubmitted"),
        ("resubmitted", "refer", "officer", "referred"),
        ("referred", "refuse", "officer", "refused"),
    ],
)
def test_the_journey_of_an_application(state, action, by, to):
    assert application_next(state, action, by) == to


@pytest.mark.parametrize(
    ("state", "action", "by", "words"),
    [
        ("draft", "approve", "officer", "cannot be done while the application is 'not submitted'"),
        ("under_assessment", "approve", "applicant", "Only the officer"),
        ("fee_due", "record_payment", "applicant", "Only the officer"),
        ("declarations_pending", "declarations_signed", "officer", "Only the system"),
        ("under_assessment", "refuse", "officer", "cannot be done"),  # only the committee
    ],
)
def test_a_move_the_state_does_not_allow_is_refused_in_words(state, action, by, words):
    with pytest.raises(StateError, match=words):
        application_next(state, action, by)


@given(st.lists(st.tuples(st.sampled_from(["applicant", "officer", "system"]), st.integers(0, 5))))
def test_any_run_of_moves_stays_in_the_table(steps):
    state = "draft"
    for by, pick in steps:
        offered = application_moves(state, by)
        if not offered:
            continue
        move = offered[pick % len(offered)]
        state = application_next(state, move.action, by)
        assert state in APPLICATION_STATES
    if state in ("approved", "refused"):
        assert application_moves(state) == ()


def test_a_fee_is_read_from_the_scheme_and_may_await_its_amount():
    shipped = scheme_fee(immigration(), "qualifying_experience_assessment")
    assert shipped.paragraph == "21" and shipped.amount is None  # the handbook gives none
    assert "non-refundable" in shipped.name
    assert scheme_fee(immigration(), "no_such_fee") is None
    assert scheme_fee(probate(), "qualifying_experience_assessment") is None  # none charged
    priced = immigration().__class__(
        **{
            **immigration().__dict__,
            "facts": (("fees", [{"code": "x", "name": "X fee", "amount": "125.50"}]),),
        }
    )
    assert scheme_fee(priced, "x").amount == Decimal("125.50")


def test_each_need_is_worded_exactly():
    words = {
        n.code: n.message
        for n in application_missing(
            **{
                **READY,
                "knowledge_state": "draft",
                "experience_state": "draft",
                "portfolio_complete": False,
                "portfolio_errors": 2,
                "reference_given_on": None,
            }
        )
    }
    assert words == {
        "KNOWLEDGE_NOT_MET": "Your technical knowledge must be confirmed first (§12).",
        "EXPERIENCE_NOT_MET": "We must first confirm your qualifying experience meets the "
        "requirement (handbook §58).",
        "PORTFOLIO_INCOMPLETE": "Your portfolio is not complete: 2 things to put right "
        "(handbook §59).",
        "REFERENCE_MISSING": "A reference from your supervisor is needed (§59, §62).",
    }
    (old,) = application_missing(**{**READY, "reference_given_on": date(2025, 1, 1)})
    assert old.message == (
        "Your supervisor's reference must be dated less than 6 months before the application: "
        "ask for a new one (handbook §62)."
    )


def test_a_scheme_that_reuses_no_reference_wants_a_new_one_even_of_that_day():
    assert codes(reuse_months=None, reference_given_on=APPLIED) == ["REFERENCE_TOO_OLD"]
    assert codes(reuse_months=0, reference_given_on=APPLIED) == ["REFERENCE_TOO_OLD"]


def test_a_fee_keeps_its_code_and_paragraph_and_an_unreadable_amount_is_to_be_confirmed():
    def scheme_with(fee):
        return immigration().__class__(**{**immigration().__dict__, "facts": (("fees", [fee]),)})

    plain = scheme_fee(scheme_with({"code": "x", "name": "X fee", "amount": 10}), "x")
    assert (plain.code, plain.paragraph, plain.amount) == ("x", "", Decimal("10"))
    assert scheme_fee(scheme_with({"code": "x", "amount": "ten pounds"}), "x").amount is None
    assert scheme_fee(scheme_with({"code": "x"}), "x").name == "x"


@pytest.mark.parametrize(
    ("check", "words"),
    [
        (
            lambda: experience_next("met", "submit", "applicant"),
            "That cannot be done while the qualifying experience is 'meets the requirement'.",
        ),
        (
            lambda: knowledge_next("met", "submit", "applicant"),
            "That cannot be done while the technical knowledge is 'meets the requirement'.",
        ),
        (
            lambda: application_next("approved", "submit", "applicant"),
            "That cannot be done while the application is 'approved'.",
        ),
    ],
)
def test_each_steps_refusal_names_the_step(check, words):
    with pytest.raises(StateError) as refused:
        check()
    assert str(refused.value) == words


def test_a_steps_moves_for_one_person_are_theirs_only():
    assert knowledge_moves("submitted", "applicant") == ()
    assert {m.by for m in knowledge_moves("submitted")} == {"officer"}
    assert [m.action for m in application_moves("fee_due", "applicant")] == []
