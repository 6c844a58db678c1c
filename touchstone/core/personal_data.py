"""Likely personal data left in a document's text (`core.extract.document_text`), for the
person who sent it to remove and for whoever reads it to see: email addresses, phone numbers,
UK postcodes, Home Office references, passport numbers, dates of birth and personal names.

Pure and module-agnostic: text in, findings out. The findings are hints for a person to
check, not a judgement: a pattern finds what looks like personal data (a colleague's name
the list of given names does not know is missed; a firm called after its founder is found).

- Phone numbers are phonenumbers' matcher for the UK (numbers written with +44, 0 or another
  country's + code), its "valid" leniency: the number must be a real allocation.
- Personal names are a given name of the `nicknames` list (English given names and their
  short forms), written with a capital, followed by one or two capitalised words (the family
  name); or a title (Mr, Mrs, Ms, Miss, Mx, Dr) followed by one or two. A name of `known_names` (the
  applicant, the supervisor) is not a finding, nor a part of it (the family name alone with a
  title, or a short form of the given name), compared without case or accents.
- Passport numbers (9 digits, or 2 letters and 7 digits) and dates of birth (a date) count
  only close to the words that say what they are ("passport"; "date of birth", "DOB", "born"),
  so that a plain number or date is not flagged."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import phonenumbers
from nicknames import NickNamer, name_triplets

KINDS = {
    "email": "Email address",
    "phone": "Phone number",
    "postcode": "Postcode",
    "home_office_reference": "Home Office reference",
    "passport_number": "Passport number",
    "date_of_birth": "Date of birth",
    "personal_name": "Personal name",
}
CONTEXT_CHARS = 30  # shown either side of a finding
_PASSPORT_REACH = 40  # characters between the word "passport" and the number
_DOB_REACH = 40  # characters between "date of birth" (or DOB, born) and the date


@dataclass(frozen=True)
class Finding:
    kind: str  # a key of KINDS
    text: str  # what was found, as written (its spaces and line breaks made single spaces)
    context: str  # the finding with the words around it, on one line


_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# UK postcodes: the outward code (area and district), an optional space, the inward code.
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA"
    r"|[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRVWXY]?) ?\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
# Home Office references: a letter and seven digits (B1234567, sometimes /2 after it), a
# Global Web Form number (GWF and nine digits), a Unique Application Number (four groups of
# four digits), or whatever token follows the words "Home Office reference" or "HO ref".
_HOME_OFFICE = re.compile(
    r"\b(?:[A-Z]\d{7}(?:/\d{1,4})?|GWF ?\d{9}|\d{4}-\d{4}-\d{4}-\d{4})\b"
    r"|\b(?:H\.?O\.?|Home[ \t]+Office)[ \t]+ref(?:erence|\.)?(?:[ \t]+(?:no\.?|number))?"
    r"[ \t]*[:#-]?[ \t]*"
    r"(?P<token>(?=[A-Z/-]*\d)[A-Z\d][A-Z\d/-]{3,}[A-Z\d])\b",
    re.IGNORECASE,
)
# What may be a phone number, for phonenumbers' matcher to read (it tries every run of digits,
# which is slow on a long document of figures): a + or a 0 (perhaps in brackets), then digits
# with spaces, dots, dashes or brackets, at least 8 digits in all.
_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+[ \t]?\d|\(?0)[\d \t().-]{6,24}\d")
_PHONE_MIN_DIGITS = 8
_MAX_PHONE_TRIES = 2_000  # a document with more such runs is a table of figures: stop there
_PASSPORT_WORD = re.compile(r"passport", re.IGNORECASE)  # passports, passport-holder too
_PASSPORT_NUMBER = re.compile(r"\b(?:[A-Z]{2}\d{7}|\d{9})\b")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH},?[ \t]+\d{{4}}"
    rf"|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})\b",
    re.IGNORECASE,
)
_BIRTH_WORD = re.compile(r"\b(?:D\.O\.B\.?|DOB\b|date[ \t]+of[ \t]+birth\b|born\b)", re.IGNORECASE)
# (kind, the words that label it, the value, how far after the words it may start): the
# first value after the words counts, so a number or a date elsewhere is not flagged.
_LABELLED = (
    ("passport_number", _PASSPORT_WORD, _PASSPORT_NUMBER, _PASSPORT_REACH),
    ("date_of_birth", _BIRTH_WORD, _DATE, _DOB_REACH),
)

# Personal names: runs of capitalised words (a single line break may fall inside one).
_UPPER = "".join(chr(c) for c in range(0x250) if chr(c).isupper())
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
_WORD = rf"(?:(?:Mr|Mrs|Ms|Mx|Dr)\.(?=\s)|[{_UPPER}][^\W\d_]*(?:['’-][^\W\d_]+)*)"
# Words of a name are a space or two apart, or a line apart; a wider gap is between columns.
_NAME_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:(?:[ \t]{{1,2}}|[ \t]?\r?\n[ \t]?){_WORD})+")
_RUN_WORD = re.compile(_WORD)
_POSSESSIVE = ("'s", "’s")  # Jane Smith's statement: the name is Jane Smith


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# In the names list but not used as given names in practice (words, places, surnames), or
# too short to tell from an initialism.
_NOT_GIVEN = _words(
    """
    ado aga ant app appy art bab bat bell berry bige cage california arizona char charity charm
    chat chick clum columbus con court crate curg darkey day deliverance dob dot dutch duty
    experience falcon fall farmboy fate field ford gee glory governor green gum ham hap haps hob
    hodge honor hop hopkins hopp hub india jap junior kill king left lib life link little
    littleberry lincoln matthews mock moss nap nib obedience ode one philadelphia pink pleasant
    pokey posthuma pres providence relief sceeter see silence sly smith squat temperance than
    tick van vest vet von wash washington webb webster west wood
    """
)
# Capitalised words that follow a given name without being a family name: months and days,
# the words of headings, addresses and organisations, and the small words of titles.
_NOT_SURNAME = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    the a an and or of to in on at by for with from as is are was were be been has have had
    not no yes all any this that these those it its we you they he she his her our your their
    my if so but also only must should can could will would do does did see note new old
    first last next more most other such each every one two three
    street road lane avenue close court drive place square gardens way hill house park bridge
    station airport centre center building floor flat unit estate crescent terrace row walk
    office home ltd limited llp plc inc llc co company group trust bank partners associates
    solicitors solicitor law legal chambers barristers barrister firm practice services service
    tribunal council act acts rules rule regulations regulation order orders scheme report review
    university college school hospital department ministry agency authority board commission
    committee police court crown county city borough kingdom united england wales scotland
    ireland britain british london uk gb eu usa nhs hmrc ukvi sra cilex oisc iaa
    page section part paragraph appendix schedule annex number reference ref date address name
    signature signed tel telephone phone email mobile fax passport visa immigration asylum
    appeal application appellant applicant respondent claimant defendant secretary state
    dear yours sincerely faithfully regards kind thank thanks please
    supervisor supervisors client clients counsel judge witness partner director manager
    caseworker adviser advisor officer representative sponsor employer contact
    line quay wharf mews grove rise vale
    """
)


def _fold(text: str) -> str:
    """Lower case without accents: "Zoë" and "ZOE" fold alike."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _name_words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", _fold(text))


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


@cache
def given_names() -> frozenset[str]:
    """The given names recognised, folded: the nicknames list's names and short forms."""
    names = set()
    for name, _, other in name_triplets():
        names.update((name, other))
    return frozenset(n for n in names if n.isalpha() and len(n) > 2 and n not in _NOT_GIVEN)


def _known_words(known_names: Iterable[str]) -> list[frozenset[str]]:
    """Each known name as the set of its words (without titles), with the short and long
    forms of each (Nick for Nicholas, Nicholas for Nick)."""
    namer = _nicknamer()
    known = []
    for name in known_names:
        words = {w for w in _name_words(name) if w not in _TITLES}
        for word in list(words):
            words |= namer.nicknames_of(word) | namer.canonicals_of(word)
        if words:
            known.append(frozenset(words))
    return known


def _is_given(word: str, names: frozenset[str]) -> bool:
    parts = word.split("-")  # Mary-Jane
    return all(p[1:].islower() for p in parts) and _fold(parts[0]) in names


def _is_family(word: str) -> bool:
    folded = _fold(word)
    if folded in _TITLES or folded in _NOT_SURNAME or len(folded) < 2:
        return False
    return not word.isupper() or len(word) > 2


def _names_in_run(
    run: re.Match, names: frozenset[str], known: list[frozenset[str]]
) -> Iterable[tuple[int, int]]:
    """The spans of the names in a run of capitalised words that are not known names:
    [title] given family [family], or title family [family]. A known name ends where it is
    known ("Jane Smith Supervisor" is Jane Smith's and then a word)."""
    words = list(_RUN_WORD.finditer(run.group()))

    def span(first: int, last: int) -> tuple[int, int]:
        end = words[last].end()
        if words[last].group()[-2:] in _POSSESSIVE:
            end -= 2
        return run.start() + words[first].start(), run.start() + end

    def is_known(start: int, end: int) -> bool:
        found = {w for w in _name_words(run.string[start:end]) if w not in _TITLES}
        return any(found <= name for name in known)

    i = 0
    while i < len(words):
        start = i
        titled = _fold(words[i].group().rstrip(".")) in _TITLES
        i += titled
        given = i < len(words) and _is_given(words[i].group(), names)
        i += given
        family, known_name = 0, False
        while i < len(words) and family < 2 and _is_family(words[i].group()):
            family += 1
            i += 1
            known_name = (given or titled) and is_known(*span(start, i - 1))
            if known_name:
                break
        if family and (given or titled):
            if not known_name:
                yield span(start, i - 1)
        else:
            i = start + 1


def _candidates(text: str, known: list[frozenset[str]]) -> Iterable[tuple[str, int, int, str]]:
    """(kind, start, end, text) of everything that looks like personal data, kind by kind in
    the order in which one claims the characters it covers before the next."""
    for match in _EMAIL.finditer(text):
        yield "email", match.start(), match.end(), match.group()
    for match in _HOME_OFFICE.finditer(text):
        part = "token" if match.group("token") else 0
        yield "home_office_reference", match.start(part), match.end(part), match.group(part)
    for kind, words, pattern, reach in _LABELLED:
        for word in words.finditer(text):
            value = pattern.search(text, word.end(), word.end() + reach + 40)
            if value and value.start() - word.end() <= reach:
                yield kind, value.start(), value.end(), value.group()
    for match in _POSTCODE.finditer(text):
        yield "postcode", match.start(), match.end(), match.group()
    for tried, written in enumerate(_PHONE_LIKE.finditer(text)):
        if tried >= _MAX_PHONE_TRIES:
            break
        if sum(ch.isdigit() for ch in written.group()) >= _PHONE_MIN_DIGITS:
            for match in phonenumbers.PhoneNumberMatcher(written.group(), "GB"):
                start = written.start() + match.start
                yield "phone", start, start + len(match.raw_string), match.raw_string
    names = given_names()
    for run in _NAME_RUN.finditer(text):
        for start, end in _names_in_run(run, names, known):
            yield "personal_name", start, end, text[start:end]


def _context(text: str, start: int, end: int) -> str:
    around = text[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS]
    return " ".join(around.split())


def find_personal_data(text: str, *, known_names: Iterable[str] = ()) -> list[Finding]:
    """The likely personal data in a text, in the order it appears, each (kind, text) once;
    names in `known_names` (the people the document may rightly name) are not findings.
    Where two kinds overlap, the first of email, Home Office reference, passport number, date
    of birth, postcode, phone number and personal name takes the characters."""
    claimed = bytearray(len(text))
    found: list[tuple[int, str, str, int]] = []
    for kind, start, end, value in _candidates(text, _known_words(known_names)):
        if any(claimed[start:end]):
            continue
        claimed[start:end] = b"\x01" * (end - start)
        found.append((start, kind, value, end))
    findings, seen = [], set()
    for start, kind, value, end in sorted(found):
        key = (kind, " ".join(value.split()))
        if key not in seen:
            seen.add(key)
            findings.append(Finding(kind=kind, text=key[1], context=_context(text, start, end)))
    return findings
