"""Step 1, technical knowledge: the states and moves (every move in the table, nothing else),
the qualifications' codes, and what the evidence lacks before it can be submitted."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.rights.rules import (
    KNOWLEDGE_STATES,
    ROUTES,
    StateError,
    accredited_qualifications,
    knowledge_missing,
    knowledge_moves,
    knowledge_next,
    qualification_code,
)

ALLOWED = [
    ("draft", "submit", "applicant", "submitted"),
    ("submitted", "meets", "officer", "met"),
    ("submitted", "does_not_meet", "officer", "not_met"),
    ("not_met", "reopen", "applicant", "draft"),
]
ACTIONS = sorted({a for _, a, _, _ in ALLOWED} | {"refer"})
PEOPLE = ("applicant", "officer")
CPQ = "cilex-professional-qualification-cpq"
LISTED = [
    "CILEX Professional Qualification (CPQ)",
    "Bloomsbury Institute LLB (Hons) Law and Legal Practice",
]


@pytest.mark.parametrize(("state", "action", "by", "to"), ALLOWED)
def test_each_allowed_move(state, action, by, to):
    assert knowledge_next(state, action, by) == to


@pytest.mark.parametrize(("state", "action", "by", "to"), ALLOWED)
def test_the_other_person_cannot_take_it(state, action, by, to):
    other = "officer" if by == "applicant" else "applicant"
    with pytest.raises(StateError, match=f"Only the {by}"):
        knowledge_next(state, action, other)


@given(st.sampled_from(sorted(KNOWLEDGE_STATES)), st.sampled_from(ACTIONS), st.sampled_from(PEOPLE))
def test_nothing_outside_the_table_is_allowed(state, action, by):
    allowed = {(s, a, b): t for s, a, b, t in ALLOWED}
    if (state, action, by) in allowed:
        assert knowledge_next(state, action, by) == allowed[(state, action, by)]
    else:
        with pytest.raises(StateError):
            knowledge_next(state, action, by)


def test_met_is_final_there_is_no_committee_and_the_message_names_the_step():
    assert knowledge_moves("met") == ()
    with pytest.raises(StateError, match="technical knowledge is 'meets the requirement'"):
        knowledge_next("met", "reopen", "applicant")
    with pytest.raises(StateError, match="'submitted for assessment'"):
        knowledge_next("submitted", "refer", "officer")
    with pytest.raises(StateError, match="^unknown state 'lost'$"):
        knowledge_moves("lost")


def test_every_move_leads_to_a_state():
    for state in KNOWLEDGE_STATES:
        for move in knowledge_moves(state):
            assert move.to in KNOWLEDGE_STATES and move.words and move.by in PEOPLE
    assert [m.action for m in knowledge_moves("submitted", "officer")] == [
        "meets",
        "does_not_meet",
    ]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("CILEX Professional Qualification (CPQ)", CPQ),
        ("Datalaw Level 6 Law and Practice Diploma", "datalaw-level-6-law-and-practice-diploma"),
        ("  Odd -- spacing!  ", "odd-spacing"),
    ],
)
def test_a_qualification_named_in_words_has_a_code(name, code):
    assert qualification_code(name) == code


def test_the_schemes_list_may_give_codes_of_its_own():
    assert accredited_qualifications([*LISTED, {"code": "x1", "name": "X"}]) == (
        (CPQ, LISTED[0]),
        ("bloomsbury-institute-llb-hons-law-and-legal-practice", LISTED[1]),
        ("x1", "X"),
    )
    assert accredited_qualifications(None) == ()


CODES = [code for code, _ in accredited_qualifications(LISTED)]
ROUTE_NEEDED = "Choose whether you have an accredited qualification or ask for recognition."
MISSING = [
    # route, qualification, description, document → what is missing
    ("", "", "", False, [ROUTE_NEEDED]),
    ("other", CPQ, "x", True, [ROUTE_NEEDED]),
    (
        "accredited",
        "",
        "",
        False,
        ["Choose your accredited qualification.", "Upload your certificate."],
    ),
    ("accredited", CPQ, "", False, ["Upload your certificate."]),
    ("accredited", "", "", True, ["Choose your accredited qualification."]),
    (
        "accredited",
        "llm",
        "",
        True,
        ["Choose one of the accredited qualifications the scheme lists."],
    ),
    ("accredited", CPQ, "", True, []),
    (
        "recognition",
        "",
        "  ",
        False,
        [
            "Describe the legal qualifications you want recognised.",
            "Upload at least one document showing your qualifications.",
        ],
    ),
    (
        "recognition",
        "",
        "LLB, 2009",
        False,
        ["Upload at least one document showing your qualifications."],
    ),
    ("recognition", "", "", True, ["Describe the legal qualifications you want recognised."]),
    ("recognition", CPQ, "LLB, 2009", True, []),
]


@pytest.mark.parametrize(("route", "qualification", "description", "document", "missing"), MISSING)
def test_what_is_missing(route, qualification, description, document, missing):
    assert (
        knowledge_missing(
            route=route,
            qualification=qualification,
            description=description,
            has_document=document,
            qualifications=CODES,
        )
        == missing
    )


@given(
    route=st.sampled_from(["", *ROUTES]),
    qualification=st.sampled_from(["", "llm", *CODES]),
    description=st.text(max_size=20),
    document=st.booleans(),
)
def test_complete_evidence_is_exactly_what_the_route_needs(
    route, qualification, description, document
):
    missing = knowledge_missing(
        route=route,
        qualification=qualification,
        description=description,
        has_document=document,
        qualifications=CODES,
    )
    complete = (route == "accredited" and qualification in CODES and document) or (
        route == "recognition" and bool(description.strip()) and document
    )
    assert (missing == []) == complete
    assert all(m.endswith(".") for m in missing)
    assert not document or not any("Upload" in m for m in missing)


def test_a_long_qualifications_code_is_cut_at_80_characters():
    code = qualification_code("Diploma " * 20)
    assert len(code) == 80 and code.startswith("diploma-diploma")
