"""The portfolio check's input: the application date, malformed input named by its field,
and properties that hold for any portfolio (hypothesis)."""

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from touchstone.rights.rules import (
    MalformedInput,
    portfolio_check,
    portfolio_date,
)

from .build import (
    APPLIED,
    SUPERVISOR,
    codes,
    examples,
    immigration,
    logbook,
    portfolio,
    replace,
    statement,
)


def check(data):
    return portfolio_check(data, immigration())


def spoiled(example, sheet, **extra):
    return check({**replace(portfolio(immigration()), example, sheet), **extra})


def test_portfolio_date():
    assert portfolio_date({"application_date": "2026-05-10"}) == APPLIED
    with pytest.raises(MalformedInput, match="^application_date: is required$"):
        portfolio_date({"as_of": "2026-05-10"})


SHEET = logbook("2.1")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ("x", "", "must be an object"),
        ({"sheets": []}, "application_date", "is required"),
        (
            {"application_date": "2026-5-10", "sheets": []},
            "application_date",
            "must be a date written YYYY-MM-DD",
        ),
        ({"application_date": "2026-05-10"}, "sheets", "is required"),
        ({"application_date": "2026-05-10", "sheets": {}}, "sheets", "must be a list"),
        ({"application_date": "2026-05-10", "sheets": [None]}, "sheets[0]", "must be an object"),
        (
            {"application_date": "2026-05-10", "sheets": [{"type": "logbook"}]},
            "sheets[0].example",
            "is required",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [{**SHEET, "example": 2.1}]},
            "sheets[0].example",
            "must be a text",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [{"example": "2.1"}]},
            "sheets[0].type",
            "is required",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [{**SHEET, "type": "letter"}]},
            "sheets[0].type",
            "must be one of logbook, personal_statement",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [{**SHEET, "matter": 4}]},
            "sheets[0].matter",
            "must be a text",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [{**SHEET, "reflection": []}]},
            "sheets[0].reflection",
            "must be a text",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [{**SHEET, "evidence": {}}]},
            "sheets[0].evidence",
            "must be a list",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [{**SHEET, "evidence": [1]}]},
            "sheets[0].evidence[0]",
            "must be an object",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [SHEET, {**SHEET, "evidence": [{"kind": "email"}]}],
            },
            "sheets[1].evidence[0].date",
            "is required",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [{**SHEET, "evidence": [{"date": "2026-01-01"}]}],
            },
            "sheets[0].evidence[0].kind",
            "is required",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [{**SHEET, "evidence": [{"date": "2026-01-32", "kind": "email"}]}],
            },
            "sheets[0].evidence[0].date",
            "is not a date in the calendar",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [{**SHEET, "evidence": [{"date": "2026-01-01", "kind": "fax"}]}],
            },
            "sheets[0].evidence[0].kind",
            "must be one of client_letter, email, telephone_attendance_note, "
            "client_attendance_note, report, official_form, application, submission, "
            "third_party_letter, firm_policy, code_of_practice, template, internal_file_note, "
            "statute",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [
                    {
                        **SHEET,
                        "evidence": [{"date": "2026-01-01", "kind": "email", "description": 5}],
                    }
                ],
            },
            "sheets[0].evidence[0].description",
            "must be a text",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [statement("2.1", work_date="last May")]},
            "sheets[0].work_date",
            "must be a date written YYYY-MM-DD",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [statement("2.1", reason=1)]},
            "sheets[0].reason",
            "must be a text",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [], "supervisors": {}},
            "supervisors",
            "must be a list",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [], "supervisors": ["Ann"]},
            "supervisors[0]",
            "must be an object",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [], "supervisors": [{}]},
            "supervisors[0].name",
            "is required",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [], "supervisors": [{"name": 1}]},
            "supervisors[0].name",
            "must be a text",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [],
                "supervisors": [{"name": "A", "current": True}],
            },
            "supervisors[0].authorised",
            "is required",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [],
                "supervisors": [{"name": "A", "authorised": 1, "current": True}],
            },
            "supervisors[0].authorised",
            "must be true or false",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [],
                "supervisors": [{"name": "A", "authorised": True}],
            },
            "supervisors[0].current",
            "is required",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [],
                "supervisors": [{"name": "A", "authorised": True, "current": "no"}],
            },
            "supervisors[0].current",
            "must be true or false",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [],
                "supervisors": [
                    {
                        "name": "A",
                        "authorised": True,
                        "current": False,
                        "declaration_examples": "2.1",
                    }
                ],
            },
            "supervisors[0].declaration_examples",
            "must be a list",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [],
                "supervisors": [
                    {
                        "name": "A",
                        "authorised": True,
                        "current": False,
                        "declaration_examples": ["2.1", 2.2],
                    }
                ],
            },
            "supervisors[0].declaration_examples[1]",
            "must be a text",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [], "include_optional": "yes"},
            "include_optional",
            "must be true or false",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [], "applicant": "Sam"},
            "applicant",
            "must be an object",
        ),
        (
            {"application_date": "2026-05-10", "sheets": [], "applicant": {"name": 1}},
            "applicant.name",
            "must be a text",
        ),
        (
            {
                "application_date": "2026-05-10",
                "sheets": [],
                "applicant": {"membership_number": 12345},
            },
            "applicant.membership_number",
            "must be a text",
        ),
    ],
)
def test_malformed_input_names_the_field(data, field, message):
    with pytest.raises(MalformedInput) as raised:
        check(data)
    assert (raised.value.field, raised.value.message) == (field, message)


# Properties

kinds = st.sampled_from(["email", "statute", "template", "client_letter"])
offsets = st.integers(min_value=-1200, max_value=10)


@st.composite
def sheets(draw):
    example = draw(st.sampled_from([*examples(immigration(), True), "2.5", "1.5"]))
    day = APPLIED + timedelta(days=draw(offsets))
    texts = {
        "matter": draw(st.sampled_from(["m1", "m2", "M1", None])),
        "document_type": draw(st.sampled_from(["letter", "form", None])),
        "supervisor": draw(st.sampled_from([SUPERVISOR, "Bo Chan", "Cy Dee", None])),
        "age_explanation": draw(st.sampled_from([None, "ill-health"])),
    }
    if draw(st.booleans()):
        return statement(example, day=day, **texts)
    evidence = [
        {"date": (APPLIED + timedelta(days=draw(offsets))).isoformat(), "kind": draw(kinds)}
        for _ in range(draw(st.integers(0, 2)))
    ]
    return logbook(example, evidence=evidence, **texts)


SUPERVISORS = [
    {"name": SUPERVISOR, "authorised": True, "current": True},
    {
        "name": "Bo Chan",
        "authorised": False,
        "current": False,
        "declaration_examples": ["2.1", "1.1(1)"],
    },
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(sheets(), max_size=12, unique_by=lambda s: s["example"]),
    st.randoms(use_true_random=False),
)
def test_the_order_of_the_sheets_does_not_change_the_errors(drawn, rnd):
    data = portfolio(immigration(), sheets=drawn, supervisors=SUPERVISORS)
    shuffled = list(drawn)
    rnd.shuffle(shuffled)
    first, second = check(data), check({**data, "sheets": shuffled})
    assert sorted(codes(first)) == sorted(codes(second))
    assert sorted(codes(first, "warnings")) == sorted(codes(second, "warnings"))
    assert first["complete"] is not first["errors"]


json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
sheet_like = st.fixed_dictionaries(
    {},
    optional={
        "example": st.sampled_from(["1.1(1)", "2.1", "6.5", "2.5", "1.1 (9)"]) | json,
        "type": st.sampled_from(["logbook", "personal_statement"]) | json,
        "evidence": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "date": st.sampled_from(["2026-01-01", "2020-01-01", "2026-02-30"]) | json,
                    "kind": kinds | json,
                },
            )
            | json,
            max_size=2,
        )
        | json,
        "work_date": st.sampled_from(["2026-01-01", "", None]) | json,
        "supervisor": st.sampled_from([SUPERVISOR, "Bo Chan"]) | json,
        "explanation": json,
    },
)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        json,
        st.fixed_dictionaries(
            {
                "application_date": st.sampled_from(["2026-05-10", "2028-02-29"]) | json,
                "sheets": st.lists(sheet_like | json, max_size=4),
            },
            optional={
                "supervisors": st.lists(json, max_size=2) | json,
                "include_optional": json,
                "applicant": json,
            },
        ),
    )
)
def test_any_json_gives_a_result_or_malformed_input(data):
    try:
        result = check(data)
    except MalformedInput as error:
        assert "\n" not in error.message and error.message
        return
    assert result["complete"] is not result["errors"]
