"""Dates given as ISO text (a check's JSON) shown in words in templates."""

import pytest


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2028-07-13", "13 July 2028"),
        ("2024-02-29", "29 February 2024"),
        ("", ""),
        (None, ""),
        ("not a date", "not a date"),
    ],
)
def test_iso_dates_in_words_in_templates(value, words):
    from touchstone.core.templatetags.dates import iso_in_words

    assert iso_in_words(value) == words
