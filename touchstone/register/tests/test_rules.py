from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.register.rules import (
    CpdActivityData,
    cpd_status,
    deletion_keys,
    finding_is_public,
    finding_publication,
    fold,
    monitoring_sample,
    name_matches,
    name_words,
    normalise_town,
    one_typo_apart,
    order_name,
    postcode_prefix,
    status_in_words,
)


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("MK40", "mk40"),
        ("mk40 1ab", "mk401ab"),
        ("SW1A 1AA", "sw1a1aa"),
        ("M1", "m1"),
        ("B", ""),  # a letter alone could start a town
        ("Bedford", ""),
        ("Newcastle upon Tyne", ""),
        ("1AB", ""),
        ("", ""),
        ("ABC1", ""),  # three letters: no UK postcode starts so
    ],
)
def test_postcode_prefix_tells_postcodes_from_towns(text, prefix):
    assert postcode_prefix(text) == prefix


@pytest.mark.parametrize(
    ("kind", "given", "family", "entity", "ordered"),
    [
        ("individual", "John", "Smith", "", "smith john"),
        ("individual", "Zoë Anne", "O'Brien", "", "obrien zoe anne"),
        ("individual", "", "Ó Súilleabháin", "", "o suilleabhain"),
        ("entity", "", "", "Smith Legal LLP", "smith legal llp"),
    ],
)
def test_the_register_is_ordered_by_family_name_without_titles(
    kind, given, family, entity, ordered
):
    assert (
        order_name(kind=kind, given_names=given, family_name=family, entity_name=entity) == ordered
    )


@pytest.mark.parametrize(
    ("text", "town"),
    [("  King's   Lynn ", "king's lynn"), ("MÁLAGA", "malaga"), ("", ""), ("York", "york")],
)
def test_towns_are_searched_folded_and_single_spaced(text, town):
    assert normalise_town(text) == town


@pytest.mark.parametrize(
    ("query", "name", "matches"),
    [
        ("Jon Smyth", "John Smith", True),
        ("john smith", "JOHN SMITH", True),
        ("Smith John", "John Smith", True),
        ("Zoe", "Zoë Brown", True),
        ("chloe patel", "Chloé Patel", True),
        ("Jhon", "John Smith", True),  # neighbouring letters swapped
        ("Jo Smith", "John Smith", False),  # two letters missing
        ("Jonn Smithe", "John Smith", True),
        ("Jane Smith", "John Smith", False),
        ("obrien", "Sean O'Brien", True),
        ("John John", "John Smith", False),  # each query word needs its own name word
        ("Li", "Mei Lee", False),  # short words must match exactly
        ("Lee", "Mei Lee", True),
    ],
)
def test_tolerant_name_matching(query, name, matches):
    assert name_matches(name_words(query), name) is matches


def test_fold_and_words():
    assert fold("Ó Súilleabháin") == "o suilleabhain"
    assert name_words("  O'Brien-Smith,  Zoë ") == ["obrien", "smith", "zoe"]


@given(st.text(alphabet="abcdefghij", min_size=3, max_size=10), st.data())
def test_one_typo_is_always_found(word, data):
    i = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("klmnop"))
    for typo in (
        word[:i] + word[i + 1 :],
        word[:i] + letter + word[i:],
        word[:i] + letter + word[i + 1 :],
    ):
        if len(typo) > 2:
            assert one_typo_apart(word, typo)
            assert deletion_keys(word) & deletion_keys(typo)


@given(
    st.text(alphabet="abc", min_size=3, max_size=8), st.text(alphabet="xyz", min_size=3, max_size=8)
)
def test_unrelated_words_do_not_match(a, b):
    assert not one_typo_apart(a, b)


AS_OF = date(2026, 6, 30)


@pytest.mark.parametrize(
    ("publish", "start", "until", "public"),
    [
        (True, None, None, True),
        (False, None, None, False),
        (True, date(2026, 7, 1), None, False),
        (True, date(2026, 6, 30), None, True),
        (True, None, date(2026, 6, 30), True),
        (True, None, date(2026, 6, 29), False),
    ],
)
def test_finding_visibility_boundaries(publish, start, until, public):
    assert (
        finding_is_public(publish=publish, publish_from=start, publish_until=until, as_of=AS_OF)
        is public
    )


H = Decimal


@pytest.mark.parametrize(
    ("submitted", "hours", "types", "required", "status"),
    [
        (False, [12], ["course"], [], "not_submitted"),
        (True, [6, 6], ["course", "reading"], [], "compliant"),
        (True, [11.5], ["course"], [], "shortfall"),
        (True, [], [], [], "shortfall"),
        (True, [12], ["course"], ["ethics"], "shortfall"),
        (True, [10, 2], ["course", "Ethics"], ["ethics"], "compliant"),
    ],
)
def test_cpd_status(submitted, hours, types, required, status):
    activities = [CpdActivityData(H(str(h)), t) for h, t in zip(hours, types, strict=True)]
    assert (
        cpd_status(
            submitted=submitted, activities=activities, minimum_hours=H(12), required_types=required
        )
        == status
    )


@given(st.lists(st.decimals(min_value=0, max_value=40, places=1), max_size=10))
def test_cpd_compliance_is_monotonic_in_hours(hours):
    activities = [CpdActivityData(h, "course") for h in hours]
    status = cpd_status(submitted=True, activities=activities, minimum_hours=H(12))
    assert (status == "compliant") == (sum(hours, H(0)) >= 12)


def test_monitoring_sample_is_reproducible_and_seed_dependent():
    numbers = [str(n) for n in range(1000)]
    first = monitoring_sample(numbers, size=50, seed=2026)
    assert first == monitoring_sample(list(reversed(numbers)), size=50, seed=2026)
    assert first != monitoring_sample(numbers, size=50, seed=2027)
    assert len(set(first)) == 50
    assert monitoring_sample(numbers[:3], size=50, seed=1) == ["0", "1", "2"]


def test_status_in_words():
    assert status_in_words(
        status_name="Active", authorised=True, status_since=None, rights=["immigration work"]
    ) == ("Authorised: may carry out immigration work")
    assert status_in_words(
        status_name="Active",
        authorised=True,
        status_since=None,
        rights=["probate work", "conveyancing", "advocacy in court"],
    ) == ("Authorised: may carry out probate work, conveyancing and advocacy in court")
    assert status_in_words(
        status_name="Suspended",
        authorised=False,
        status_since=date(2025, 3, 3),
        rights=["immigration work"],
    ) == ("Suspended since 3 March 2025: not authorised to practise")


@pytest.mark.parametrize(
    ("publish", "start", "end", "state"),
    [
        (False, None, None, "not_published"),
        (False, date(2020, 1, 1), date(2030, 1, 1), "not_published"),
        (True, None, None, "published"),
        (True, date(2026, 6, 2), None, "scheduled"),
        (True, date(2026, 6, 1), None, "published"),  # from its first day
        (True, None, date(2026, 6, 1), "published"),  # to its last day
        (True, None, date(2026, 5, 31), "ended"),
    ],
)
def test_where_a_finding_stands_with_the_public(publish, start, end, state):
    as_of = date(2026, 6, 1)
    assert (
        finding_publication(publish=publish, publish_from=start, publish_until=end, as_of=as_of)
        == state
    )
