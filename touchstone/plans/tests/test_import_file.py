"""Importing plans: good files, and bad files that must leave the database untouched."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from touchstone.core.models import AuditEvent, Role
from touchstone.core.tabular import write_xlsx
from touchstone.plans.imports import ImportRejected, plan_import, preview_plan_file
from touchstone.plans.models import Action, Area, KeyTarget, Plan, ProgressUpdate
from touchstone.plans.tests.builders import SAMPLE_CSV, sample_plan

TABLES = (Plan, Area, KeyTarget, Action, ProgressUpdate, AuditEvent)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TABLES}


@pytest.mark.django_db
def test_csv_import_groups_rows_and_derives_fields(organisation, officer):
    plan = sample_plan(organisation, acting_user=officer)
    assert [a.name for a in plan.areas.all()] == ["Registration", "Fitness to practise"]
    registration = plan.areas.get(name="Registration")
    assert [(t.number, t.text) for t in registration.targets.all()] == [
        (1, "Register is accurate"),
        (2, "CPD is kept"),
    ]
    first = Action.objects.get(ref="2.1.1")
    assert (first.due_date, first.rag, first.status) == (date(2009, 7, 31), "green", "in_progress")
    assert first.leads == ["BB", "IW"]
    assert first.progress_updates.get().text == "Draft ready"
    assert Action.objects.get(ref="3.1.1").due_date == date(2018, 6, 30)
    assert Action.objects.get(ref="3.1.2").recurring
    assert list(plan.actions.values_list("ref", flat=True)) == [
        "2.1.1",
        "2.1.2",
        "2.2.1",
        "3.1.1",
        "3.1.2",
    ]
    assert (
        AuditEvent.objects.filter(
            actor=officer, action="create", content_type__model="action"
        ).count()
        == 5
    )


@pytest.mark.django_db
def test_xlsx_import(organisation, officer):
    data = write_xlsx(
        ["Action", "Due", "RAG"], [["Launch the code", "March 2010", "red"]], title="Plan"
    )
    result = plan_import(
        acting_user=officer,
        organisation=organisation,
        name="From Excel",
        filename="plan.xlsx",
        data=data,
    )
    action = result.plan.actions.get()
    assert (action.text, action.due_date, action.rag) == (
        "Launch the code",
        date(2010, 3, 31),
        "red",
    )


@pytest.mark.django_db
def test_unreadable_due_text_is_a_warning_not_an_error(organisation, officer):
    result = plan_import(
        acting_user=officer,
        organisation=organisation,
        name="Warn",
        filename="p.csv",
        data=b"action,due\nDo it,next spring\n",
    )
    [warning] = result.warnings
    assert warning.startswith('row 2: could not read a date from "next spring"')
    assert warning.endswith("imported without a date")
    action = result.plan.actions.get()
    assert (action.due_text, action.due_date) == ("next spring", None)


BAD_FILES = [
    ("unknown RAG", "p.csv", b"action,rag\nOne,G\nTwo,purple\n", 'row 3: unknown RAG "purple"'),
    ("unknown status", "p.csv", b"action,status\nOne,finished\n", "row 2: unknown status"),
    (
        "missing action",
        "p.csv",
        b"action,due\nOne,July 2009\n,Dec 2009\n",
        "row 3: the action is missing",
    ),
    ("no action column", "p.csv", b"area,due\nA,July 2009\n", "no action column"),
    ("unknown column", "p.csv", b"action,owner\nOne,BB\n", "unknown column owner"),
    ("not a table", "p.pdf", b"%PDF-1.4", "must be a .csv or .xlsx"),
    ("empty", "p.csv", b"", "empty"),
    ("header only", "p.csv", b"action,due\n", "no actions"),
    ("not UTF-8", "p.csv", "action\nCafé\n".encode("latin-1"), "UTF-8"),
    ("corrupt xlsx", "p.xlsx", b"PK\x03\x04 not really", "could not open"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "filename", "data", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_bad_file_is_rejected_whole_and_writes_nothing(
    organisation, officer, case, filename, data, message
):
    before = counts()
    with pytest.raises(ImportRejected) as rejected:
        plan_import(
            acting_user=officer, organisation=organisation, name="Bad", filename=filename, data=data
        )
    assert any(message in error for error in rejected.value.errors), rejected.value.errors
    assert counts() == before


@pytest.mark.django_db
def test_every_bad_row_is_reported_with_its_number():
    preview = preview_plan_file(
        filename="p.csv", data=b"action,rag,status\n,X,\nfine,G,\nthree,,nope\n"
    )
    assert [e.split(":")[0] for e in preview.errors] == ["row 2", "row 2", "row 4"]
    assert not preview.ok


@pytest.mark.django_db
def test_duplicate_plan_name_is_rejected_and_nothing_written(organisation, officer):
    sample_plan(organisation, acting_user=officer, name="Plan A")
    before = counts()
    with pytest.raises(ImportRejected, match="already has a plan"):
        sample_plan(organisation, acting_user=officer, name="Plan A")
    assert counts() == before


@pytest.mark.django_db
def test_a_failure_late_in_the_file_rolls_back_everything(organisation, officer, monkeypatch):
    """Even if a service fails half way (after rows were written), nothing remains."""
    from touchstone.plans import imports

    calls = {"n": 0}
    real_action_add = imports.action_add

    def failing_action_add(**kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise RuntimeError("disk full")
        return real_action_add(**kwargs)

    monkeypatch.setattr(imports, "action_add", failing_action_add)
    before = counts()
    with pytest.raises(RuntimeError):
        sample_plan(organisation, acting_user=officer)
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.COMMITTEE_MEMBER, Role.CASEWORKER])
def test_users_without_an_editor_role_cannot_import(organisation, make_user, role):
    reader = make_user("reader", (organisation, role))
    before = counts()
    with pytest.raises(PermissionDenied):
        plan_import(
            acting_user=reader,
            organisation=organisation,
            name="Mine",
            filename="p.csv",
            data=SAMPLE_CSV.encode(),
        )
    assert counts() == before


@pytest.mark.django_db
def test_users_of_another_organisation_cannot_import_into_it(organisation, outsider):
    with pytest.raises(PermissionDenied):
        sample_plan(organisation, acting_user=outsider)
    assert not Plan.objects.exists()
