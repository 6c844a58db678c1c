"""Step 4's pure rules beyond what it needs: the application form's answers, checked question
by question, and the declarations (the exact words each signer signs and the SHA-256 kept of
them, §47, §52)."""

import hashlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.rights.rules import (
    APPLICATION_FORM,
    TEXT_LIMIT,
    Example,
    application_missing,
    declaration_statement,
    form_errors,
    signed_name_matches,
    statement_sha256,
)
from touchstone.rights.tests.test_rules_application import READY

ANSWERS = {
    "address": "1 High Street\nBedford",
    "phone": "01632 960 001",
    "employer": "Bedford Law",
    "job_title": "Paralegal",
    "membership_number": "",
    "character": "no",
    "character_details": "",
}


def phone_ok(text: str) -> bool:
    return text.replace(" ", "").isdigit() and len(text.replace(" ", "")) == 11


def errors(**changes) -> dict:
    return form_errors({**ANSWERS, **changes}, phone_ok=phone_ok)


def test_a_complete_form_has_no_errors_and_every_question_is_asked_once():
    assert errors() == {}
    codes = [q.code for q in APPLICATION_FORM]
    assert len(codes) == len(set(codes)) and set(codes) == set(ANSWERS)


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"address": ""}, {"address": "Enter your address for letters."}),
        ({"address": "   "}, {"address": "Enter your address for letters."}),
        ({"phone": ""}, {"phone": "Enter your telephone number."}),
        (
            {"phone": "0163"},
            {"phone": "Enter a telephone number, like 01632 960 001 or +44 7700 900 982."},
        ),
        ({"employer": ""}, {"employer": "Enter your employer."}),
        ({"job_title": None}, {"job_title": "Enter your job title."}),
        ({"membership_number": ""}, {}),  # optional
        ({"character": ""}, {"character": "Answer yes or no."}),
        ({"character": "Yes"}, {"character": "Answer yes or no."}),
        ({"character": "yes"}, {"character_details": "Give the details of what happened."}),
        ({"character": "yes", "character_details": "A caution in 2010."}, {}),
        ({"character": "no", "character_details": "ignored"}, {}),
        ({"employer": "x" * TEXT_LIMIT}, {}),
        ({"employer": "x" * (TEXT_LIMIT + 1)}, {"employer": "Use 2000 characters or fewer."}),
        ({"address": 12}, {"address": "Enter your address for letters."}),  # not text
    ],
)
def test_each_answer_is_checked(changes, expected):
    assert errors(**changes) == expected


def test_the_phone_check_is_the_callers():
    assert form_errors(ANSWERS, phone_ok=lambda text: False) == {
        "phone": "Enter a telephone number, like 01632 960 001 or +44 7700 900 982."
    }


def test_an_incomplete_form_is_the_first_thing_needed():
    needed = application_missing(**READY, form_complete=False)
    assert [n.code for n in needed] == ["FORM_INCOMPLETE"]
    assert needed[0].message == "Complete the application form (handbook §59)."
    assert application_missing(**READY) == []


EXAMPLES = [Example("1.1(1)", "IMM/1 asylum claim"), Example("2.3", "Personal statement")]


def statement(role: str = "applicant", **changes) -> str:
    given = {
        "role": role,
        "signer": "Priya Shah",
        "applicant": "Priya Shah",
        "title": "Chartered Legal Executive (Immigration)",
        "reference": "PR-7",
        "submitted_on": date(2026, 2, 9),
        "scheme_version": "2024.1",
        "examples": EXAMPLES,
    }
    return declaration_statement(**{**given, **changes})


def test_the_applicants_words_name_the_application_and_every_example():
    words = statement()
    assert words.splitlines()[0] == (
        "Application PR-7 to become a Chartered Legal Executive (Immigration), made by "
        "Priya Shah on 9 February 2026 under version 2024.1 of the scheme."
    )
    assert "I, Priya Shah, declare that:" in words
    assert "is my own (handbook §47)" in words
    assert words.endswith("- 1.1(1): IMM/1 asylum claim\n- 2.3: Personal statement")


def test_the_supervisors_words_are_theirs():
    words = statement("supervisor", signer="Ann Lee")
    assert "I, Ann Lee, declare that:" in words
    assert "Priya Shah's portfolio" in words and "(handbook §52)" in words
    assert "is my own" not in words


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="unknown role"):
        statement("witness")


@pytest.mark.parametrize(
    "changes",
    [
        {"reference": "PR-8"},
        {"submitted_on": date(2026, 2, 10)},
        {"scheme_version": "2025.1"},
        {"examples": EXAMPLES[:1]},
        {"examples": [Example("1.1(1)", "IMM/2 asylum claim"), EXAMPLES[1]]},
        {"signer": "Priya A Shah"},
    ],
)
def test_any_change_to_what_is_signed_changes_its_hash(changes):
    assert statement_sha256(statement(**changes)) != statement_sha256(statement())


@given(st.text())
def test_the_hash_is_sha256_of_the_utf8_words(text):
    digest = statement_sha256(text)
    assert digest == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert len(digest) == 64 and digest == digest.lower()


@pytest.mark.parametrize(
    "typed, expected, matches",
    [
        ("Priya Shah", "Priya Shah", True),
        ("  priya   SHAH ", "Priya Shah", True),
        ("Priya", "Priya Shah", False),
        ("Priya Shah-Khan", "Priya Shah", False),
        ("", "Priya Shah", False),
    ],
)
def test_the_name_typed_must_be_the_name_it_was_sent_to(typed, expected, matches):
    assert signed_name_matches(typed, expected) is matches


@given(st.text(alphabet=st.characters(categories=["L", "Zs"])).filter(str.strip))
def test_a_name_matches_itself_spaced_out_but_never_with_a_word_more(name):
    assert signed_name_matches(f"  {'  '.join(name.split())} ", name)
    assert not signed_name_matches(f"{name} Extra", name)


def test_the_words_signed_are_exactly_these():
    """What a signer signs is kept by its hash: the words are pinned here, line for line."""
    head = (
        "Application PR-7 to become a Chartered Legal Executive (Immigration), made by "
        "Priya Shah on 9 February 2026 under version 2024.1 of the scheme."
    )
    examples = ["The examples in the portfolio:", *(f"- {e.example}: {e.matter}" for e in EXAMPLES)]
    assert statement().split("\n") == [
        head,
        "",
        "I, Priya Shah, declare that:",
        "- the work in my portfolio, listed below, is my own (handbook §47);",
        "- the information I have given in this application is true and complete; and",
        "- I will tell the regulator at once if any of it changes before a decision.",
        "",
        *examples,
    ]
    assert statement("supervisor", signer="Ann Lee").split("\n") == [
        head,
        "",
        "I, Ann Lee, declare that:",
        "- the work in Priya Shah's portfolio, listed below, is their own and was done under "
        "my supervision (handbook §52); and",
        "- the reference I gave in support of this application is true.",
        "",
        *examples,
    ]
