"""The complaint form's page rules: which pages are still to answer, where to go next, and the
complaint in words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.casework.rules.complaints import PAGES, missing_pages, next_page, summary_text

NAMES = [page for page, _title in PAGES]


@pytest.mark.parametrize(
    ("answered", "expected"),
    [
        ((), "you"),
        (("you",), "for-whom"),
        (("you", "for-whom", "what-happened"), "provider"),
        (tuple(NAMES[:-1]), "outcome"),
        (tuple(NAMES), "check"),
        (tuple(NAMES[1:]), "you"),
    ],
)
def test_the_next_page_is_the_first_unanswered(answered, expected):
    assert next_page({page: {"x": 1} for page in answered}) == expected


@given(st.sets(st.sampled_from(NAMES)))
def test_missing_pages_are_the_unanswered_in_the_forms_order(answered):
    answers = {page: {"x": 1} for page in answered}
    missing = missing_pages(answers)
    titles = dict(PAGES)
    assert missing == [titles[page] for page in NAMES if page not in answered]
    assert (next_page(answers) == "check") == (not missing)


def test_an_empty_page_counts_as_unanswered():
    assert next_page({"you": {}}) == "you"


def test_the_complaint_in_words():
    text = summary_text(
        {
            "what-happened": {"what_happened": "Lost deeds", "happened_on": "2025-02-03"},
            "complained-first": {"complained_first": "yes", "complained_on": "2025-03-01"},
            "outcome": {"remedies": ["apology", "other"], "details": "Sorry would do."},
        },
        {"apology": "Apology"},
    )
    assert text.splitlines() == [
        "What happened (from 2025-02-03):",
        "Lost deeds",
        "",
        "Complained to the provider first: yes, on 2025-03-01",
        "Would like: Apology, other",
        "Sorry would do.",
    ]
