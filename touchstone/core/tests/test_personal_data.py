"""Likely personal data in a document's text (core.personal_data): each kind found where it is
written the ways people write it, and not in the near misses; the people the document may name
left out; findings in order, each once. No database."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from touchstone.core.personal_data import KINDS, Finding, find_personal_data, given_names


def found(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_personal_data(text, **kwargs)]


POSITIVES = [
    # emails
    ("Write to jane.doe@example.co.uk today.", "email", "jane.doe@example.co.uk"),
    ("(j_smith+legal@firm-name.com)", "email", "j_smith+legal@firm-name.com"),
    ("Email: A.N.Other@Example.ORG.", "email", "A.N.Other@Example.ORG"),
    # phone numbers
    ("Call 020 7946 0958 today.", "phone", "020 7946 0958"),
    ("Mobile 07911 123456.", "phone", "07911 123456"),
    ("Tel: (020) 7946 0958", "phone", "(020) 7946 0958"),
    ("Ring +44 (0)20 3123 4567 please", "phone", "+44 (0)20 3123 4567"),
    ("on +442031234567.", "phone", "+442031234567"),
    ("Manchester 0161 496 0000", "phone", "0161 496 0000"),
    ("Freephone 0800 123 4567", "phone", "0800 123 4567"),
    ("Paris +33 1 42 68 53 00", "phone", "+33 1 42 68 53 00"),
    ("US office +1 202 555 0143.", "phone", "+1 202 555 0143"),
    # postcodes
    ("10 Downing Street, London SW1A 2AA.", "postcode", "SW1A 2AA"),
    ("Manchester M1 1AE", "postcode", "M1 1AE"),
    ("Birmingham B33 8TH, UK", "postcode", "B33 8TH"),
    ("postcode cr26xh", "postcode", "cr26xh"),
    ("Leeds LS1 4DY", "postcode", "LS1 4DY"),
    ("Westminster W1A 0AX", "postcode", "W1A 0AX"),
    ("Giro GIR 0AA", "postcode", "GIR 0AA"),
    # Home Office references
    ("Our reference B1234567 is on the letter.", "home_office_reference", "B1234567"),
    ("Ref X1234567/2.", "home_office_reference", "X1234567/2"),
    ("Application GWF012345678 was made.", "home_office_reference", "GWF012345678"),
    ("UAN 1234-5678-9012-3456 given", "home_office_reference", "1234-5678-9012-3456"),
    ("Home Office ref: K7654321X.", "home_office_reference", "K7654321X"),
    ("Home Office reference number 1234/5678", "home_office_reference", "1234/5678"),
    ("HO ref. AB/123456/09 refers", "home_office_reference", "AB/123456/09"),
    # passport numbers
    ("Passport number: 123456789.", "passport_number", "123456789"),
    ("passport no. AB1234567 issued", "passport_number", "AB1234567"),
    ("Her PASSPORT 987654321", "passport_number", "987654321"),
    # dates of birth
    ("DOB: 12/03/1985.", "date_of_birth", "12/03/1985"),
    ("D.O.B. 12.03.85 (age 40)", "date_of_birth", "12.03.85"),
    ("Date of birth 12 March 1985", "date_of_birth", "12 March 1985"),
    ("date of birth: 1st of Jan 1990", "date_of_birth", "1st of Jan 1990"),
    ("She was born on 1985-03-12 in Leeds", "date_of_birth", "1985-03-12"),
    ("born in Lagos on March 12, 1985", "date_of_birth", "March 12, 1985"),
    # personal names
    ("Met John Carter today.", "personal_name", "John Carter"),
    ("Dear Mr. Patel, thank you.", "personal_name", "Mr. Patel"),
    ("Mrs O'Brien attended.", "personal_name", "Mrs O'Brien"),
    ("Dr Kowalczyk advised", "personal_name", "Dr Kowalczyk"),
    ("a statement by Mary-Jane Watson.", "personal_name", "Mary-Jane Watson"),
    ("signed by Elizabeth Ann Jones for", "personal_name", "Elizabeth Ann Jones"),
    ("client Margaret MCDONALD", "personal_name", "Margaret MCDONALD"),
    ("with Sophia García-López present", "personal_name", "Sophia García-López"),
    ("Chloé Dubois wrote", "personal_name", "Chloé Dubois"),
    ("Jane Smith's statement", "personal_name", "Jane Smith"),
    ("Will Turner and I", "personal_name", "Will Turner"),
    ("Name\tJohn\nCarter", "personal_name", "John Carter"),
    ("Mark Smith Solicitors", "personal_name", "Mark Smith"),
]


@pytest.mark.parametrize(("text", "kind", "value"), POSITIVES)
def test_each_kind_is_found(text, kind, value):
    assert found(text) == [(kind, value)]


NEAR_MISSES = [
    # not emails
    "user at example dot com",
    "an @mention on social media",
    "name@localhost",
    # not phone numbers
    "Costs of 1,250.00 were paid in 2019 and 2023.",
    "Reference CASE-2021-0042",
    "Invoice 987654321",
    "07700 900123",  # a number set aside for drama: not a real one
    "Page 12 of 40",
    # not postcodes
    "The Immigration Act 1971",
    "Clause 12.3AB",
    "SW1A2AAB",
    "QQ1 1AA",  # Q does not begin a postcode
    # not Home Office references
    "B12345678 has eight digits",
    "AB1234567 with no passport nearby",
    "Home Office reference: not known",
    "HO ref pending",
    "GWF01234567 is one digit short",
    "1234-5678-9012 has three groups",
    # not passport numbers
    "Passport photograph taken; later, far away from there, the number 123456789 appeared.",
    "passport 12345678",
    "Account 123456789",
    # not dates of birth
    "Meeting on 14/05/2024.",
    "Signed 12 March 1985.",
    "A first-born right, long ago and far away from here, on 12/03/1985",
    "DOB unknown",
    # not personal names
    "Mark the date.",
    "Will Review of the Home Office scheme",
    "May 2024",
    "In May Home Office staff wrote.",
    "John",
    "Bill of Costs",
    "Frank and open",
    "JOHN SMITH in capitals",
    "Court Order",
    "Charity Commission",
    "Dear Sir",
    "Mr.",
    "Mr and Mrs",
    "Grace Period",
    "Smith Street",
    "The Law Society",
    "Victoria Station",
    "Rose Court",
    "Victoria Line",
    "John      Carter",  # columns apart, not one name
    "Supervisor: Margaret    Client: Patel",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_findings(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("Jane Smith's statement", ["Jane Smith"]),
        ("JANE SMITH, Jane Smith", ["jane smith"]),
        ("Chloé Dubois signed", ["Chloe Dubois"]),
        ("CHLOE DUBOIS, Chloe Dubois signed", ["Chloé Dubois"]),
        ("Mrs Smith signed", ["Jane Smith"]),
        ("Ms. Smith-Jones signed", ["Dr Jane Smith-Jones"]),
        ("Jane Smith signed", ["Jane Mary Smith"]),
        ("Nick Jones countersigned", ["Nicholas Jones"]),
        ("Nicholas Jones countersigned", ["Nick Jones"]),
        ("Mr Okonkwo supervised", ["Mr Chidi Okonkwo"]),
        ("Jane Smith and Mark Evans", ["Jane Smith", "Mark Evans"]),
        ("Jane Smith Carter wrote", ["Jane Smith"]),  # the known name ends where it is known
        ("Applicant: Jane Smith    Supervisor: Dr Chidi Okonkwo", ["Jane Smith", "Chidi Okonkwo"]),
        ("Signed, Dr Chidi Okonkwo Partner", ["Chidi Okonkwo"]),
    ],
)
def test_known_names_are_not_findings(text, known):
    assert found(text, known_names=known) == []


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("Jane Doe wrote", ["Jane Smith"], [("personal_name", "Jane Doe")]),
        ("John Smith wrote", ["Jane Smith"], [("personal_name", "John Smith")]),
        ("Mrs Evans wrote", ["Jane Smith"], [("personal_name", "Mrs Evans")]),
        (
            "Jane Smith and John Carter",
            ["Jane Smith"],
            [("personal_name", "John Carter")],
        ),
        ("Jane Smith John Carter", ["Jane Smith"], [("personal_name", "John Carter")]),
        ("Mrs Jane Carter", ["Jane Smith"], [("personal_name", "Mrs Jane Carter")]),
    ],
)
def test_other_names_are_still_findings(text, known, expected):
    assert found(text, known_names=known) == expected


def test_findings_come_in_the_order_written_each_once_with_their_context():
    text = (
        "Dear Mr. Patel,\nplease call 020 7946 0958 or email jane.doe@example.com.\n"
        "Address: London SW1A 2AA. Home Office ref: B1234567. DOB: 12/03/1985.\n"
        "Again: jane.doe@example.com, 020 7946 0958, Mr. Patel."
    )
    findings = find_personal_data(text)
    assert [(f.kind, f.text) for f in findings] == [
        ("personal_name", "Mr. Patel"),
        ("phone", "020 7946 0958"),
        ("email", "jane.doe@example.com"),
        ("postcode", "SW1A 2AA"),
        ("home_office_reference", "B1234567"),
        ("date_of_birth", "12/03/1985"),
    ]
    assert findings[1] == Finding(
        kind="phone",
        text="020 7946 0958",
        context="Dear Mr. Patel, please call 020 7946 0958 or email jane.doe@example.com",
    )
    assert all(f.kind in KINDS for f in findings)


def test_a_name_across_a_line_break_is_one_finding_on_one_line():
    findings = find_personal_data("Signed: John\nCarter\n\nand again John Carter.")
    assert findings == [
        Finding(
            kind="personal_name",
            text="John Carter",
            context="Signed: John Carter and again John Carter.",
        )
    ]


def test_where_kinds_overlap_the_more_particular_one_is_found():
    assert found("UAN 1234-5678-9012-3456") == [("home_office_reference", "1234-5678-9012-3456")]
    assert found("passport 123456789, DOB 01/02/1990") == [
        ("passport_number", "123456789"),
        ("date_of_birth", "01/02/1990"),
    ]
    assert found("mark.evans@example.com") == [("email", "mark.evans@example.com")]


def test_the_given_names_leave_out_words_and_initials():
    names = given_names()
    assert {"john", "margaret", "nicholas", "nick", "will"} <= names
    assert not {"one", "court", "smith", "see", "al", "jr"} & names


def test_each_kind_has_words_for_the_page():
    assert set(KINDS) == {kind for _, kind, _ in POSITIVES}
    assert all(words and words[0].isupper() for words in KINDS.values())


def test_an_empty_text_has_no_findings():
    assert find_personal_data("") == []


# Text with no digits, no "@" and no capital letters holds nothing that looks like personal data.
quiet_text = st.text(
    alphabet=st.characters(exclude_categories=("Nd", "Lu", "Lt", "Cs"), exclude_characters="@"),
    max_size=300,
)


@settings(max_examples=200)
@given(quiet_text)
def test_text_without_digits_capitals_or_at_signs_has_no_findings(text):
    assert find_personal_data(text) == []


known_people = st.sampled_from(
    ["Jane Smith", "Dr Chidi Okonkwo", "Zoë García-López", "Mrs Mary O'Brien", "Nicholas Jones"]
)
# Words of every kind of finding, and of the people known, in any order.
prose = st.lists(
    st.sampled_from(
        [
            *("Mr", "Mrs", "Jane", "Smith", "John", "Carter", "Nick", "Jones", "Chidi", "Okonkwo"),
            *("born", "DOB", "passport", "12/03/1985", "123456789", "020 7946 0958", "x@y.com"),
            *("SW1A 2AA", "B1234567", "Home Office ref", "the", "and", ",", ".", "\n", "\t"),
        ]
    ),
    max_size=20,
).map(" ".join)


@settings(max_examples=200)
@given(prose, known_people, prose)
def test_naming_a_known_person_never_adds_a_finding(before, person, after):
    without = found(f"{before} () {after}", known_names=[person])
    with_name = found(f"{before} ({person}) {after}", known_names=[person])
    assert set(with_name) <= set(without)


@settings(max_examples=100)
@given(st.lists(st.sampled_from([p[0] for p in POSITIVES]), max_size=8))
def test_findings_are_each_once_in_order(texts):
    text = "\n\n".join(texts)
    findings = find_personal_data(text)
    keys = [(f.kind, f.text) for f in findings]
    assert len(keys) == len(set(keys))
    one_line, at = " ".join(text.split()), 0
    for finding in findings:  # each where it is, after the one before
        at = one_line.index(finding.context, at)


def test_a_long_document_gives_each_finding_once():
    page = (
        "The applicant, Jane Smith, worked at Example Legal LLP on immigration appeals between "
        "2019 and 2023. Her supervisor Mark Evans reviewed 45 files under the Immigration Act "
        "1971. On 12 March 2021 the Tribunal granted the appeal; costs of 1,250.00 were paid. "
        "Contact the office on 020 7946 0958. Reference CASE-2021-0042, dated 3/4/2021.\n"
    ) * 8
    text = page * 200  # 200 pages
    findings = find_personal_data(text, known_names=["Jane Smith", "Mark Evans"])
    assert [(f.kind, f.text) for f in findings] == [("phone", "020 7946 0958")]


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_any_text_gives_findings_that_are_in_it(text):
    one_line = " ".join(text.split())
    for finding in find_personal_data(text):
        assert finding.kind in KINDS
        assert finding.text in finding.context
        assert finding.context in one_line


def test_phone_numbers_are_looked_for_in_a_bounded_number_of_places(monkeypatch):
    monkeypatch.setattr("touchstone.core.personal_data._MAX_PHONE_TRIES", 1)
    assert found("020 7946 0958, then 07911 123456") == [("phone", "020 7946 0958")]
