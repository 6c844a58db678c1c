"""The staff export: the import's own columns, private fields included, officers only."""

import csv
import io

import pytest
from django.core.management import call_command
from django.test import Client

from touchstone.core.models import AuditEvent, Role
from touchstone.register.imports import REGISTRANT_COLUMNS
from touchstone.register.models import Registrant
from touchstone.register.services import AuditAction, registrant_update
from touchstone.register.tests.fixtures import PRIVATE_VALUES


def export_via_cli(tmp_path, name: str = "register.csv") -> str:
    path = tmp_path / name
    call_command("register", "export", "--output", str(path), stderr=io.StringIO())
    return path.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_export_is_read_back_by_the_import_unchanged(register, tmp_path):
    first = export_via_cli(tmp_path)
    rows = list(csv.DictReader(io.StringIO(first)))
    assert list(rows[0]) == list(REGISTRANT_COLUMNS)
    assert [r["number"] for r in rows] == ["E5000", "100001", "100002"]  # entities first
    john = rows[1]
    assert (john["rights"], john["entity"], john["status"]) == ("immigration", "E5000", "Active")
    assert (john["email"], john["home_address"], john["date_of_birth"]) == (
        PRIVATE_VALUES[0],
        PRIVATE_VALUES[2],
        PRIVATE_VALUES[3],
    )
    assert rows[2]["status"] == "Suspended"

    Registrant.objects.all().delete()
    call_command("register", "import", str(tmp_path / "register.csv"), stdout=io.StringIO())
    assert export_via_cli(tmp_path, "again.csv") == first


@pytest.mark.django_db
def test_export_to_standard_output_neutralises_formulas(register):
    registrant_update(acting_user=None, registrant=register["zoe"], town="=HYPERLINK(1)")
    out = io.StringIO()
    call_command("register", "export", stdout=out)
    zoe = next(r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["number"] == "100002")
    assert zoe["town"] == "'=HYPERLINK(1)"


@pytest.mark.django_db
def test_officers_download_it_and_the_download_is_audited(register, officer):
    client = Client()
    client.force_login(officer)
    response = client.get("/register/staff/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="register-' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    assert PRIVATE_VALUES[0] in text and "100001" in text
    event = AuditEvent.objects.get(action=AuditAction.EXPORT_REGISTER)
    assert event.actor == officer


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, Role.CASEWORKER, Role.PUBLIC])
def test_no_one_else_downloads_the_register(register, organisation, make_user, role):
    user = make_user("someone", (organisation, role)) if role else make_user("someone")
    client = Client()
    client.force_login(user)
    assert client.get("/register/staff/export.csv").status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT_REGISTER).exists()


@pytest.mark.django_db
def test_an_officer_of_another_regulator_gets_only_their_own(register, outsider):
    client = Client()
    client.force_login(outsider)
    text = b"".join(client.get("/register/staff/export.csv").streaming_content).decode()
    assert text.splitlines() == [",".join(REGISTRANT_COLUMNS)]
    assert Client().get("/register/staff/export.csv").status_code == 302  # sign in first


@pytest.mark.django_db
def test_the_permission_is_checked_before_any_row(register, organisation, outsider):
    from datetime import date

    from django.core.exceptions import PermissionDenied

    from touchstone.register.exports import registrants_export_rows

    with pytest.raises(PermissionDenied):
        registrants_export_rows(acting_user=outsider, regulator=organisation, as_of=date.today())
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT_REGISTER).exists()
