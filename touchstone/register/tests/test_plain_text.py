"""NUL bytes and control characters are refused at every way into the register (staff forms,
staff API, imports) with a field or row message, and nothing is written: on PostgreSQL a NUL
reaching the database would be an error, on SQLite it would be stored silently."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from touchstone.register.models import Registrant
from touchstone.register.tests.test_imports import GOOD, counts
from touchstone.register.tests.test_staff_api import API, FINDING, GRANT, STATUS_CHANGE, state

HOSTILE = [("\x00", "NUL"), ("\x08", "U+0008"), ("\x7f", "U+007F")]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("char", "words"), HOSTILE)
def test_staff_api_refuses_control_characters_in_every_write(register, officer, char, words):
    client = client_for(officer)
    john = register["john"]
    right = john.rights.get()
    before = state()
    for url, body, field in (
        (f"/registrants/{john.pk}/", {"email": "x@example.test", "town": f"Lu{char}ton"}, "town"),
        (f"/registrants/{john.pk}/status/", {**STATUS_CHANGE, "reason": f"a{char}"}, "reason"),
        (f"/registrants/{john.pk}/rights/", {**GRANT, "conditions": f"{char}"}, "conditions"),
        (f"/rights/{right.pk}/end/", {"ended_on": "2025-02-01", "note": f"k{char}"}, "note"),
        (f"/registrants/{john.pk}/findings/", {**FINDING, "summary": f"x{char}y"}, "summary"),
    ):
        method = client.patch if url.endswith(f"{john.pk}/") else client.post
        response = method(API + url, body, content_type="application/json")
        assert response.status_code == 400, url
        assert words in response.json()[field][0], response.json()
    assert state() == before


@pytest.mark.django_db
@pytest.mark.parametrize(("char", "words"), HOSTILE)
def test_staff_edit_form_refuses_control_characters(register, officer, char, words):
    john = register["john"]
    response = client_for(officer).post(
        f"/register/staff/{john.pk}/edit/",
        {"given_names": f"Jo{char}hn", "family_name": "Smith", "town": "Luton"},
    )
    assert response.status_code == 200
    assert words in response.content.decode()
    john.refresh_from_db()
    assert john.given_names == "John"


@pytest.mark.django_db
@pytest.mark.parametrize(("char", "words"), HOSTILE)
def test_register_import_refuses_control_characters_with_a_row_message(
    organisation, tmp_path, char, words
):
    path = tmp_path / "bad.csv"
    path.write_text(GOOD.replace("2 Home Road", f"2 Home{char} Road"))
    before = counts()
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("register", "import", str(path), stderr=err)
    assert 'row 3, column "home_address"' in err.getvalue() and words in err.getvalue()
    assert counts() == before
    assert not Registrant.objects.filter(number="200001").exists()
