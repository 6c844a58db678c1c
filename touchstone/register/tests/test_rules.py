from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from touchstone.register import rules
from touchstone.register.rules import (
    CpdActivityData,
    CpdSchemeData,
    RightInWords,
    Tone,
    cpd_status,
    cpd_year_end,
    deletion_keys,
    finding_publication,
    fold,
    monitoring_sample,
    name_words,
    normalise_town,
    order_name,
    postcode_prefix,
    public_standing,
    scheme_in_force,
)


def near(a: str, b: str) -> bool:
    """What the name index finds: words whose deletion keys meet."""
    return bool(deletion_keys(a) & deletion_keys(b))


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
    ("query", "word", "found"),
    [
        ("jon", "john", True),  # a letter dropped
        ("smyth", "smith", True),  # a letter changed
        ("jhon", "john", True),  # neighbouring letters swapped
        ("jonn", "john", True),
        ("smithe", "smith", True),  # a letter added
        ("john", "john", True),
        ("jo", "john", False),  # two letters missing
        ("jane", "john", False),
        ("smith", "smtih", True),
        ("li", "lee", False),
        ("lee", "lee", True),
        ("li", "lu", False),  # words of two letters must be written as they are
        ("al", "el", False),
        ("al", "al", True),
        ("a", "b", False),
    ],
)
def test_one_typo_apart_is_what_the_index_finds(query, word, found):
    assert near(query, word) is found
    assert near(word, query) is found


@given(
    st.text(alphabet="abcdefgh", min_size=1, max_size=2),
    st.text(alphabet="abcdefgh", min_size=1, max_size=2),
)
def test_short_words_have_only_themselves_as_key(a, b):
    assert deletion_keys(a) == {a}
    assert near(a, b) is (a == b)


@given(st.text(alphabet="abcdefgh", min_size=3, max_size=12))
def test_deletion_keys_are_the_word_and_each_one_letter_deletion(word):
    keys = deletion_keys(word)
    assert word in keys
    assert all(len(key) == len(word) - 1 for key in keys - {word})
    assert {word[1:], word[:-1]} <= keys
    assert len(keys) <= len(word) + 1


def test_fold_and_words():
    assert fold("Ó Súilleabháin") == "o suilleabhain"
    assert name_words("  O'Brien-Smith,  Zoë ") == ["obrien", "smith", "zoe"]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("O’Brien", ["obrien"]),  # the typographic apostrophe, as pasted from a letter
        ("D'Arcy", ["darcy"]),
        ("Jean-Luc Picard", ["jean", "luc", "picard"]),
        ("Smith & Co. LLP", ["smith", "co", "llp"]),
        ("", []),
        ("  ", []),
        ("Ⅻ", ["xii"]),  # compatibility characters fold to letters
        ("x" * 50, ["x" * 40]),  # a word is cut at 40 letters
    ],
)
def test_name_words(name, words):
    assert name_words(name) == words


def test_a_town_is_cut_to_the_length_the_register_keeps():
    town = "Llanfair " + "a" * 200
    assert normalise_town(town) == ("llanfair " + "a" * 200)[:100]
    assert len(normalise_town("b" * 100)) == 100


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
            assert near(word, typo)


@given(
    st.text(alphabet="abc", min_size=3, max_size=8), st.text(alphabet="xyz", min_size=3, max_size=8)
)
def test_unrelated_words_do_not_match(a, b):
    assert not near(a, b)


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


@pytest.mark.parametrize(
    ("schemes", "year", "hours", "types"),
    [
        ([], 2026, Decimal(12), ()),  # no scheme: 12 hours a year
        ([(date(2020, 1, 1), 16, ("ethics",))], 2019, Decimal(12), ()),
        ([(date(2020, 1, 1), 16, ("ethics",))], 2020, Decimal(16), ("ethics",)),
        ([(date(2020, 1, 1), 16, ("ethics",))], 2030, Decimal(16), ("ethics",)),
        # Changed mid-year: the new scheme governs from the next year.
        ([(date(2020, 1, 1), 12, ()), (date(2024, 7, 1), 20, ())], 2024, Decimal(12), ()),
        ([(date(2020, 1, 1), 12, ()), (date(2024, 7, 1), 20, ())], 2025, Decimal(20), ()),
        # In force from 1 January: a scheme starting the day after waits a year.
        ([(date(2020, 1, 1), 12, ()), (date(2025, 1, 1), 20, ())], 2025, Decimal(20), ()),
        ([(date(2020, 1, 1), 12, ()), (date(2025, 1, 2), 20, ())], 2025, Decimal(12), ()),
        ([(date(2020, 1, 1), 12, ()), (date(2025, 1, 2), 20, ())], 2026, Decimal(20), ()),
        # In any order: the latest in force wins.
        ([(date(2025, 1, 1), 20, ()), (date(2020, 1, 1), 12, ())], 2025, Decimal(20), ()),
        ([(date(2025, 1, 1), 20, ()), (date(2020, 1, 1), 12, ())], 2024, Decimal(12), ()),
    ],
)
def test_scheme_in_force(schemes, year, hours, types):
    data = [CpdSchemeData(start, Decimal(h), t) for start, h, t in schemes]
    scheme = scheme_in_force(data, year)
    assert (scheme.minimum_hours, scheme.required_types) == (hours, types)
    if not schemes:
        assert scheme.effective_from == date.min


@given(
    st.lists(
        st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
        unique=True,
        max_size=6,
    ),
    st.integers(min_value=1990, max_value=2041),
)
def test_the_scheme_in_force_is_the_latest_started_by_1_january(starts, year):
    schemes = [CpdSchemeData(start, Decimal(n + 1)) for n, start in enumerate(starts)]
    scheme = scheme_in_force(iter(schemes), year)
    started = [s for s in schemes if s.effective_from <= date(year, 1, 1)]
    if started:
        assert scheme in started
        assert all(s.effective_from <= scheme.effective_from for s in started)
    else:
        assert scheme == CpdSchemeData(date.min, Decimal(12))


@given(st.integers(min_value=1, max_value=9999))
def test_a_cpd_year_is_due_by_31_december(year):
    end = cpd_year_end(year)
    assert (end.year, end.month, end.day) == (year, 12, 31)
    if year < 9999:
        assert end + timedelta(days=1) == date(year + 1, 1, 1)


def standing(status="Active", authorised=True, **kwargs):
    return public_standing(status_name=status, authorised=authorised, **kwargs)


IMMIGRATION = RightInWords("immigration work")
PROBATE = RightInWords("probate work")
CONDITIONAL = RightInWords("immigration work", conditions=True)


@pytest.mark.parametrize(
    ("kwargs", "tone", "headline"),
    [
        ({"rights": [IMMIGRATION]}, Tone.AUTHORISED, "Authorised: may carry out immigration work"),
        (
            {"rights": [PROBATE, RightInWords("conveyancing"), RightInWords("advocacy in court")]},
            Tone.AUTHORISED,
            "Authorised: may carry out probate work, conveyancing and advocacy in court",
        ),
        (
            {"rights": [CONDITIONAL, PROBATE]},
            Tone.RESTRICTED,
            "Authorised: may carry out immigration work (with conditions) and probate work",
        ),
        ({}, Tone.AUTHORISED, "Authorised: registered, with no specific practice rights"),
        (
            {"firm": True, "listed_activities": True},
            Tone.AUTHORISED,
            "Authorised: a regulated firm, for the activities listed below",
        ),
        (
            {"firm": True},
            Tone.AUTHORISED,
            "Authorised: a regulated firm, with no specific practice rights",
        ),
        (
            {"firm": True, "listed_activities": True, "rights": [PROBATE]},
            Tone.AUTHORISED,
            "Authorised: may carry out probate work",
        ),
        (
            {"status": "Suspended", "authorised": False, "rights": [IMMIGRATION]},
            Tone.NOT_AUTHORISED,
            "Suspended: not authorised to practise",
        ),
        (
            {"status": "Struck off", "authorised": False, "status_since": date(2024, 11, 30)},
            Tone.NOT_AUTHORISED,
            "Struck off since 30 November 2024: not authorised to practise",
        ),
        (
            {"status": "Lapsed", "authorised": False, "registered": False},
            Tone.LEFT,
            "Lapsed: no longer registered, so not authorised to practise",
        ),
        (
            {
                "status": "Resigned",
                "authorised": False,
                "registered": False,
                "status_since": date(2025, 3, 3),
            },
            Tone.LEFT,
            "Resigned since 3 March 2025: no longer registered, so not authorised to practise",
        ),
    ],
)
def test_public_standing_table(kwargs, tone, headline):
    result = standing(**kwargs)
    assert (result.tone, result.headline) == (tone, headline)


@pytest.mark.parametrize(
    ("kwargs", "notes"),
    [
        ({"rights": [IMMIGRATION]}, ()),
        (
            {"rights": [IMMIGRATION], "published_findings": 1},
            (
                "A disciplinary finding has been published (see below). The status above is "
                "what they may do now.",
            ),
        ),
        (
            {"status": "Suspended", "authorised": False, "rights": [IMMIGRATION]},
            ("The practice rights below cannot be used while the status is Suspended.",),
        ),
        ({"status": "Suspended", "authorised": False}, ()),
        (
            {"status": "Lapsed", "authorised": False, "registered": False, "rights": [PROBATE]},
            ("The practice rights below cannot be used while the status is Lapsed.",),
        ),
    ],
)
def test_public_standing_notes(kwargs, notes):
    assert standing(**kwargs).notes == notes


RIGHTS = st.lists(
    st.builds(RightInWords, st.sampled_from(["probate work", "conveyancing", "x"]), st.booleans()),
    max_size=4,
)


@given(
    authorised=st.booleans(),
    registered=st.booleans(),
    rights=RIGHTS,
    firm=st.booleans(),
    listed=st.booleans(),
    findings=st.integers(min_value=0, max_value=3),
)
def test_a_headline_never_claims_more_than_the_status_allows(
    authorised, registered, rights, firm, listed, findings
):
    result = public_standing(
        status_name="Some status",
        authorised=authorised,
        registered=registered,
        rights=rights,
        firm=firm,
        listed_activities=listed,
        published_findings=findings,
    )
    assert result.headline.startswith("Authorised") == authorised
    assert ("not authorised" in result.headline) == (not authorised)
    if authorised:
        assert result.tone in (Tone.AUTHORISED, Tone.RESTRICTED)
        assert (result.tone == Tone.RESTRICTED) == any(r.conditions for r in rights)
        assert ("(with conditions)" in result.headline) == any(r.conditions for r in rights)
        assert all(r.plain in result.headline for r in rights)
        assert bool(result.notes) == bool(findings)
    else:
        assert result.tone == (Tone.NOT_AUTHORISED if registered else Tone.LEFT)
        assert ("no longer registered" in result.headline) == (not registered)
        assert bool(result.notes) == bool(rights)


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


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(0, 400),
    st.integers(-400, 800),
    st.booleans(),
)
def test_a_published_finding_shows_from_its_first_to_its_last_day(start, length, day, publish):
    end = start + timedelta(days=length)
    as_of = start + timedelta(days=day)

    def state(**period):
        return finding_publication(publish=publish, as_of=as_of, **period)

    if not publish:
        assert state(publish_from=start, publish_until=end) == "not_published"
        assert state(publish_from=None, publish_until=None) == "not_published"
        return
    expected = "scheduled" if as_of < start else "ended" if as_of > end else "published"
    assert state(publish_from=start, publish_until=end) == expected
    # An open end never ends; an open start has always started.
    assert state(publish_from=start, publish_until=None) == (
        "scheduled" if as_of < start else "published"
    )
    assert state(publish_from=None, publish_until=end) == ("ended" if as_of > end else "published")
    assert state(publish_from=None, publish_until=None) == "published"


@pytest.mark.parametrize(
    ("starts", "this_year", "expected"),
    [
        ([2000], 2026, range(2000, 2027)),
        ([2010, 2005], 2026, range(2005, 2027)),
        ([], 2026, range(2026, 2027)),
    ],
)
def test_cpd_years_run_from_the_first_scheme_to_this_year(starts, this_year, expected):
    schemes = [rules.CpdSchemeData(date(y, 6, 1), Decimal(12)) for y in starts]
    assert rules.cpd_years(schemes, this_year=this_year) == expected


@pytest.mark.parametrize(
    ("year", "problem"),
    [
        (2000, None),  # the scheme's first year
        (2013, None),
        (2026, None),  # this year
        (2027, "2027 has not started: the latest CPD year is 2026"),
        (2100, "2100 has not started: the latest CPD year is 2026"),
        (1999, "The CPD scheme started in 2000: enter a year from 2000 to 2026"),
        (1, "The CPD scheme started in 2000: enter a year from 2000 to 2026"),
    ],
)
def test_cpd_year_problem(year, problem):
    assert rules.cpd_year_problem(year, range(2000, 2027)) == problem


def test_with_one_cpd_year_the_problem_names_that_year():
    years = range(2026, 2027)  # no scheme yet: this year only
    assert rules.cpd_year_problem(2026, years) is None
    assert rules.cpd_year_problem(2027, years) == (
        "2027 has not started: the latest CPD year is 2026"
    )
    assert rules.cpd_year_problem(2025, years) == (
        "The CPD scheme started in 2026: enter a year from 2026 to 2026"
    )


@given(
    st.integers(min_value=1, max_value=9000),
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=1, max_value=9999),
)
def test_a_cpd_year_is_usable_exactly_when_it_is_in_the_scheme(first, length, year):
    years = range(first, first + length + 1)
    problem = rules.cpd_year_problem(year, years)
    if first <= year <= first + length:
        assert problem is None
    elif year > first + length:
        assert problem.startswith(f"{year} has not started")
    else:
        assert problem.startswith(f"The CPD scheme started in {first}: ")
        assert problem.endswith(f" to {first + length}")


@pytest.mark.parametrize(
    ("size", "population", "problem"),
    [
        (1, 1, None),
        (1, 40, None),
        (40, 40, None),  # the whole population
        (0, 40, "The sample needs at least one member"),
        (-3, 40, "The sample needs at least one member"),
        (0, 0, "The sample needs at least one member"),
        (41, 40, "The sample can be at most 40: that year has 40 members to monitor"),
        (2, 1, "The sample can be at most 1: that year has 1 member to monitor"),
        (1, 0, "The sample can be at most 0: that year has 0 members to monitor"),
    ],
)
def test_sample_size_problem(size, population, problem):
    assert rules.sample_size_problem(size, population) == problem


@given(st.integers(min_value=-5, max_value=10**13), st.integers(min_value=0, max_value=1000))
def test_sample_size_is_from_one_to_the_population(size, population):
    assert (rules.sample_size_problem(size, population) is None) == (1 <= size <= population)


@pytest.mark.parametrize(
    ("year", "as_of", "ended"),
    [
        (2025, date(2025, 1, 1), False),
        (2025, date(2025, 12, 31), False),  # its last day: still open
        (2025, date(2026, 1, 1), True),
        (2025, date(2030, 6, 1), True),
        (2026, date(2025, 12, 31), False),  # not started
    ],
)
def test_a_cpd_year_ends_after_31_december(year, as_of, ended):
    assert rules.cpd_year_ended(year, as_of=as_of) is ended


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)))
def test_the_cpd_years_ended_are_those_before_the_current_one(as_of):
    if as_of.year > 1:
        assert rules.cpd_year_ended(as_of.year - 1, as_of=as_of)
    assert not rules.cpd_year_ended(as_of.year, as_of=as_of)
    assert not rules.cpd_year_ended(as_of.year + 1, as_of=as_of)


@pytest.mark.parametrize(
    ("kind", "postcode", "searchable"),
    [
        ("entity", "MK40 1AB", "mk401ab"),  # a firm's business address: searchable
        ("entity", " sw1a-1aa ", "sw1a1aa"),
        ("entity", "", ""),
        ("individual", "MK40 1AB", ""),  # a person's address is private
        ("individual", "", ""),
    ],
)
def test_only_a_firms_postcode_is_searchable(kind, postcode, searchable):
    assert rules.searchable_postcode(kind=kind, postcode=postcode) == searchable
