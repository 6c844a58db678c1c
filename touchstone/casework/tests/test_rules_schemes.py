"""Every move of both schemes, allowed and refused, as a table written out here (not read
from the files it checks), and the same rule as a property over any stages and roles."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.casework.reference import read_scheme_file, scheme_files
from touchstone.casework.rules import (
    SchemeError,
    conclusion_refusal,
    move_refusal,
    reopen_refusal,
    scheme_read,
)

SCHEMES = {path.stem: read_scheme_file(path) for path in scheme_files()}

# (scheme, from, to) of every allowed move; every other pair of stages is refused.
ALLOWED = {
    "ombudsman": {
        ("received", "triage"),
        ("received", "concluded"),
        ("triage", "investigation"),
        ("triage", "concluded"),
        ("investigation", "decision"),
        ("investigation", "concluded"),
        ("decision", "investigation"),
        ("decision", "concluded"),
    },
    "conduct": {
        ("received", "assessment"),
        ("received", "concluded"),
        ("assessment", "investigation"),
        ("assessment", "concluded"),
        ("investigation", "decision_delegated"),
        ("investigation", "decision_panel"),
        ("investigation", "decision_tribunal"),
        ("decision_delegated", "decision_panel"),
        ("decision_delegated", "concluded"),
        ("decision_panel", "decision_tribunal"),
        ("decision_panel", "concluded"),
        ("decision_tribunal", "concluded"),
    },
}
# Who may move a case on from each stage.
ACTORS = {
    "ombudsman": {
        "received": {"caseworker", "officer", "admin"},
        "triage": {"caseworker", "officer", "admin"},
        "investigation": {"caseworker", "officer", "admin"},
        "decision": {"officer", "admin"},
        "concluded": set(),
    },
    "conduct": {
        "received": {"caseworker", "officer", "admin"},
        "assessment": {"caseworker", "officer", "admin"},
        "investigation": {"caseworker", "officer", "admin"},
        "decision_delegated": {"officer"},
        "decision_panel": {"committee_member"},
        "decision_tribunal": {"committee_member"},
        "concluded": set(),
    },
}
ROLES = ("admin", "officer", "caseworker", "committee_member", "board_member", "manager")
PAIRS = [
    (scheme, current, target)
    for scheme, stages in ACTORS.items()
    for current, target in itertools.product(stages, stages)
]


def test_the_tables_name_every_stage_of_the_shipped_schemes():
    for code, scheme in SCHEMES.items():
        assert {s["code"] for s in scheme["stages"]} == set(ACTORS[code])
        assert {tuple(m) for m in scheme["moves"]} == ALLOWED[code]


@pytest.mark.parametrize(("scheme", "current", "target"), PAIRS)
def test_each_move_is_allowed_or_refused_as_the_table_says(scheme, current, target):
    data = SCHEMES[scheme]
    allowed = (current, target) in ALLOWED[scheme]
    for role in ROLES:
        refusal = move_refusal(data, current, target, {role})
        if allowed and role in ACTORS[scheme][current]:
            assert refusal is None, (role, refusal)
        else:
            assert refusal, role
    if not allowed:
        assert move_refusal(data, current, target, set(ROLES))


@pytest.mark.parametrize(
    ("scheme", "current", "target", "words"),
    [
        ("ombudsman", "triage", "decision", "A case at Triage cannot move to Ombudsman's decision"),
        ("ombudsman", "concluded", "investigation", "reopen it, with a reason"),
        ("ombudsman", "triage", "nowhere", "nowhere is not a stage"),
        ("ombudsman", "decision", "concluded", "Only a officer or admin may move"),
        ("conduct", "decision_panel", "concluded", "Only a committee member may move"),
    ],
)
def test_a_refusal_says_why(scheme, current, target, words):
    assert words in move_refusal(SCHEMES[scheme], current, target, {"caseworker"})


@given(
    scheme=st.sampled_from(sorted(SCHEMES)),
    current=st.sampled_from(sorted({s for stages in ACTORS.values() for s in stages})),
    target=st.sampled_from(sorted({s for stages in ACTORS.values() for s in stages} | {"x"})),
    roles=st.sets(st.sampled_from(ROLES)),
)
def test_a_move_is_allowed_exactly_when_the_scheme_has_it_and_a_role_may_act(
    scheme, current, target, roles
):
    allowed = (current, target) in ALLOWED[scheme] and bool(
        roles & ACTORS[scheme].get(current, set())
    )
    assert (move_refusal(SCHEMES[scheme], current, target, roles) is None) == allowed


@pytest.mark.parametrize(
    ("scheme", "stage", "outcome", "remedy", "refused"),
    [
        ("ombudsman", "investigation", "remedy", "apology", False),
        ("ombudsman", "investigation", "upheld", "", True),  # not an outcome of the scheme
        ("ombudsman", "investigation", "", "", True),
        ("ombudsman", "investigation", "remedy", "suspension", True),  # a conduct sanction
        ("conduct", "decision_delegated", "proved", "warning", False),
        ("conduct", "decision_delegated", "proved", "suspension", True),  # the tribunal's only
        ("conduct", "decision_tribunal", "proved", "suspension", False),
        ("conduct", "investigation", "proved", "", True),  # no move to concluded from there
    ],
)
def test_conclusion_needs_an_outcome_and_a_remedy_the_stage_may_give(
    scheme, stage, outcome, remedy, refused
):
    refusal = conclusion_refusal(SCHEMES[scheme], stage, outcome, remedy, set(ROLES))
    assert bool(refusal) == refused, refusal


@pytest.mark.parametrize(
    ("stage", "reason", "roles", "refused"),
    [
        ("concluded", "New evidence", {"caseworker"}, False),
        ("concluded", "  ", {"caseworker"}, True),
        ("investigation", "New evidence", {"caseworker"}, True),
        ("concluded", "New evidence", {"board_member"}, True),
    ],
)
def test_only_a_concluded_case_reopens_and_only_with_a_reason(stage, reason, roles, refused):
    assert bool(reopen_refusal(SCHEMES["ombudsman"], stage, reason, roles)) == refused


def _broken(**changes) -> dict:
    data = {k: v for k, v in SCHEMES["ombudsman"].items() if k != "moves"}
    return {**data, **changes}


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (_broken(first_stage=""), "missing first_stage"),
        (_broken(reopen_to="appeal"), "reopen_to appeal is not one of its stages"),
        (_broken(transitions=[{"from": "received", "to": "appeal"}]), "names no stage"),
        (_broken(transitions=[{"from": "concluded", "to": "triage"}]), "only by reopening"),
        (_broken(transitions=[]), "no transitions"),
        (_broken(outcomes=[{"code": "a"}, {"code": "a"}]), "repeat a code"),
        (_broken(time_targets={"high": 365}), "time_targets"),
        (_broken(remedies=[{"code": "fine", "by": ["panel"]}]), "is given by no stage"),
        ("not a mapping", "a scheme is a mapping"),
    ],
)
def test_a_scheme_that_does_not_hold_together_is_refused(data, words):
    with pytest.raises(SchemeError, match=words):
        scheme_read(data)
