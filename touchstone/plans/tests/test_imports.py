"""Importing plans: good CSV and XLSX files, grouping, warnings, and bad files that must leave
every table untouched."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from touchstone.core.models import AuditEvent, Role
from touchstone.core.tabular import write_xlsx
from touchstone.plans.imports import ImportRejected, plan_import, preview_plan_file
from touchstone.plans.models import Action, Plan
from touchstone.plans.services import AuditAction
from touchstone.plans.tests.factories import SAMPLE_CSV, SAMPLE_REFS, sample_plan, table_counts


def import_csv(organisation, text: str, *, name="Imported", acting_user=None, filename="p.csv"):
    return plan_import(
        acting_user=acting_user,
        organisation=organisation,
        name=name,
        filename=filename,
        data=text.encode(),
    )


@pytest.mark.django_db
def test_csv_import_reads_every_field(organisation, officer):
    result = import_csv(organisation, SAMPLE_CSV, acting_user=officer, name="Business plan")
    plan = result.plan
    assert (result.actions, result.areas, result.warnings) == (5, 2, [])
    assert (plan.title, plan.kind, plan.organisation) == (
        "Business plan",
        "business_plan",
        organisation,
    )
    assert list(plan.actions.values_list("ref", flat=True)) == SAMPLE_REFS
    first = Action.objects.get(ref="2.1.1")
    assert (first.text, first.due_text, first.due_date, first.recurring) == (
        "Publish the advocates register",
        "July 2009",
        date(2009, 7, 31),
        False,
    )
    assert (first.leads_text, first.leads) == ("BB IW", ["BB", "IW"])
    assert (first.rag, first.status) == ("green", "in_progress")
    progress = first.progress_updates.get()
    assert (progress.text, progress.recorded_on, progress.author) == (
        "Draft ready",
        timezone.localdate(),
        officer,
    )
    assert first.last_progress_on == timezone.localdate()
    tba = Action.objects.get(ref="2.1.2")
    assert (tba.due_date, tba.rag, tba.status, tba.progress_updates.count()) == (
        None,
        "amber",
        "not_started",
        0,
    )
    quarter = Action.objects.get(ref="3.1.1")
    assert (quarter.due_date, quarter.rag, quarter.status) == (
        date(2018, 6, 30),
        "red",
        "not_started",
    )
    ongoing = Action.objects.get(ref="3.1.2")
    assert (ongoing.recurring, ongoing.due_date, ongoing.rag, ongoing.leads) == (
        True,
        None,
        "",
        ["BB", "LN"],
    )


@pytest.mark.django_db
def test_rows_are_grouped_into_areas_and_numbered_key_targets(organisation):
    plan = sample_plan(organisation)
    assert [(a.position, a.name) for a in plan.areas.all()] == [
        (1, "Registration"),
        (2, "Fitness to practise"),
    ]
    registration, fitness = plan.areas.all()
    assert [(t.position, t.number, t.text) for t in registration.targets.all()] == [
        (1, 1, "Register is accurate"),
        (2, 2, "CPD is kept"),
    ]
    assert [(t.number, t.text) for t in fitness.targets.all()] == [(1, "Timely cases")]
    assert [a.ref for a in registration.targets.get(number=1).actions.all()] == ["2.1.1", "2.1.2"]


@pytest.mark.django_db
def test_blank_area_and_target_carry_down_and_a_returning_area_continues(organisation):
    text = (
        "area,target,action\n"
        "Finance,Budget,One\n"
        ",,Two\n"  # same area and target as the row above
        ",Audit,Three\n"  # same area, new target
        "People,,Four\n"  # new area: no target carried over from Finance
        "Finance,Budget,Five\n"  # back to the first area and target
    )
    plan = import_csv(organisation, text).plan
    finance, people = plan.areas.all()
    assert (finance.name, people.name) == ("Finance", "People")
    placement = {
        a.text: (a.target.area.name, a.target.number, a.target.text) for a in plan.actions.all()
    }
    assert placement == {
        "One": ("Finance", 1, "Budget"),
        "Two": ("Finance", 1, "Budget"),
        "Three": ("Finance", 2, "Audit"),
        "Four": ("People", 1, ""),
        "Five": ("Finance", 1, "Budget"),
    }
    assert list(plan.actions.values_list("text", flat=True)) == [
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
    ]


@pytest.mark.django_db
def test_a_file_with_only_actions_makes_one_unnamed_area(organisation):
    result = import_csv(organisation, "Action\nFirst\nSecond\n")
    area = result.plan.areas.get()
    assert (area.name, area.targets.count(), result.areas) == ("", 1, 1)
    assert [a.position for a in result.plan.actions.all()] == [1, 2]


@pytest.mark.django_db
def test_headers_are_case_insensitive_and_values_in_any_accepted_form(organisation):
    text = (
        "ACTION, Rag ,Status,Due,Leads\n"
        "a,g,Not started,01/09/2017,IW / BB\n"
        "b,Amber,in_progress,2012,\n"
        "c,RED,COMPLETE,,\n"
        "d,,ongoing,,\n"
        "e,green,Deferred,,\n"
    )
    plan = import_csv(organisation, text).plan
    values = list(plan.actions.values_list("text", "rag", "status", "due_date", "leads"))
    assert values == [
        ("a", "green", "not_started", date(2017, 9, 1), ["IW", "BB"]),
        ("b", "amber", "in_progress", date(2012, 12, 31), []),
        ("c", "red", "complete", None, []),
        ("d", "", "ongoing", None, []),
        ("e", "green", "deferred", None, []),
    ]


@pytest.mark.django_db
def test_xlsx_import_with_date_and_number_cells(organisation, officer):
    data = write_xlsx(
        ["Area", "Action", "Due", "RAG", "Ref", "Progress"],
        [
            ["Standards", "Launch the code", "March 2010", "red", 1, "Consulted"],
            [None, "Publish guidance", date(2017, 9, 1), "G", 2.5, None],
        ],
        title="Plan",
    )
    result = plan_import(
        acting_user=officer,
        organisation=organisation,
        name="From Excel",
        filename="PLAN.XLSX",
        data=data,
        kind="service_improvement_plan",
    )
    assert result.plan.kind == "service_improvement_plan"
    first, second = result.plan.actions.all()
    assert (first.text, first.due_date, first.rag, first.ref) == (
        "Launch the code",
        date(2010, 3, 31),
        "red",
        "1",
    )
    assert first.progress_updates.get().text == "Consulted"
    assert (second.target.area.name, second.due_date, second.ref) == (
        "Standards",
        date(2017, 9, 1),
        "2.5",
    )


@pytest.mark.django_db
def test_every_write_is_audited_with_the_importing_user(organisation, officer):
    before = AuditEvent.objects.count()
    plan = sample_plan(organisation, acting_user=officer)
    events = AuditEvent.objects.order_by("id")[before:]
    assert all(event.actor == officer for event in events)
    actions = [(e.action, e.content_type.model) for e in events]
    assert actions.count((AuditAction.CREATE, "plan")) == 1
    assert actions.count((AuditAction.ADD_AREA, "plan")) == 2
    assert actions.count((AuditAction.ADD_KEY_TARGET, "plan")) == 3
    assert actions.count((AuditAction.CREATE, "action")) == 5
    assert actions.count((AuditAction.RECORD_PROGRESS, "action")) == 1
    assert actions[0] == (AuditAction.CREATE, "plan")
    created = {
        e.object_id
        for e in events
        if e.action == AuditAction.CREATE and e.content_type.model == "action"
    }
    assert created == {str(pk) for pk in plan.actions.values_list("pk", flat=True)}


@pytest.mark.django_db
def test_unreadable_due_text_is_a_warning_and_the_row_imports_without_a_date(organisation):
    result = import_csv(organisation, "action,due\nDo it,next spring\nDone,July 2009\n")
    [warning] = result.warnings
    assert warning.startswith('row 2: could not read a date from "next spring"')
    assert warning.endswith("imported without a date")
    first, second = result.plan.actions.all()
    assert (first.due_text, first.due_date) == ("next spring", None)
    assert second.due_date == date(2009, 7, 31)


def test_preview_reads_the_file_without_touching_the_database():
    """No django_db mark: pytest-django makes any query here an error."""
    text = SAMPLE_CSV + ",,Later,some day,,,,,9.9\n"
    preview = preview_plan_file(filename="plan.csv", data=text.encode())
    assert preview.ok and preview.errors == []
    assert [row.row for row in preview.rows] == [2, 3, 4, 5, 6, 7]
    assert preview.areas == ["Registration", "Fitness to practise"]
    first, last = preview.rows[0], preview.rows[-1]
    assert (first.due_date, first.recurring, first.leads, first.rag, first.status) == (
        date(2009, 7, 31),
        False,
        ["BB", "IW"],
        "green",
        "in_progress",
    )
    assert (last.area, last.target, last.due_date) == ("Fitness to practise", "Timely cases", None)
    [warning] = preview.warnings
    assert warning.startswith('row 7: could not read a date from "some day"')


def test_every_bad_row_is_reported_with_its_file_row_number():
    preview = preview_plan_file(
        filename="p.csv", data=b"action,rag,status\n,X,\nfine,G,\nthree,,nope\n\nfive,purple,\n"
    )
    assert not preview.ok
    assert preview.errors == [
        "row 2: the action is missing",
        'row 2: unknown RAG "X": use G, A, R, green, amber, red or leave blank',
        'row 4: unknown status "nope": use one of Not started, In progress, Complete, '
        "Ongoing, Deferred or leave blank",
        'row 6: unknown RAG "purple": use G, A, R, green, amber, red or leave blank',
    ]
    assert [row.row for row in preview.rows] == [3]


LONG_REF = "x" * 41
BAD_FILES = [
    ("unknown RAG", "p.csv", b"action,rag\nOne,G\nTwo,purple\n", 'row 3: unknown RAG "purple"'),
    (
        "unknown status",
        "p.csv",
        b"action,status\nOne,finished\n",
        'row 2: unknown status "finished"',
    ),
    (
        "missing action",
        "p.csv",
        b"action,due\nOne,July 2009\n,Dec 2009\n",
        "row 3: the action is missing",
    ),
    ("no action column", "p.csv", b"area,due\nA,July 2009\n", "the file has no action column"),
    ("unknown column", "p.csv", b"action,owner\nOne,BB\n", "unknown column owner"),
    ("repeated column", "p.csv", b"action,rag,RAG\nOne,G,R\n", 'the column "rag" appear'),
    ("not CSV or XLSX", "p.pdf", b"%PDF-1.4", "the file must be a .csv or .xlsx file"),
    ("empty file", "p.csv", b"", "the file is empty"),
    ("header only", "p.csv", b"action,due\n", "the file has no actions"),
    ("not UTF-8", "p.csv", "action\nCafé\n".encode("latin-1"), "must be UTF-8 encoded"),
    ("corrupt XLSX", "p.xlsx", b"PK\x03\x04 not really", "could not open the spreadsheet"),
    ("ref too long", "p.csv", f"action,ref\nOne,{LONG_REF}\n".encode(), "row 2: the ref is 41"),
    (
        "bad row after good rows",
        "p.csv",
        SAMPLE_CSV.encode() + b"Extra,,Six,,,,,stalled,\n",
        "row 7: unknown status",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "filename", "data", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_bad_file_is_rejected_whole_and_writes_nothing(
    organisation, officer, case, filename, data, message
):
    before = table_counts()
    with pytest.raises(ImportRejected) as rejected:
        plan_import(
            acting_user=officer, organisation=organisation, name="Bad", filename=filename, data=data
        )
    assert any(message in error for error in rejected.value.errors), rejected.value.errors
    assert table_counts() == before
    assert not Plan.objects.filter(title="Bad").exists()


@pytest.mark.django_db
def test_duplicate_plan_name_is_rejected_and_nothing_written(organisation, other_organisation):
    sample_plan(organisation, name="Plan A")
    before = table_counts()
    with pytest.raises(ImportRejected) as rejected:
        sample_plan(organisation, name=" Plan A ")
    assert rejected.value.errors == ['Ips already has a plan called "Plan A"']
    assert table_counts() == before
    # The same name is free in another organisation.
    assert sample_plan(other_organisation, name="Plan A").organisation == other_organisation


@pytest.mark.django_db
def test_name_and_file_problems_are_reported_together(organisation):
    sample_plan(organisation, name="Plan A")
    with pytest.raises(ImportRejected) as rejected:
        import_csv(organisation, "action,rag\nx,purple\n", name="Plan A")
    assert rejected.value.errors[0] == 'Ips already has a plan called "Plan A"'
    assert rejected.value.errors[1].startswith("row 2: unknown RAG")
    with pytest.raises(ImportRejected, match="enter a name"):
        import_csv(organisation, SAMPLE_CSV, name="  ")


@pytest.mark.django_db
def test_an_unknown_plan_kind_is_rejected(organisation):
    before = table_counts()
    with pytest.raises(ImportRejected) as rejected:
        plan_import(
            acting_user=None,
            organisation=organisation,
            name="Odd",
            filename="p.csv",
            data=SAMPLE_CSV.encode(),
            kind="wish_list",
        )
    assert "wish_list" in rejected.value.errors[0]
    assert table_counts() == before


@pytest.mark.django_db
def test_a_failure_late_in_the_file_rolls_back_everything(organisation, monkeypatch):
    """Even if a service fails after rows were written, nothing remains."""
    from touchstone.plans import imports

    real_action_add = imports.action_add
    calls = []

    def failing_action_add(**kwargs):
        calls.append(kwargs)
        if len(calls) == 4:
            raise RuntimeError("disk full")
        return real_action_add(**kwargs)

    monkeypatch.setattr(imports, "action_add", failing_action_add)
    before = table_counts()
    with pytest.raises(RuntimeError):
        sample_plan(organisation)
    assert len(calls) == 4
    assert table_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.COMMITTEE_MEMBER, Role.CASEWORKER])
def test_a_member_without_an_editor_role_cannot_import(organisation, make_user, role):
    reader = make_user("reader", (organisation, role))
    before = table_counts()
    with pytest.raises(PermissionDenied):
        sample_plan(organisation, acting_user=reader)
    # A bad file gets the same answer: the file is not even read for someone who may not import.
    with pytest.raises(PermissionDenied):
        import_csv(organisation, "action,rag\nx,purple\n", acting_user=reader)
    assert table_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMIN, Role.MANAGER, Role.BOARD_MEMBER])
def test_editors_may_import(organisation, make_user, role):
    editor = make_user("editor", (organisation, role))
    assert sample_plan(organisation, acting_user=editor).actions.count() == 5


@pytest.mark.django_db
def test_an_editor_of_another_organisation_cannot_import_into_this_one(organisation, outsider):
    before = table_counts()
    with pytest.raises(PermissionDenied):
        sample_plan(organisation, acting_user=outsider)
    assert table_counts() == before
