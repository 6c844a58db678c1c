from datetime import date, timedelta

import pytest

from touchstone.rights.rules import (
    portfolio_check,
    scheme_from_dict,
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


def test_a_complete_portfolio():
    result = check(portfolio(immigration()))
    assert result == {
        "complete": True,
        "required_examples": 35,
        "provided_examples": 35,
        "personal_statements": 0,
        "scheme_version": "2024.1",
        "errors": [],
        "warnings": [],
    }


def test_the_required_examples_are_the_handbooks():
    listed = examples(immigration())
    assert listed[:4] == ["1.1(1)", "1.1(2)", "1.1(3)", "1.2(1)"]
    assert listed[14:16] == ["1.5(3)", "2.1"]
    assert listed[-1] == "6.4"
    assert len(listed) == 35


@pytest.mark.parametrize(
    ("optional", "with_65", "required", "missing"),
    [
        (False, False, 35, []),
        (True, False, 36, [("MISSING_EXAMPLE", "6.5")]),
        (False, True, 36, []),
        (True, True, 36, []),
    ],
)
def test_35_or_36_examples(optional, with_65, required, missing):
    data = portfolio(immigration())
    data["include_optional"] = optional
    if with_65:
        data["sheets"].append(logbook("6.5"))
    result = check(data)
    assert result["required_examples"] == required
    assert result["provided_examples"] == 35 + with_65
    assert codes(result) == missing
    assert result["complete"] is not missing


def test_include_optional_may_be_left_out_or_null():
    data = portfolio(immigration())
    del data["include_optional"]
    assert check(data)["required_examples"] == 35
    assert check({**data, "include_optional": None})["required_examples"] == 35


@pytest.mark.parametrize(
    ("written", "as_normalised"),
    [
        ("2.1(1)", "2.1"),
        ("2.1", "2.1"),
        (" 2.1 ( 1 ) ", "2.1"),
        ("1.1 (2)", "1.1(2)"),
        ("1.1(02)", "1.1(2)"),
    ],
)
def test_examples_as_written(written, as_normalised):
    result = spoiled(as_normalised, logbook(written))
    assert result["complete"], result["errors"]


@pytest.mark.parametrize(
    "written",
    [
        "2.5",
        "1.5",
        "2.1(2)",
        "1.1(4)",
        "1.1(0)",
        "2.1(0)",
        "7.1",
        "6",
        "x",
        "",
        "1.1(2",
        "1.1(a)",
        "01.1(1)",
        "2.1(" + "1" * 5000 + ")",  # more digits than int() reads
    ],
)
def test_unknown_examples(written):
    data = portfolio(immigration())
    data["sheets"].append(logbook(written, evidence=[]))  # otherwise ignored: no NO_EVIDENCE
    result = check(data)
    assert codes(result) == [("UNKNOWN_EXAMPLE", written)]
    assert result["provided_examples"] == 35


def test_the_later_of_two_sheets_for_an_example_is_ignored():
    data = portfolio(immigration())
    data["sheets"] += [logbook("2.1(1)", evidence=[]), statement("1.1 (1)", supervisor="Nobody")]
    result = check(data)
    assert codes(result) == [("DUPLICATE_EXAMPLE", "2.1"), ("DUPLICATE_EXAMPLE", "1.1(1)")]
    assert result["personal_statements"] == 0
    assert result["provided_examples"] == 35


def test_a_missing_example_is_named():
    data = portfolio(immigration())
    data["sheets"] = [s for s in data["sheets"] if s["example"] not in ("1.3(2)", "4.2")]
    result = check(data)
    assert codes(result) == [("MISSING_EXAMPLE", "1.3(2)"), ("MISSING_EXAMPLE", "4.2")]
    assert result["provided_examples"] == 33 and not result["complete"]
    assert result["errors"][0]["message"] == (
        "Example 1.3(2) is missing: give 3 examples of each outcome in competency 1 and 1 of "
        "each outcome in competencies 2 to 6 (handbook §33)"
    )


@pytest.mark.parametrize(
    ("changes", "found"),
    [
        ({"matter": "Matter 1.2(1)"}, [("C1_MATTERS_NOT_DISTINCT", "1.2")]),
        ({"matter": "  matter   1.2(1) "}, [("C1_MATTERS_NOT_DISTINCT", "1.2")]),
        ({"document_type": "DOCUMENT 1.2(1)"}, [("C1_DOCUMENT_TYPES_NOT_DISTINCT", "1.2")]),
        (
            {"matter": "matter 1.2(1)", "document_type": "document 1.2(1)"},
            [("C1_MATTERS_NOT_DISTINCT", "1.2"), ("C1_DOCUMENT_TYPES_NOT_DISTINCT", "1.2")],
        ),
        ({"matter": "matter 1.1(1)"}, []),  # the same matter for another outcome is fine
    ],
)
def test_competency_1_examples_come_from_different_matters_and_documents(changes, found):
    result = spoiled("1.2(3)", logbook("1.2(3)", **changes))
    assert codes(result) == found


def test_a_personal_statement_is_not_compared_for_distinct_matters():
    data = portfolio(immigration())
    data = replace(
        data, "1.2(3)", statement("1.2(3)", matter="matter 1.2(1)", document_type="document 1.2(1)")
    )
    assert check(data)["complete"]


def test_matters_must_be_given_in_competency_1_only():
    result = spoiled("1.4(1)", logbook("1.4(1)", matter=None, document_type=" "))
    assert codes(result) == [("INCOMPLETE_SHEET", "1.4(1)")]
    assert result["errors"][0]["message"] == (
        "The sheet for example 1.4(1) is incomplete: matter, document_type missing "
        "(handbook §46 and §51)"
    )
    assert spoiled("2.2", logbook("2.2", matter=None, document_type=None))["complete"]


@pytest.mark.parametrize(
    ("sheet", "missing"),
    [
        (logbook("3.1", explanation=""), "explanation"),
        (logbook("3.1", reflection=None), "reflection"),
        (logbook("3.1", supervisor="  "), "supervisor"),
        (
            {k: v for k, v in logbook("3.1").items() if k not in ("explanation", "reflection")},
            "explanation, reflection",
        ),
        (statement("3.1", reason=""), "reason"),
        (statement("3.1", explanation=None), "explanation"),
        (statement("3.1", reflection=" "), "reflection"),
        (statement("3.1", supervisor=None), "supervisor"),
        (statement("3.1", work_date=None), "work_date"),
        (statement("3.1", work_date=""), "work_date"),
        ({k: v for k, v in statement("3.1").items() if k != "work_date"}, "work_date"),
    ],
)
def test_incomplete_sheets(sheet, missing):
    result = spoiled("3.1", sheet)
    assert codes(result) == [("INCOMPLETE_SHEET", "3.1")]
    assert f"incomplete: {missing} missing" in result["errors"][0]["message"]


@pytest.mark.parametrize("evidence", [[], None, "left out"])
def test_a_logbook_sheet_without_evidence(evidence):
    sheet = logbook("3.3", evidence=evidence)
    if evidence == "left out":
        del sheet["evidence"]
    result = spoiled("3.3", sheet)
    assert codes(result) == [("NO_EVIDENCE", "3.3")]
    assert result["errors"][0]["message"] == (
        "Each logbook sheet needs supporting evidence: example 3.3 has none, so give evidence "
        "or a personal statement (handbook §36)"
    )


def test_a_personal_statement_needs_no_evidence():
    result = spoiled("3.3", statement("3.3"))
    assert result["complete"] and result["personal_statements"] == 1


@pytest.mark.parametrize(
    ("example", "kind", "found"),
    [
        ("1.1(1)", "statute", []),
        ("1.1(3)", "statute", []),
        ("1.2(1)", "statute", [("UNACCEPTABLE_EVIDENCE", "1.2(1)")]),
        ("2.1", "statute", [("UNACCEPTABLE_EVIDENCE", "2.1")]),
        ("1.1(1)", "firm_policy", [("UNACCEPTABLE_EVIDENCE", "1.1(1)")]),
        ("3.2", "code_of_practice", [("UNACCEPTABLE_EVIDENCE", "3.2")]),
        ("3.2", "template", [("UNACCEPTABLE_EVIDENCE", "3.2")]),
        ("3.2", "internal_file_note", [("UNACCEPTABLE_EVIDENCE", "3.2")]),
        *(
            ("3.2", kind, [])
            for kind in (
                "client_letter",
                "email",
                "telephone_attendance_note",
                "client_attendance_note",
                "report",
                "official_form",
                "application",
                "submission",
                "third_party_letter",
            )
        ),
    ],
)
def test_evidence_kinds(example, kind, found):
    assert codes(spoiled(example, logbook(example, kind=kind))) == found


def test_unacceptable_evidence_is_named_once_for_each_kind():
    evidence = [
        {"date": "2026-01-01", "kind": k}
        for k in ("template", "email", "statute", "template", "firm_policy")
    ]
    result = spoiled("5.1", logbook("5.1", evidence=evidence))
    assert [e["message"] for e in result["errors"]] == [
        f"{kind} does not evidence how you met the outcome and is not acceptable for example "
        "5.1 (handbook §40)"
        for kind in (
            "A blank or template form or letter",
            "A statute (accepted for outcome 1.1 only)",
            "A copy of your firm's policies",
        )
    ]


TWO = date(2024, 5, 10)
THREE = date(2023, 5, 10)
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "explained", "errors", "warnings"),
    [
        (APPLIED, False, [], []),
        (APPLIED + DAY, False, ["EVIDENCE_AFTER_APPLICATION"], []),
        (TWO, False, [], []),
        (TWO - DAY, False, ["EVIDENCE_AGE_UNEXPLAINED"], []),
        (TWO - DAY, True, [], ["EVIDENCE_EXCEPTIONAL_AGE"]),
        (THREE, False, ["EVIDENCE_AGE_UNEXPLAINED"], []),
        (THREE, True, [], ["EVIDENCE_EXCEPTIONAL_AGE"]),
        (THREE - DAY, False, ["EVIDENCE_TOO_OLD"], []),
        (THREE - DAY, True, ["EVIDENCE_TOO_OLD"], []),
    ],
)
@pytest.mark.parametrize("make", [logbook, statement])
def test_evidence_dates(make, day, explained, errors, warnings):
    sheet = make("4.3", day=day, age_explanation="ill-health" if explained else None)
    result = spoiled("4.3", sheet)
    assert codes(result) == [(code, "4.3") for code in errors]
    assert codes(result, "warnings") == [(code, "4.3") for code in warnings]
    assert result["complete"] is not errors


def test_date_messages():
    evidence = [
        {"date": d.isoformat(), "kind": "email"}
        for d in (APPLIED + DAY, THREE - DAY, TWO - DAY, TWO - DAY)
    ]
    result = spoiled("4.1", logbook("4.1", evidence=evidence))
    assert [e["message"] for e in result["errors"]] == [
        "The outcomes must be achieved before the date of your application: example 4.1 is "
        "dated after it (handbook §36)",
        "Evidence older than 3 years before the application is not accepted: see example 4.1 "
        "(handbook §41)",
        "Evidence must not be older than 2 years (handbook §41): explain on the sheet for "
        "example 4.1 why it is",
    ]
    result = spoiled("4.1", logbook("4.1", day=TWO - DAY, age_explanation="maternity"))
    assert result["warnings"] == [
        {
            "code": "EVIDENCE_EXCEPTIONAL_AGE",
            "ref": "4.1",
            "message": "Evidence older than 2 years is accepted in exceptional circumstances "
            "only, at CILEx Regulation's discretion: see example 4.1 (handbook §41)",
        }
    ]


@pytest.mark.parametrize(
    ("day", "found"),
    [
        (date(2026, 2, 28), []),
        (date(2026, 2, 27), ["EVIDENCE_AGE_UNEXPLAINED"]),
        (date(2025, 2, 28), ["EVIDENCE_AGE_UNEXPLAINED"]),
        (date(2025, 2, 27), ["EVIDENCE_TOO_OLD"]),
        (date(2028, 2, 29), []),
        (date(2028, 3, 1), ["EVIDENCE_AFTER_APPLICATION"]),
    ],
)
def test_a_29_february_application_counts_back_from_28_february(day, found):
    data = portfolio(immigration(), application_date="2028-02-29")
    data = replace(data, "6.1", logbook("6.1", day=day))
    data["sheets"] = [
        s if s["example"] == "6.1" else logbook(s["example"], day=date(2028, 1, 1))
        for s in data["sheets"]
    ]
    assert codes(check(data)) == [(code, "6.1") for code in found]


def test_dates_near_the_first_year_of_the_calendar():
    """Three years before 0003-05-10 is before the calendar: no evidence is too old then."""
    data = portfolio(immigration(), application_date="0003-05-10")
    day = date(3, 1, 1)
    data["sheets"] = [logbook(e, day=day) for e in examples(immigration())]
    data = replace(data, "6.2", logbook("6.2", day=date(1, 5, 9)))
    data = replace(data, "6.3", logbook("6.3", day=date(1, 5, 10)))
    data = replace(data, "6.4", logbook("6.4", day=date(1, 1, 1), age_explanation="ill-health"))
    result = check(data)
    assert codes(result) == [("EVIDENCE_AGE_UNEXPLAINED", "6.2")]
    assert codes(result, "warnings") == [("EVIDENCE_EXCEPTIONAL_AGE", "6.4")]
    early = portfolio(immigration(), application_date="0002-05-10")
    early["sheets"] = [logbook(e, day=date(1, 1, 1)) for e in examples(immigration())]
    assert check(early)["complete"] and not check(early)["warnings"]


def test_only_29_february_counts_back_from_the_28th():
    data = portfolio(immigration(), application_date="2026-03-29")
    data["sheets"] = [logbook(e, day=date(2026, 3, 1)) for e in examples(immigration())]
    data = replace(data, "6.1", logbook("6.1", day=date(2024, 3, 28)))
    data = replace(data, "6.2", logbook("6.2", day=date(2024, 3, 29)))
    assert codes(check(data)) == [("EVIDENCE_AGE_UNEXPLAINED", "6.1")]


def test_without_supervisors_every_supervisor_is_unknown():
    data = portfolio(immigration())
    del data["supervisors"]
    assert set(codes(check(data))) == {("SUPERVISOR_UNKNOWN", e) for e in examples(immigration())}
    assert codes(check({**data, "supervisors": None})) == codes(check(data))


def test_a_competency_1_sheet_lists_everything_missing():
    result = spoiled("1.1(1)", logbook("1.1(1)", explanation="", document_type=None))
    assert "incomplete: explanation, document_type missing" in result["errors"][0]["message"]


def test_blank_matters_are_not_the_same_matter():
    data = portfolio(immigration())
    data = replace(data, "1.2(1)", logbook("1.2(1)", matter=None, document_type=""))
    data = replace(data, "1.2(2)", logbook("1.2(2)", matter=" ", document_type=None))
    assert codes(check(data)) == [("INCOMPLETE_SHEET", "1.2(1)"), ("INCOMPLETE_SHEET", "1.2(2)")]


def test_only_the_competencies_that_ask_for_it_need_distinct_matters():
    changed = immigration().to_dict()
    changed["competencies"][1]["examples_per_outcome"] = 2
    scheme = scheme_from_dict(changed)
    data = portfolio(scheme)
    data = replace(
        data, "2.1(2)", logbook("2.1(2)", matter="matter 2.1(1)", document_type="document 2.1(1)")
    )
    result = portfolio_check(data, scheme)
    assert result["complete"] and result["required_examples"] == 39


@pytest.mark.parametrize(("count", "too_many"), [(4, False), (5, True)])
def test_at_most_4_personal_statements(count, too_many):
    data = portfolio(immigration())
    chosen = ["2.1", "2.2", "3.1", "3.2", "5.5"][:count]
    for example in chosen:
        data = replace(data, example, statement(example))
    result = check(data)
    assert result["personal_statements"] == count
    assert codes(result) == ([("TOO_MANY_PERSONAL_STATEMENTS", None)] if too_many else [])
    if too_many:
        assert result["errors"][0]["message"] == (
            "A portfolio may use at most 4 personal statements, not 5 (handbook §49)"
        )


@pytest.mark.parametrize(
    ("supervisors", "name", "found"),
    [
        ([], SUPERVISOR, ["SUPERVISOR_UNKNOWN"]),
        (
            [{"name": "Bo Chan", "authorised": True, "current": True}],
            SUPERVISOR,
            ["SUPERVISOR_UNKNOWN"],
        ),
        ([{"name": " ann  LEE", "authorised": True, "current": True}], SUPERVISOR, []),
        (
            [{"name": "Bo Chan", "authorised": False, "current": True}],
            "bo chan",
            ["SUPERVISOR_NOT_AUTHORISED"],
        ),
        (
            [{"name": "Bo Chan", "authorised": True, "current": False}],
            "Bo Chan",
            ["SUPERVISOR_DECLARATION_MISSING"],
        ),
        (
            [
                {
                    "name": "Bo Chan",
                    "authorised": True,
                    "current": False,
                    "declaration_examples": ["2.2", "1.1(1)"],
                }
            ],
            "Bo Chan",
            ["SUPERVISOR_DECLARATION_MISSING"],
        ),
        (
            [
                {
                    "name": "Bo Chan",
                    "authorised": True,
                    "current": False,
                    "declaration_examples": ["2.1(1)"],
                }
            ],
            "Bo Chan",
            [],
        ),
        (
            [
                {
                    "name": "Bo Chan",
                    "authorised": False,
                    "current": False,
                    "declaration_examples": None,
                }
            ],
            "Bo Chan",
            ["SUPERVISOR_NOT_AUTHORISED", "SUPERVISOR_DECLARATION_MISSING"],
        ),
        (  # of two of one name, the first counts
            [
                {"name": "Bo Chan", "authorised": False, "current": True},
                {"name": "Bo Chan", "authorised": True, "current": True},
            ],
            "Bo Chan",
            ["SUPERVISOR_NOT_AUTHORISED"],
        ),
    ],
)
def test_supervisors(supervisors, name, found):
    everyone = [{"name": SUPERVISOR, "authorised": True, "current": True}, *supervisors]
    if name == SUPERVISOR and not any(s["name"] == " ann  LEE" for s in supervisors):
        everyone = supervisors
    data = portfolio(immigration(), supervisors=everyone)
    if name != SUPERVISOR:
        data["sheets"] = [
            s if s["example"] != "2.1" else logbook("2.1", supervisor=name) for s in data["sheets"]
        ]
        assert codes(check(data)) == [(code, "2.1") for code in found]
    else:
        assert set(codes(check(data))) == {
            (code, e) for e in examples(immigration()) for code in found
        }


def test_supervisor_messages():
    supervisors = [
        {"name": SUPERVISOR, "authorised": True, "current": True},
        {"name": "Bo Chan", "authorised": False, "current": False},
    ]
    data = portfolio(immigration(), supervisors=supervisors)
    data = replace(data, "2.1", logbook("2.1", supervisor="Bo  Chan"))
    data = replace(data, "2.2", logbook("2.2", supervisor="Cy Dee"))
    assert [e["message"] for e in check(data)["errors"]] == [
        "Your supervisor must be an authorised person under Section 18 of the Legal Services Act "
        "2007: Bo  Chan, for example 2.1, is not (handbook §24)",
        "A former supervisor must list each example on their Supervisor Declaration Form: "
        "Bo  Chan's does not list 2.1 (handbook §53)",
        "Cy Dee, who supervised example 2.2, is not among your supervisors (handbook §46)",
    ]


def test_errors_come_in_sheet_order_then_the_portfolio_checks():
    data = portfolio(immigration())
    data["sheets"] = [
        logbook("3.1", evidence=[]),
        logbook("9.9"),
        logbook("1.1(2)", matter="matter 1.1(1)"),
        *[s for s in data["sheets"] if s["example"] not in ("3.1", "1.1(2)", "6.4")],
        logbook("3.1"),
        *[statement(e) for e in ("2.1(1)", "2.2", "2.3", "2.4", "3.2")],
    ]
    assert codes(check(data)) == [
        ("NO_EVIDENCE", "3.1"),
        ("UNKNOWN_EXAMPLE", "9.9"),
        ("DUPLICATE_EXAMPLE", "3.1"),
        ("DUPLICATE_EXAMPLE", "2.1"),
        ("DUPLICATE_EXAMPLE", "2.2"),
        ("DUPLICATE_EXAMPLE", "2.3"),
        ("DUPLICATE_EXAMPLE", "2.4"),
        ("DUPLICATE_EXAMPLE", "3.2"),
        ("C1_MATTERS_NOT_DISTINCT", "1.1"),
        ("MISSING_EXAMPLE", "6.4"),
    ]
