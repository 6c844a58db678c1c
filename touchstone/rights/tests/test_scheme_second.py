"""A second specialism from data alone: the small test scheme read by the same rules."""

from datetime import date

import pytest

from touchstone.rights.rules import (
    portfolio_check,
    qe_check,
    resolve_scheme_document,
    scheme_from_dict,
)

from .build import (
    PROBATE,
    codes,
    document,
    examples,
    logbook,
    portfolio,
    probate,
    statement,
)

# A second specialism, from data alone


def test_the_probate_scheme_is_read_by_the_same_rules():
    (resolved,) = resolve_scheme_document(document(PROBATE))
    assert resolved["effective_from"] == "2023-04-06"
    s = probate()
    assert scheme_from_dict(s.to_dict()) == s
    assert examples(s) == ["1.1(1)", "1.1(2)", "1.2(1)", "1.2(2)", "2.1", "2.2"]


def test_probate_experience():
    result = qe_check(
        {
            "as_of": "2024-01-10",
            "periods": [
                {"kind": "gdl", "start": "2024-01-01", "end": "2024-01-10", "passed": True},
                {
                    "kind": "work",
                    "start": "2024-01-01",
                    "end": None,
                    "hours": 100,
                    "tasks": ["research"],
                },
            ],
        },
        probate(),
    )
    assert result == {
        "meets_requirement": False,
        "required_hours": 1500,
        "credited_hours": 300.0,
        "shortfall_hours": 1200.0,
        "anticipated_date": "2024-05-09",  # 10 a day: 120 days
        "scheme_version": "P1",
        "issues": [
            {
                "code": "OVERLAP_COURSE_WORK",
                "period": None,
                "message": "Graduate Diploma in Law overlaps work (§P9)",
            }
        ],
    }
    with pytest.raises(Exception, match="must be one of work, gdl"):
        qe_check(
            {"as_of": "2024-01-10", "periods": [{"kind": "lpc", "start": "2024-01-01"}]}, probate()
        )
    with pytest.raises(Exception, match="must be one of drafting, research"):
        qe_check(
            {
                "as_of": "2024-01-10",
                "periods": [
                    {"kind": "work", "start": "2024-01-01", "hours": 1, "tasks": ["advising"]}
                ],
            },
            probate(),
        )


def test_probate_portfolio():
    s = probate()
    data = portfolio(s, supervisors=[{"name": "Ann Lee", "authorised": True, "current": True}])
    for sheet in data["sheets"]:
        sheet["evidence"][0]["kind"] = "will_copy"
    assert portfolio_check(data, s)["complete"]
    assert portfolio_check({**data, "include_optional": True}, s)["required_examples"] == 7
    data["sheets"] = [
        logbook("1.1(1)", kind="will_copy", matter="Estate A", document_type="will"),
        logbook("1.1(2)", kind="will_copy", matter="estate a", document_type="will"),
        logbook("1.1(3)", kind="will_copy"),
        logbook("1.2(1)", kind="statute"),
        statement("2.1", day=date(2025, 5, 9)),
        statement("2.2", day=date(2024, 5, 9), age_explanation="ill-health"),
        logbook("2.3", kind="statute", day=date(2025, 5, 10)),
    ]
    result = portfolio_check(data, s)
    assert result["required_examples"] == 7
    assert result["errors"] == [
        {"code": "UNKNOWN_EXAMPLE", "ref": "1.1(3)", "message": "1.1(3) unknown (§P21)"},
        {
            "code": "UNACCEPTABLE_EVIDENCE",
            "ref": "1.2(1)",
            "message": "A statute not accepted for 1.2(1) (§P25)",
        },
        {
            "code": "EVIDENCE_AGE_UNEXPLAINED",
            "ref": "2.1",
            "message": "2.1 older than 1 year (§P24)",
        },
        {"code": "EVIDENCE_TOO_OLD", "ref": "2.2", "message": "2.2 older than 2 years (§P24)"},
        {
            "code": "UNACCEPTABLE_EVIDENCE",
            "ref": "2.3",
            "message": "A statute not accepted for 2.3 (§P25)",
        },
        {
            "code": "TOO_MANY_PERSONAL_STATEMENTS",
            "ref": None,
            "message": "2 statements, at most 1 (§P23)",
        },
        {"code": "C1_MATTERS_NOT_DISTINCT", "ref": "1.1", "message": "1.1: same estate (§P22)"},
        {"code": "MISSING_EXAMPLE", "ref": "1.2(2)", "message": "1.2(2) missing (§P20)"},
    ]
    statute_on_21 = {**data, "sheets": [logbook("2.1", kind="statute")]}
    assert ("UNACCEPTABLE_EVIDENCE", "2.1") not in codes(portfolio_check(statute_on_21, s))
