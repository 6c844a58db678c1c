"""Plans' import pages: preview then confirm, the upload held for its uploader, a bad file's
row errors, and which organisations are offered."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from touchstone.core.models import PendingImport, Role
from touchstone.core.services import membership_grant
from touchstone.core.testing import sent
from touchstone.plans.models import Plan
from touchstone.plans.tests.factories import (
    sample_plan,
    table_counts,
)


@pytest.fixture
def plan(organisation, officer):
    return sample_plan(organisation, acting_user=officer, name="Web plan")


@pytest.fixture
def client(officer) -> Client:
    client = Client()
    client.force_login(officer)
    return client


# --- import --------------------------------------------------------------------------------

GOOD_CSV = (
    b"area,target,action,due,leads,rag,status,ref\n"
    b"Governance,Board works,Review terms of reference,July 2027,BB,G,in progress,1.1\n"
    b",,Run a board survey,soon,IW,,,1.2\n"
)
BAD_CSV = b"action,rag,status\nOne,purple,\n,G,\nThree,,finished\n"


def upload(client, content=GOOD_CSV, *, name="Uploaded plan", filename="plan.csv", **extra):
    data = {
        "name": name,
        "kind": "service_improvement_plan",
        "file": SimpleUploadedFile(filename, content),
        **extra,
    }
    return client.post("/plans/import/", data)


@pytest.mark.django_db
def test_import_preview_then_confirm(client, organisation):
    before = table_counts()
    response = upload(client)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Confirm import" in html
    assert "Review terms of reference" in html and "31 Jul 2027" in html
    assert "In progress" in html and 'govuk-tag--green">Green' in html
    assert 'could not read a date from "soon"' in html  # a warning, not an error
    assert table_counts() == before  # nothing written before the confirmation

    response = client.post("/plans/import/", sent(confirm="1"))
    plan = Plan.objects.get(title="Uploaded plan")
    assert response["Location"] == f"/plans/{plan.pk}/"
    assert (plan.organisation, plan.kind) == (organisation, "service_improvement_plan")
    assert sorted(plan.actions.values_list("ref", flat=True)) == ["1.1", "1.2"]
    dashboard = client.get(response["Location"])
    assert "Imported “Uploaded plan”: 2 actions." in dashboard.content.decode()
    # The upload is used once: confirming again imports nothing more.
    again = client.post("/plans/import/", sent(confirm="1"))
    assert again["Location"] == "/plans/import/"
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_the_previewed_upload_is_held_in_the_database_for_its_uploader_only(
    client, organisation, make_user
):
    upload(client)
    held_id = client.session["plans_import_upload"]
    held = PendingImport.objects.get()
    assert held_id == str(held.pk)  # the session holds the id, not the file
    assert (bytes(held.data), held.filename, held.organisation) == (
        GOOD_CSV,
        "plan.csv",
        organisation,
    )
    other = Client()
    other.force_login(make_user("other", (organisation, Role.OFFICER)))
    session = other.session
    session["plans_import_upload"] = held_id
    session.save()
    assert other.post("/plans/import/", sent(confirm="1"))["Location"] == "/plans/import/"
    assert not Plan.objects.exists()
    client.post("/plans/import/", sent(confirm="1"))
    assert Plan.objects.get().title == "Uploaded plan"
    assert not PendingImport.objects.exists()


@pytest.mark.django_db
def test_import_of_a_bad_file_lists_row_errors_and_cannot_be_confirmed(client):
    upload(client)  # a good file first: its preview must not survive a bad upload
    before = table_counts()
    response = upload(client, BAD_CSV, name="Bad plan")
    html = unescape(response.content.decode())
    assert "cannot be imported" in html and "<title>Error:" in html
    assert 'row 2: unknown RAG "purple"' in html
    assert "row 3: the action is missing" in html
    assert "row 4:" in html
    assert "Confirm import" not in html
    client.post("/plans/import/", sent(confirm="1"))
    assert table_counts() == before
    assert not Plan.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "Enter the plan name"),
        ({"filename": "plan.txt"}, "The file must be a CSV or XLSX file"),
        ({"content": b"action\n" + b"x" * (2 * 1024 * 1024)}, "smaller than 2 MB"),
        ({"content": b""}, "The file is empty"),
    ],
)
def test_import_form_errors(client, kwargs, message):
    response = upload(client, **kwargs)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "govuk-error-summary" in html
    assert "Confirm import" not in html
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_import_refuses_a_name_already_used(client, plan):
    response = upload(client, name="Web plan")
    assert "already has a plan called “Web plan”" in response.content.decode()
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_import_asks_for_the_organisation_only_when_there_is_a_choice(
    client, officer, make_organisation
):
    single = client.get("/plans/import/").content.decode()
    assert '<select name="organisation"' not in single
    assert 'type="hidden" name="organisation"' in single
    second = make_organisation("second-body")
    membership_grant(acting_user=None, user=officer, organisation=second, role=Role.MANAGER)
    several = client.get("/plans/import/").content.decode()
    assert '<select name="organisation"' in several and "Second Body" in several
    upload(client, organisation=str(second.pk))
    client.post("/plans/import/", sent(confirm="1"))
    assert Plan.objects.get(title="Uploaded plan").organisation == second


@pytest.mark.django_db
def test_import_offers_only_organisations_where_plans_may_be_added_the_active_one_chosen(
    client, officer, organisation, make_organisation
):
    readable = make_organisation("read-only-body")
    membership_grant(acting_user=None, user=officer, organisation=readable, role=Role.CASEWORKER)
    second = make_organisation("second-body")
    membership_grant(acting_user=None, user=officer, organisation=second, role=Role.MANAGER)
    client.post("/organisation/", {"organisation": second.pk})
    field = client.get("/plans/import/").context["form"]["organisation"]
    assert [label for _, label in field.field.choices] == ["Ips", "Second Body"]
    assert field.value() == str(second.pk)
    # Active in a body where they may only read: the first where they may add is chosen.
    client.post("/organisation/", {"organisation": readable.pk})
    field = client.get("/plans/import/").context["form"]["organisation"]
    assert [label for _, label in field.field.choices] == ["Ips", "Second Body"]
    assert field.value() == str(organisation.pk)


@pytest.mark.django_db
def test_import_into_an_organisation_the_user_cannot_edit_is_refused(
    client, officer, make_organisation
):
    elsewhere = make_organisation("elsewhere")
    response = upload(client, organisation=str(elsewhere.pk))
    assert response.status_code == 200 and "Confirm import" not in response.content.decode()
    assert not Plan.objects.exists()
