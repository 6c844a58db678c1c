"""The shipped IQS library, exported, matches the printed standards table row by row: all 71
numbers, each one's parent, section and heading, and every code of the equivalents columns.
The expected table is written out here from the printed edition, one row a standard, not read
from the library file."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

C1, C2 = "Consumer Protection", "Running Your Business"
CONF = "Client Confidentiality & Data Protection"
CONFLICT = "Conflict of Interest"
LETTER = "Client Engagement Letter"
COSTS = "Costs Information"
PROGRESS = "Case Progression"
COMPETENCY = "Competency to Act"
COMPLAINTS = "Handling Client Complaints"
PAPERS = "Ownership of Client Papers"
END = "Client End-Of-Matter Letter"
MONEY = "Holding Client Money"
PII = "Professional Indemnity Insurance"
FILES = "File Management"
CHECK = "Checkaprofessional.com"

# number: (section, heading, parent, LSC codes, Lexcel codes); ISO 9000 and IBA are empty
# throughout the printed table.
TABLE = {
    1: (C1, None, None, [], []),
    2: (C1, None, None, ["D1.1"], ["1.4"]),
    3: (C1, None, None, [], []),
    4: (C1, None, None, [], []),
    5: (C1, None, None, [], ["7.1"]),
    6: (C1, None, None, [], []),
    7: (C1, CONF, None, ["F4.1"], ["7.1"]),
    8: (C1, CONF, None, ["F4"], ["7.1"]),
    9: (C1, CONF, None, ["F4"], ["8.5"]),
    10: (C1, CONF, None, [], []),
    11: (C1, CONF, None, [], ["4.2"]),
    12: (C1, CONF, None, [], []),
    13: (C1, CONF, None, [], []),
    14: (C1, CONF, None, [], []),
    15: (C1, CONFLICT, None, ["E1.2"], ["6.9"]),
    16: (C1, CONFLICT, None, ["E1.2"], ["6.9"]),
    17: (C1, CONFLICT, None, ["E1.2"], ["6.9"]),
    18: (C1, LETTER, None, ["F1", "F2"], ["7.2", "7.3"]),
    19: (C1, LETTER, 18, ["F1", "F2"], ["7.2", "7.3"]),
    20: (C1, LETTER, 18, ["F1", "F2"], ["7.2", "7.3"]),
    21: (C1, LETTER, 18, ["F1", "F2"], ["7.2", "7.3"]),
    22: (C1, LETTER, 18, ["F1", "F2"], ["7.2", "7.3"]),
    23: (C1, LETTER, 18, ["F1", "F2"], ["7.2", "7.3"]),
    24: (C1, LETTER, 18, ["F1", "F2"], ["7.2", "7.3"]),
    25: (C1, LETTER, 18, ["F1", "F2"], ["7.2", "7.3"]),
    26: (C1, LETTER, 18, [], []),
    27: (C1, LETTER, 18, [], []),
    28: (C1, COSTS, None, [], []),
    29: (C1, COSTS, 28, [], []),
    30: (C1, COSTS, 28, [], []),
    31: (C1, COSTS, 28, [], []),
    32: (C1, COSTS, 28, [], []),
    33: (C1, COSTS, 28, [], []),
    34: (C1, COSTS, 28, [], []),
    35: (C1, PROGRESS, None, [], []),
    36: (C1, COMPETENCY, None, [], []),
    37: (C1, COMPETENCY, None, ["D2.3"], ["5.2", "5.7"]),
    38: (C1, COMPLAINTS, None, [], []),
    39: (C1, COMPLAINTS, 38, ["G1"], ["7.5"]),
    40: (C1, COMPLAINTS, 38, ["G1"], ["7.5"]),
    41: (C1, COMPLAINTS, 38, ["G1"], ["7.5"]),
    42: (C1, COMPLAINTS, None, [], []),
    43: (C1, COMPLAINTS, None, [], []),
    44: (C1, PAPERS, None, [], []),
    45: (C1, END, None, [], []),
    46: (C1, END, 45, [], []),
    47: (C1, END, 45, [], []),
    48: (C1, END, 45, [], []),
    49: (C1, END, 45, [], []),
    50: (C1, END, 45, [], []),
    51: (C1, END, 45, [], []),
    52: (C1, END, 45, [], []),
    53: (C2, MONEY, None, [], []),
    54: (C2, MONEY, None, [], []),
    55: (C2, PII, None, [], []),
    56: (C2, FILES, None, ["D3.1"], ["6.2"]),
    57: (C2, FILES, None, [], []),
    58: (C2, FILES, None, ["F1.2"], ["6.7"]),
    59: (C2, FILES, None, ["E1.2"], ["6.9"]),
    60: (C2, FILES, None, ["E.2"], ["6.12"]),
    61: (C2, FILES, None, [], ["8.3"]),
    62: (C2, FILES, None, [], []),
    63: (C2, FILES, None, ["F2.5"], ["8.3"]),
    64: (C2, FILES, None, ["E1"], ["8.5"]),
    65: (C2, FILES, None, ["E1"], ["8.5"]),
    66: (C2, FILES, None, ["E1"], ["8.5"]),
    67: (C2, FILES, None, ["F5.4"], []),
    68: (C2, FILES, None, ["F5.1"], ["8.6"]),
    69: (C2, FILES, None, [], ["3.3"]),
    70: (C2, FILES, None, ["E1.2"], ["6.11"]),
    71: (C2, CHECK, None, [], []),
}

# Texts the printed table wraps, repeats a letter in, or prints oddly: kept whole, as printed.
TEXTS = {
    6: "Keep professional knowledge current and have ready access to up-to-date information "
    "on relevant practice areas(s) and, if a member of the IOP, comply with the IOP's annual "
    "CPD requirements.",
    31: "c) if the charges are to be increased.",
    37: "Ensure that appropriate training is provided to all staff and that case workers and "
    "client advisors receive a minimum of 12 hours per year of professional development "
    "training relevant to the type of work they do.",
    40: "b) a named person to whom the client can complain (if reasonably possible not the "
    "person handling the actual case).",
    41: "b) how the complaint will be handled and the timescales involved.",
    49: "d) what property or other documents or items are being held (if any) and when they "
    "will be returned (which date shall be as soon as reasonably possible).",
    50: "d) the disposition of the client's papers/evidence, etc. If you are willing to hold "
    "the papers for the client then the terms of holding must be made clear (duration, "
    "format, and any holding, copying or retrieval charges the member intends to impose, "
    "etc).",
    52: "f) advice as to whether you think the matter needs to be revisited at some point and, "
    "if so, when.",
    55: "Have professional indemnity insurance sufficient to meet potential claims.",
}

GUIDANCE_OPENINGS = {
    CONF: "Clients rarely view getting legal advice/assistance",
    LETTER: "A continuing cause of complaint are disagreements about what the provider",
    COSTS: "A continuing cause of complaint is disagreements about how much",
    PROGRESS: "Lack of information about the progress of their matter",
    COMPETENCY: "Providers taking on work that they are not actually able to do",
    COMPLAINTS: "Many providers handle client complaints poorly",
    PAPERS: "All too often this is a grey area",
    END: "The failure to communicate with a client at the end of a matter",
    MONEY: "One of the recognised tests of professionalism",
}
UNGUIDED = {CONFLICT, PII, FILES, CHECK}


def _export(fmt: str = "json") -> str:
    out = StringIO()
    call_command("standards", "export", "iqs-2012", "--format", fmt, stdout=out)
    return out.getvalue()


@pytest.fixture
def exported(db) -> dict:
    return json.loads(_export())


def test_the_framework_is_named_with_its_edition(exported):
    assert exported["framework"] == {
        "id": "iqs-2012",
        "name": "The Institute of Paralegals Quality Standards for Legal Service Providers",
        "edition": "January 2012",
    }


def test_all_71_standards_in_order_as_integers(exported):
    numbers = [s["number"] for s in exported["standards"]]
    assert numbers == list(range(1, 72))
    assert all(type(n) is int for n in numbers)


@pytest.mark.parametrize("number", sorted(TABLE))
def test_each_standard_matches_its_printed_row(exported, number):
    section, heading, parent, lsc, lexcel = TABLE[number]
    standard = exported["standards"][number - 1]
    assert standard["number"] == number
    assert (standard["section"], standard["heading"], standard["parent"]) == (
        section,
        heading,
        parent,
    )
    assert standard["mappings"] == {"LSC": lsc, "Lexcel": lexcel, "ISO 9000": [], "IBA": []}
    assert standard["text"].strip() and "\n" not in standard["text"]


@pytest.mark.parametrize("number", sorted(TEXTS))
def test_wrapped_and_repeated_texts_are_kept_whole(exported, number):
    assert exported["standards"][number - 1]["text"] == TEXTS[number]


def test_every_heading_carries_its_guidance(db):
    from touchstone.standards.models import Node, NodeKind

    headings = {
        n.text: n.guidance
        for n in Node.objects.filter(
            framework__ref_id="iqs-2012", framework__current=True, kind=NodeKind.HEADING
        )
    }
    assert set(headings) == set(GUIDANCE_OPENINGS) | UNGUIDED
    for title, opening in GUIDANCE_OPENINGS.items():
        assert headings[title].startswith(opening), title
    assert all(headings[title] == "" for title in UNGUIDED)


def test_the_two_sections_in_order(db):
    from touchstone.standards.models import Node, NodeKind

    sections = Node.objects.filter(
        framework__ref_id="iqs-2012", framework__current=True, kind=NodeKind.SECTION
    ).order_by("order")
    assert [s.text for s in sections] == [C1, C2]


def test_only_standard_55_may_not_be_answered_na(db):
    from touchstone.standards.models import Node, NodeKind

    standards = Node.objects.filter(
        framework__ref_id="iqs-2012", framework__current=True, kind=NodeKind.STANDARD
    )
    assert [s.number for s in standards.filter(na_allowed=False)] == [55]
    assert standards.filter(assessable=True).count() == 71


def test_the_clause_lists_hold_every_code_the_table_names(db):
    from touchstone.standards.models import Node

    for ref_id, column in (("lsc-gqm", 3), ("lexcel", 4)):
        named = {code for row in TABLE.values() for code in row[column]}
        held = set(
            Node.objects.filter(framework__ref_id=ref_id, framework__current=True).values_list(
                "ref_id", flat=True
            )
        )
        assert held == named, ref_id
    for ref_id in ("iso-9000", "iba-principles"):
        assert not Node.objects.filter(framework__ref_id=ref_id).exists()


def test_every_mapping_is_an_intersection_by_default(db):
    from touchstone.standards.models import Mapping

    relationships = set(
        Mapping.objects.filter(mapping_set__source__ref_id="iqs-2012").values_list(
            "relationship", flat=True
        )
    )
    assert relationships == {"intersect"}
