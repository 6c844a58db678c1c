"""Register imports: good files import; any bad row rejects the file and writes nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from touchstone.core.models import AuditEvent
from touchstone.register.models import (
    Finding,
    NameWord,
    NameWordKey,
    PracticeRight,
    Registrant,
    RegistrantWord,
)

HEADER = (
    "number,kind,title,given_names,family_name,entity_name,category,status,admitted_on,"
    "rights,entity,town,postcode,email,date_of_birth,home_address\n"
)
GOOD = HEADER + (
    "E7000,entity,,,,Bedford Law LLP,,active,2010-01-01,,,Bedford,MK40 1AA,,,\n"
    "200001,individual,Ms,Amina,Khan,,Chartered Legal Executive,Active,2012-05-01,"
    "immigration;advocacy,E7000,Bedford,MK40 2BB,amina@example.test,1980-02-03,2 Home Road\n"
    "200002,individual,Mr,Tom,Nowak,,cilex practitioner,SUSPENDED,2014-01-01,,,Leeds,LS1 1AA,,,\n"
)
TABLES = (Registrant, PracticeRight, RegistrantWord, NameWord, NameWordKey, Finding, AuditEvent)


def counts():
    return {m.__name__: m.objects.count() for m in TABLES}


def run_import(tmp_path, content, *args, command="import"):
    path = tmp_path / "file.csv"
    path.write_text(content)
    out, err = StringIO(), StringIO()
    call_command("register", command, str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_good_registrant_import(organisation, tmp_path):
    out, _ = run_import(tmp_path, GOOD)
    assert out.strip() == "imported 3 registrants from file.csv"
    amina = Registrant.objects.get(number="200001")
    assert (amina.entity.number, amina.category.name, amina.status.code) == (
        "E7000",
        "Chartered Legal Executive",
        "active",
    )
    assert sorted(amina.rights.values_list("right_type__code", flat=True)) == [
        "advocacy",
        "immigration",
    ]
    assert Registrant.objects.get(number="200002").status.code == "suspended"


BAD = [
    (
        "unknown right",
        GOOD.replace("immigration;advocacy", "immigration;flying"),
        'row 3: unknown right "flying"',
    ),
    ("unknown status", GOOD.replace("SUSPENDED", "asleep"), 'row 4: unknown status "asleep"'),
    (
        "unknown category",
        GOOD.replace("cilex practitioner", "wizard"),
        'row 4: unknown category "wizard"',
    ),
    ("bad date", GOOD.replace("2014-01-01", "01/01/2014"), "row 4: admitted_on must be a date"),
    ("bad kind", GOOD.replace(",individual,Mr", ",person,Mr"), "row 4: kind must be"),
    (
        "duplicate number",
        GOOD + "200001,individual,,A,B,,,active,,,,,,,,\n",
        "row 5: 200001 is also on row 3",
    ),
    (
        "missing family name",
        GOOD.replace("Ms,Amina,Khan", "Ms,Amina,"),
        "row 3: an individual needs a family_name",
    ),
    (
        "unknown entity",
        GOOD.replace(",E7000,Bedford", ",E9999,Bedford"),
        'row 3: no entity with number "E9999"',
    ),
    (
        "unknown column",
        GOOD.replace("home_address\n", "home_address,shoe_size\n"),
        "unknown column(s) shoe_size",
    ),
    ("missing column", "number,kind\n1,individual\n", "missing column(s) status"),
    ("empty", "", "empty"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "content", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_registrant_file_writes_nothing(organisation, tmp_path, case, content, message):
    before = counts()
    err = StringIO()
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(CommandError) as error:
        call_command("register", "import", str(path), stderr=err)
    assert error.value.returncode == 1
    assert message in err.getvalue(), err.getvalue()
    assert counts() == before


@pytest.mark.django_db
def test_number_already_on_the_register_is_rejected(organisation, tmp_path):
    run_import(tmp_path, GOOD)
    before = counts()
    with pytest.raises(CommandError):
        run_import(tmp_path, GOOD)
    assert counts() == before


FINDINGS = (
    "number,date,body,summary,sanction,publish,publish_until\n"
    "200001,2024-02-01,Disciplinary Tribunal,Misled a client,Reprimand,yes,\n"
    "200002,2023-02-01,Disciplinary Tribunal,Private matter,Warning,no,\n"
)


@pytest.mark.django_db
def test_findings_import_and_its_bad_files(organisation, tmp_path):
    run_import(tmp_path, GOOD)
    out, _ = run_import(tmp_path, FINDINGS, command="findings-import")
    assert out.strip() == "imported 2 findings from file.csv"
    assert Finding.objects.filter(publish=True).count() == 1
    before = counts()
    for bad in [
        FINDINGS.replace(",yes,", ",maybe,"),
        FINDINGS.replace("200002", "999999"),
        FINDINGS.replace("2024-02-01", "yesterday"),
        FINDINGS.replace(",Reprimand,", ",,"),
    ]:
        with pytest.raises(CommandError):
            run_import(tmp_path, bad, command="findings-import")
        assert counts() == before
