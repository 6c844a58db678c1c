import copy
import json
from datetime import date

import pytest

from touchstone.rights.rules import (
    Scheme,
    SchemeError,
    portfolio_check,
    resolve_scheme_document,
    scheme_from_dict,
    scheme_in_force,
)
from touchstone.rights.rules.versions import merge

from .build import (
    IMMIGRATION,
    codes,
    document,
    examples,
    immigration,
    logbook,
    portfolio,
)


def test_the_immigration_scheme_resolves_to_one_version():
    (resolved,) = resolve_scheme_document(document(IMMIGRATION))
    assert (resolved["code"], resolved["name"]) == (
        "immigration",
        "Chartered Legal Executive (Immigration)",
    )
    assert (resolved["version"], resolved["effective_from"]) == ("2024.1", "2024-01-01")
    scheme = scheme_from_dict(resolved)
    assert scheme.effective_from == date(2024, 1, 1)
    assert scheme_from_dict(scheme.to_dict()) == scheme
    assert json.loads(json.dumps(scheme.to_dict())) == scheme.to_dict()
    assert {k: v for k, v in scheme.to_dict().items() if k not in ("competencies", "courses")} == {
        k: v for k, v in resolved.items() if k not in ("competencies", "courses")
    }


def test_the_immigration_numbers():
    s = immigration()
    assert s.required_hours == 2300
    assert [code for code, _ in s.qualifying_tasks] == [
        "taking_instructions",
        "advising",
        "drafting",
        "research",
        "correspondence",
        "decisions",
        "representation",
    ]
    assert [c[:3] for c in s.courses] == [
        ("lpc", "Legal Practice Course (LPC)", 644),
        ("btc", "Bar Training Course (BTC)", 644),
    ]
    assert s.courses[1][3].startswith("a Bar Training Course (BTC), recognised by the Bar Council")
    assert (
        s.evidence_window_years,
        s.evidence_exceptional_max_years,
        s.max_personal_statements,
    ) == (2, 3, 4)
    assert [key for key, _ in s.facts] == [
        "supervisor_reference_reuse_months",
        "portfolio_max_mb",
        "accredited_qualifications",
        "authorised_supervisor_qualifications",
        "supervisor_reference",
        "permitted_activities",
        "permitted_activities_note",
        "commissioner_for_oaths",
        "register_grants",
        "fees",
    ]
    facts = dict(s.facts)
    assert facts["supervisor_reference_reuse_months"] == 6
    assert facts["portfolio_max_mb"] == 10
    assert facts["commissioner_for_oaths"] is True
    assert facts["register_grants"] == {
        "rights": ["immigration", "commissioner_for_oaths"],
        "category": "chartered_legal_executive_immigration",
    }
    assert len(facts["accredited_qualifications"]) == 3
    assert facts["authorised_supervisor_qualifications"] == [
        "Chartered Legal Executive",
        "CILEX Practitioner",
        "Solicitor",
        "Barrister",
        "Licensed Conveyancer",
    ]
    assert len(facts["permitted_activities"]) == 9
    assert "Civil Litigation Practice Rights" in facts["permitted_activities_note"]
    assert [f["code"] for f in facts["fees"]] == [
        "qualifying_experience_assessment",
        "application_assessment",
    ]
    assert all(f["amount"] is None for f in facts["fees"])


def test_the_immigration_evidence_kinds():
    kinds = {k.code: k for k in immigration().evidence_kinds}
    acceptable = [c for c, k in kinds.items() if k.acceptable]
    assert acceptable == [
        "client_letter",
        "email",
        "telephone_attendance_note",
        "client_attendance_note",
        "report",
        "official_form",
        "application",
        "submission",
        "third_party_letter",
    ]
    assert [c for c, k in kinds.items() if not k.acceptable] == [
        "firm_policy",
        "code_of_practice",
        "template",
        "internal_file_note",
        "statute",
    ]
    assert [c for c, k in kinds.items() if k.acceptable_for] == ["statute"]
    assert kinds["statute"].acceptable_for == ("1.1",)


def test_the_immigration_competencies_and_outcomes():
    s = immigration()
    assert [c.number for c in s.competencies] == [1, 2, 3, 4, 5, 6]
    assert [c.examples_per_outcome for c in s.competencies] == [3, 1, 1, 1, 1, 1]
    assert [(c.distinct_matters, c.distinct_document_types) for c in s.competencies] == [
        (True, True)
    ] + [(False, False)] * 5
    outcomes = {o.code: o for c in s.competencies for o in c.outcomes}
    assert [code for code, o in outcomes.items() if o.optional] == ["6.5"]
    assert len([o for o in outcomes.values() if not o.optional]) == 25
    assert [len(c.outcomes) for c in s.competencies] == [5, 4, 4, 3, 5, 5]
    assert len(examples(s)) == 35 and len(examples(s, optional=True)) == 36
    letters = {code: "".join(x["letter"] for x in o.criteria) for code, o in outcomes.items()}
    assert letters["2.1"] == "abcdefghij"
    assert letters["1.5"] == "abcd" and letters["3.4"] == "abcdefg" and letters["5.2"] == "a"
    assert sum(len(o.criteria) for o in outcomes.values()) == 110
    c15 = outcomes["1.5"].criteria[2]
    assert c15["text"].endswith("Documents which may be evidenced are:")
    assert c15["bullets"] == [
        "letters/emails of advice to clients throughout the matter",
        "prescribed or official forms",
        "correspondence with other professionals including opponents, experts, interpreters",
        "correspondence advising and conducting negotiations with any other parties",
        "complaint handling correspondence",
    ]
    d24 = outcomes["2.4"].criteria[3]
    assert d24["text"] == "Identify and where appropriate, instruct an expert or agent"
    assert d24["bullets_intro"] == "You should provide evidence which demonstrates:"
    assert (
        len(d24["bullets"]) == 9
        and d24["bullets"][-1] == "dealing with any expert or agent in a professional manner"
    )
    assert len(outcomes["1.4"].criteria[1]["bullets"]) == 2
    assert len(outcomes["3.4"].criteria[5]["bullets"]) == 2
    assert outcomes["6.5"].note.startswith("OPTIONAL")
    assert s.competencies[3].note.startswith("It is not appropriate")
    assert outcomes["1.1"].title == "Undertake legal research"


def test_every_rule_cites_a_paragraph_of_the_handbook():
    rules = dict(immigration().rules)
    assert {code: r.paragraph for code, r in rules.items()} == {
        "NON_QUALIFYING_WORK": "17",
        "COURSE_NOT_PASSED": "19",
        "COURSE_ALREADY_CREDITED": "19",
        "OVERLAP_COURSE_WORK": "20",
        "MISSING_EXAMPLE": "33",
        "UNKNOWN_EXAMPLE": "57",
        "DUPLICATE_EXAMPLE": "57",
        "C1_MATTERS_NOT_DISTINCT": "44",
        "C1_DOCUMENT_TYPES_NOT_DISTINCT": "33",
        "TOO_MANY_PERSONAL_STATEMENTS": "49",
        "EVIDENCE_AFTER_APPLICATION": "36",
        "EVIDENCE_TOO_OLD": "41",
        "EVIDENCE_EXCEPTIONAL_AGE": "41",
        "EVIDENCE_AGE_UNEXPLAINED": "41",
        "UNACCEPTABLE_EVIDENCE": "40",
        "NO_EVIDENCE": "36",
        "INCOMPLETE_SHEET": "46",
        "SUPERVISOR_UNKNOWN": "46",
        "SUPERVISOR_NOT_AUTHORISED": "24",
        "SUPERVISOR_DECLARATION_MISSING": "53",
    }
    for code, r in rules.items():
        assert "§{paragraph}" in r.message, code


def test_a_later_version_changes_only_what_it_names():
    doc = document(IMMIGRATION)
    doc["versions"].append(
        {"version": "2026.1", "effective_from": "2026-06-01", "evidence_window_years": 3}
    )
    first, second = resolve_scheme_document(doc)
    assert second["evidence_window_years"] == 3
    assert {
        **second,
        "evidence_window_years": 2,
        "version": "2024.1",
        "effective_from": "2024-01-01",
    } == first
    later = scheme_from_dict(second)
    assert later.evidence_window_years == 3 and later.competencies == immigration().competencies
    data = portfolio(later, application_date="2026-07-01")
    data["sheets"][0] = logbook("1.1(1)", day=date(2023, 7, 1))
    assert (
        codes(portfolio_check(data, later), "warnings") == []
        and portfolio_check(data, later)["complete"]
    )
    assert codes(portfolio_check(data, immigration())) == [("EVIDENCE_AGE_UNEXPLAINED", "1.1(1)")]


def test_later_versions_merge_mappings_and_replace_lists():
    doc = {
        "code": "x",
        "name": "X",
        "versions": [
            {
                "version": "1",
                "effective_from": date(2020, 1, 1),
                "a": {"b": 1, "c": {"d": 2, "e": 3}},
                "l": [1, 2],
            },
            {
                "version": "2",
                "effective_from": "2021-01-01",
                "a": {"c": {"e": 4}, "f": 5},
                "l": [3],
            },
            {
                "version": "3",
                "effective_from": "2022-01-01",
                "a": 6,
                "g": {"h": date(2022, 2, 2), 7: ("t", [date(2022, 3, 3)])},
            },
        ],
    }
    original = copy.deepcopy(doc)
    v1, v2, v3 = resolve_scheme_document(doc)
    assert v1 == {
        "code": "x",
        "name": "X",
        "version": "1",
        "effective_from": "2020-01-01",
        "a": {"b": 1, "c": {"d": 2, "e": 3}},
        "l": [1, 2],
    }
    assert v2 == {
        **v1,
        "version": "2",
        "effective_from": "2021-01-01",
        "a": {"b": 1, "c": {"d": 2, "e": 4}, "f": 5},
        "l": [3],
    }
    assert v3 == {
        **v2,
        "version": "3",
        "effective_from": "2022-01-01",
        "a": 6,
        "g": {"h": "2022-02-02", "7": ["t", ["2022-03-03"]]},
    }
    assert doc == original
    v1["a"]["c"]["d"] = 99
    assert v2["a"]["c"]["d"] == 2


def test_merge():
    base = {"a": {"b": [1]}}
    merged = merge(base, {"a": {"c": 2}})
    assert merged == {"a": {"b": [1], "c": 2}}
    merged["a"]["b"].append(3)
    assert base == {"a": {"b": [1]}}
    assert merge([1], {"a": 1}) == {"a": 1}
    assert merge({"a": 1}, [2]) == [2]
    change = {"a": [[1]], "b": {"c": [2]}}
    merged = merge({"b": {}}, change)
    merged["a"][0].append(3)
    merged["b"]["c"].append(4)
    assert change == {"a": [[1]], "b": {"c": [2]}}
    listed = [[1]]
    merge(1, listed)[0].append(2)
    assert listed == [[1]]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "document: a scheme document is a mapping"),
        ({"name": "X", "versions": [{}]}, "document: code is missing"),
        ({"code": "x", "name": "", "versions": [{}]}, "document: name is missing"),
        ({"code": "x", "name": "X"}, "document: versions must be a list of at least one version"),
        (
            {"code": "x", "name": "X", "versions": []},
            "document: versions must be a list of at least one version",
        ),
        (
            {"code": "x", "name": "X", "versions": [1]},
            "versions[0]: a version needs its version, a text such as 2024.1",
        ),
        (
            {"code": "x", "name": "X", "versions": [{"version": 1}]},
            "versions[0]: a version needs its version, a text such as 2024.1",
        ),
        (
            {"code": "x", "name": "X", "versions": [{"version": "1"}]},
            "versions[0]: effective_from is not a date written YYYY-MM-DD",
        ),
        (
            {"code": "x", "name": "X", "versions": [{"version": "1", "effective_from": "1 May"}]},
            "versions[0]: effective_from is not a date written YYYY-MM-DD",
        ),
        (
            {
                "code": "x",
                "name": "X",
                "versions": [
                    {"version": "1", "effective_from": "2020-01-01"},
                    {"version": "2", "effective_from": "2020-01-01"},
                ],
            },
            "versions[1]: versions must come in order of effective_from",
        ),
    ],
)
def test_a_bad_document(doc, message):
    with pytest.raises(SchemeError) as raised:
        resolve_scheme_document(doc)
    assert str(raised.value) == message


def spoil(change):
    data = immigration().to_dict()
    change(data)
    return data


def _set(path, value):
    def change(data):
        *parents, last = path
        for key in parents:
            data = data[key]
        if value is KeyError:
            del data[last]
        else:
            data[last] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set(["code"], KeyError), "scheme: code is missing"),
        (_set(["name"], 5), "scheme: name is not a text"),
        (_set(["version"], KeyError), "scheme: version is missing"),
        (
            _set(["effective_from"], "2024-13-01"),
            "scheme: effective_from is not a date written YYYY-MM-DD",
        ),
        (_set(["effective_from"], KeyError), "scheme: effective_from is missing"),
        (_set(["required_hours"], "2300"), "scheme: required_hours is not a whole number"),
        (_set(["required_hours"], True), "scheme: required_hours is not a whole number"),
        (_set(["required_hours"], 0), "scheme: required_hours must be at least 1"),
        (_set(["qualifying_tasks"], {}), "scheme: qualifying_tasks is not a list"),
        (_set(["qualifying_tasks", 1, "code"], KeyError), "qualifying_tasks[1]: code is missing"),
        (_set(["qualifying_tasks", 2, "text"], KeyError), "qualifying_tasks[2]: text is missing"),
        (_set(["courses", 1, "credit_hours"], -1), "courses[1]: credit_hours must be at least 0"),
        (_set(["courses", 0, "name"], None), "courses[0]: name is not a text"),
        (_set(["courses", 0, "code"], KeyError), "courses[0]: code is missing"),
        (_set(["courses", 0, "text"], 1), "courses[0]: text is not a text"),
        (_set(["evidence_window_years"], 0), "scheme: evidence_window_years must be at least 1"),
        (_set(["evidence_window_years"], KeyError), "scheme: evidence_window_years is missing"),
        (
            _set(["evidence_exceptional_max_years"], KeyError),
            "scheme: evidence_exceptional_max_years is missing",
        ),
        (_set(["courses"], KeyError), "scheme: courses is missing"),
        (_set(["competencies"], {}), "scheme: competencies is not a list"),
        (
            _set(["competencies", 0, "outcomes", 2, "code"], KeyError),
            "competencies[0].outcomes[2]: code is missing",
        ),
        (
            _set(["evidence_exceptional_max_years"], 1),
            "scheme: evidence_exceptional_max_years is less than the window",
        ),
        (
            _set(["max_personal_statements"], -1),
            "scheme: max_personal_statements must be at least 0",
        ),
        (_set(["evidence_kinds"], []), "scheme: evidence_kinds is not a mapping"),
        (
            _set(["evidence_kinds", "email", "acceptable"], "yes"),
            "evidence_kinds.email: acceptable is not true or false",
        ),
        (
            _set(["evidence_kinds", "email", "text"], KeyError),
            "evidence_kinds.email: text is missing",
        ),
        (
            _set(["evidence_kinds", "statute", "acceptable_for"], "1.1"),
            "evidence_kinds.statute: acceptable_for is not a list",
        ),
        (
            _set(["competencies"], []),
            "competencies: each outcome must appear once, and there must be one",
        ),
        (
            _set(["competencies", 1, "outcomes", 0, "code"], "1.1"),
            "competencies[1]: outcome 1.1 is not in competency 2",
        ),
        (
            _set(["competencies", 0, "outcomes", 1, "code"], "1.1"),
            "competencies: each outcome must appear once, and there must be one",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "code"], "1.1(1)"),
            "competencies[0].outcomes[0]: outcome code '1.1(1)' is not written like 1.1",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "code"], "1.0"),
            "competencies[0].outcomes[0]: outcome code '1.0' is not written like 1.1",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "code"], "0.1"),
            "competencies[0].outcomes[0]: outcome code '0.1' is not written like 1.1",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "code"], " 1.1"),
            "competencies[0].outcomes[0]: outcome code ' 1.1' is not written like 1.1",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "code"], "1.1 "),
            "competencies[0].outcomes[0]: outcome code '1.1 ' is not written like 1.1",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "title"], KeyError),
            "competencies[0].outcomes[0]: title is missing",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "optional"], "no"),
            "competencies[0].outcomes[0]: optional is not true or false",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "note"], 3),
            "competencies[0].outcomes[0]: note is not a text",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "criteria"], "a"),
            "competencies[0].outcomes[0]: criteria is not a list",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "criteria", 2, "letter"], KeyError),
            "competencies[0].outcomes[0].criteria[2]: letter is missing",
        ),
        (
            _set(["competencies", 0, "outcomes", 0, "criteria", 1, "text"], 1),
            "competencies[0].outcomes[0].criteria[1]: text is not a text",
        ),
        (_set(["competencies", 2, "number"], 0), "competencies[2]: number must be at least 1"),
        (_set(["competencies", 2, "title"], KeyError), "competencies[2]: title is missing"),
        (
            _set(["competencies", 2, "examples_per_outcome"], 0),
            "competencies[2]: examples_per_outcome must be at least 1",
        ),
        (
            _set(["competencies", 2, "distinct_matters"], KeyError),
            "competencies[2]: distinct_matters is missing",
        ),
        (
            _set(["competencies", 2, "distinct_document_types"], 1),
            "competencies[2]: distinct_document_types is not true or false",
        ),
        (_set(["competencies", 2, "note"], []), "competencies[2]: note is not a text"),
        (_set(["competencies", 2, "outcomes"], {}), "competencies[2]: outcomes is not a list"),
        (_set(["rules"], []), "scheme: rules is not a mapping"),
        (_set(["rules", "NO_EVIDENCE"], KeyError), "rules: NO_EVIDENCE is missing"),
        (_set(["rules", "NON_QUALIFYING_WORK"], KeyError), "rules: NON_QUALIFYING_WORK is missing"),
        (
            _set(["rules", "NO_EVIDENCE", "paragraph"], 36),
            "rules.NO_EVIDENCE: paragraph is not a text",
        ),
        (
            _set(["rules", "NO_EVIDENCE", "message"], KeyError),
            "rules.NO_EVIDENCE: message is missing",
        ),
        (
            _set(["rules", "NO_EVIDENCE", "message"], "{ref} {sheet} {hours} {kind}"),
            "rules.NO_EVIDENCE: the message names hours, sheet, which no rule gives",
        ),
    ],
)
def test_a_bad_scheme(change, message):
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(spoil(change))
    assert str(raised.value) == message


def test_zero_is_allowed_where_it_makes_sense():
    changed = spoil(_set(["max_personal_statements"], 0))
    changed["courses"][0]["credit_hours"] = 0
    scheme = scheme_from_dict(changed)
    assert (scheme.max_personal_statements, scheme.courses[0][2]) == (0, 0)
    same = spoil(_set(["evidence_exceptional_max_years"], 2))
    assert scheme_from_dict(same).evidence_exceptional_max_years == 2


def test_a_scheme_is_a_mapping():
    with pytest.raises(SchemeError, match="^scheme: a scheme is a mapping$"):
        scheme_from_dict([])


def test_a_message_may_name_every_placeholder():
    text = " ".join(
        "{" + name + "}"
        for name in (
            "paragraph",
            "ref",
            "kind",
            "course",
            "supervisor",
            "missing",
            "count",
            "required_hours",
            "evidence_window_years",
            "evidence_exceptional_max_years",
            "max_personal_statements",
        )
    )
    scheme = scheme_from_dict(spoil(_set(["rules", "NO_EVIDENCE", "message"], text)))
    assert scheme.rule(
        "NO_EVIDENCE", ref="r", kind="k", course="c", supervisor="s", missing="m", count=7
    ) == ("36 r k c s m 7 2300 2 3 4")


def test_unknown_keys_are_kept_and_rules_not_applied_are_dropped():
    data = spoil(_set(["rules", "EXTRA"], {"paragraph": "1", "message": "x"}))
    assert "EXTRA" not in scheme_from_dict(data).to_dict()["rules"]
    assert scheme_from_dict({**data, "colour": "blue"}).to_dict()["colour"] == "blue"


def version(on: str, name: str) -> Scheme:
    return scheme_from_dict({**immigration().to_dict(), "effective_from": on, "version": name})


def test_scheme_in_force():
    a, b, c = version("2024-01-01", "a"), version("2025-01-01", "b"), version("2025-01-01", "c")
    assert scheme_in_force([a, b], date(2023, 12, 31)) is None
    assert scheme_in_force([a, b], date(2024, 1, 1)) is a
    assert scheme_in_force([a, b], date(2024, 12, 31)) is a
    assert scheme_in_force([a, b], date(2025, 1, 1)) is b
    assert scheme_in_force([b, a], date(2030, 1, 1)) is b
    assert scheme_in_force([a, b, c], date(2025, 1, 1)) is c
    assert scheme_in_force([], date(2025, 1, 1)) is None
