"""Step 3's services: one sheet per example, evidence stored through core's uploads and read
for personal data (§38), the supervisors, optional outcome 6.5; each change by the applicant
only, audited, on the current version, and a refused one writes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from touchstone.core.models import AuditEvent, Upload
from touchstone.core.services import StaleVersion
from touchstone.core.testing import (
    row_counts,
    sample_docx,
    sample_executable,
    sample_pdf,
    sample_png,
    uploaded,
)
from touchstone.rights.models import PortfolioSheet, SheetEvidence
from touchstone.rights.selectors import portfolio_check
from touchstone.rights.services import (
    application_start,
    portfolio_evidence_add,
    portfolio_evidence_remove,
    portfolio_optional_set,
    portfolio_sheet_remove,
    portfolio_sheet_save,
    portfolio_supervisor_add,
    portfolio_supervisor_remove,
)
from touchstone.rights.tests.portfolio import complete, sheet_fields, supervised, with_evidence

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def applicant(make_user):
    user = make_user("sam")
    user.first_name, user.last_name = "Sam", "Jones"
    user.save()
    return user


@pytest.fixture
def application(applicant, organisation):
    return application_start(acting_user=applicant, regulator=organisation, scheme="immigration")


def _save(application, example, **changes):
    return portfolio_sheet_save(
        acting_user=application.applicant,
        application=application,
        example=example,
        **sheet_fields(example, **changes),
    )


@pytest.mark.parametrize(
    ("written", "stored"),
    [("1.1(1)", "1.1(1)"), ("1.1 (2)", "1.1(2)"), ("2.1(1)", "2.1"), ("6.4", "6.4")],
)
def test_a_sheet_is_stored_under_the_example_as_the_scheme_numbers_it(application, written, stored):
    assert _save(application, written).example == stored


@pytest.mark.parametrize("example", ["1.1", "1.1(4)", "2.1(2)", "2.5", "7.1", "", "abc"])
def test_an_example_the_scheme_does_not_ask_for_is_refused(application, example):
    before = row_counts("rights", "core")
    with pytest.raises(ValidationError) as refused:
        _save(application, example)
    assert "example" in refused.value.message_dict
    assert row_counts("rights", "core") == before


def test_saving_again_changes_the_sheet_and_audits_only_what_changed(application):
    first = _save(application, "2.3")
    again = _save(application, "2.3", reflection="Something new.")
    assert again.pk == first.pk and PortfolioSheet.objects.count() == 1
    event = AuditEvent.objects.filter(action="save_sheet").latest("pk")
    assert event.after == {"reflection": "Something new."}
    assert event.before == {"reflection": "What I learnt."}


def test_only_the_applicant_changes_the_portfolio(application, officer, make_user):
    sheet = _save(application, "2.3")
    for someone in (officer, make_user("stranger")):
        with pytest.raises(PermissionDenied):
            portfolio_sheet_save(
                acting_user=someone, application=application, example="2.4", **sheet_fields("2.4")
            )
        with pytest.raises(PermissionDenied):
            portfolio_sheet_remove(acting_user=someone, sheet=sheet)
        with pytest.raises(PermissionDenied):
            portfolio_supervisor_add(
                acting_user=someone,
                application=application,
                name="X Y",
                authorised=True,
                current=True,
            )
        with pytest.raises(PermissionDenied):
            portfolio_optional_set(acting_user=someone, application=application, include=True)
    assert PortfolioSheet.objects.count() == 1


def test_a_change_from_an_old_version_is_refused(application):
    _save(application, "2.3")
    with pytest.raises(StaleVersion):
        portfolio_sheet_save(
            acting_user=application.applicant,
            application=application,
            example="2.3",
            expected_version=1,
            **sheet_fields("2.3", reflection="overwritten"),
        )
    assert PortfolioSheet.objects.get().reflection == "What I learnt."


def test_a_future_date_of_work_is_refused(application):
    with pytest.raises(ValidationError) as refused:
        _save(
            application,
            "3.1",
            kind="personal_statement",
            reason="Advice given in a meeting",
            work_date=TODAY + timedelta(days=1),
        )
    assert "work_date" in refused.value.message_dict


def test_a_statement_keeps_no_logbook_fields_and_a_sheet_with_evidence_is_not_made_one(
    application,
):
    statement = _save(
        application, "3.1", kind="personal_statement", reason="In a meeting", work_date=TODAY
    )
    assert statement.matter == "" and statement.document_type == ""
    with_evidence(application, "3.2")
    with pytest.raises(ValidationError, match="Remove the sheet's evidence first"):
        _save(application, "3.2", kind="personal_statement", reason="x", work_date=TODAY)
    assert PortfolioSheet.objects.get(example="3.2").kind == "logbook"


BAD_FILES = [
    (sample_executable(), "letter.pdf", "not a PDF"),
    (b"", "empty.pdf", "empty"),
    (b"%PDF-" + b"x" * 20, "broken.docx", None),  # claims to be a Word document
]


@pytest.mark.parametrize(("data", "name", "words"), BAD_FILES)
def test_a_refused_file_writes_nothing(application, data, name, words):
    sheet = _save(application, "2.3")
    before = (*row_counts("rights", "core"), Upload.objects.count())
    try:
        portfolio_evidence_add(
            acting_user=application.applicant,
            sheet=sheet,
            description="Letter",
            date=TODAY,
            kind="client_letter",
            file=uploaded(data, name=name),
        )
    except ValidationError as refused:
        assert "file" in refused.message_dict
        if words:
            assert words in " ".join(refused.message_dict["file"])
        assert (*row_counts("rights", "core"), Upload.objects.count()) == before
    else:  # a truncated PDF is still a PDF by its content: stored, and read as unreadable
        assert SheetEvidence.objects.get().text_read == "unreadable"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": " "}, "description"),
        ({"date": None}, "date"),
        ({"date": TODAY + timedelta(days=1)}, "date"),
        ({"kind": "postcard"}, "kind"),
    ],
)
def test_evidence_without_what_the_sheet_needs_writes_nothing(application, changes, field):
    sheet = _save(application, "2.3")
    before = (*row_counts("rights", "core"), Upload.objects.count())
    arguments = {
        "description": "Letter",
        "date": TODAY,
        "kind": "client_letter",
        "file": uploaded(sample_pdf("Dear client")),
        **changes,
    }
    with pytest.raises(ValidationError) as refused:
        portfolio_evidence_add(acting_user=application.applicant, sheet=sheet, **arguments)
    assert field in refused.value.message_dict
    assert (*row_counts("rights", "core"), Upload.objects.count()) == before


def test_personal_data_left_in_a_document_is_flagged_but_the_applicant_and_supervisor_are_not(
    application,
):
    supervised(application)
    sheet = with_evidence(
        application,
        "2.3",
        lines=(
            "Letter from Sam Jones, supervised by Ann Lee",
            "To the client at jo.bloggs@example.com, phone 020 7946 0958",
            "Address: 1 High Street, Bedford MK40 1AB",
        ),
    )
    evidence = sheet.evidence.get()
    kinds = {f["kind"] for f in evidence.findings}
    assert evidence.text_read == "read"
    assert {"email", "phone", "postcode"} <= kinds
    texts = " ".join(f["text"] for f in evidence.findings)
    assert "Sam Jones" not in texts and "Ann Lee" not in texts
    event = AuditEvent.objects.filter(action="add_evidence").get()
    assert event.after["personal_data_found"] == len(evidence.findings)


def test_a_word_document_is_read_and_an_image_is_not(application):
    sheet = _save(application, "2.3")
    for data, name, read in (
        (sample_docx("Email me at someone@example.org"), "note.docx", "read"),
        (sample_png(), "scan.png", "image"),
    ):
        portfolio_evidence_add(
            acting_user=application.applicant,
            sheet=sheet,
            description=name,
            date=TODAY,
            kind="email",
            file=uploaded(data, name=name),
        )
        evidence = sheet.evidence.get(description=name)
        assert evidence.text_read == read
    assert sheet.evidence.get(description="note.docx").findings[0]["kind"] == "email"
    assert sheet.evidence.get(description="scan.png").findings == []


def test_a_statement_takes_no_evidence(application):
    statement = _save(
        application, "3.1", kind="personal_statement", reason="In a meeting", work_date=TODAY
    )
    with pytest.raises(ValidationError, match="no evidence"):
        portfolio_evidence_add(
            acting_user=application.applicant,
            sheet=statement,
            description="Letter",
            date=TODAY,
            kind="email",
            file=uploaded(sample_pdf("x")),
        )


def test_removing_evidence_and_sheets(application):
    sheet = with_evidence(application, "2.3")
    portfolio_evidence_remove(acting_user=application.applicant, evidence=sheet.evidence.get())
    assert not SheetEvidence.objects.exists()
    portfolio_sheet_remove(acting_user=application.applicant, sheet=sheet)
    assert not PortfolioSheet.objects.exists()
    assert AuditEvent.objects.filter(action="remove_sheet").get().before["example"] == "2.3"


def test_a_supervisor_is_named_once(application):
    supervised(application, "Ann Lee")
    for again in ("ann lee", "  Ann   LEE ", "Ms Ann Lee"):
        with pytest.raises(ValidationError, match="already one of your supervisors"):
            supervised(application, again)
    with pytest.raises(ValidationError):
        supervised(application, "  ")
    supervisor = application.supervisors.get()
    portfolio_supervisor_remove(acting_user=application.applicant, supervisor=supervisor)
    assert not application.supervisors.exists()


def test_a_complete_portfolio_built_on_the_rows_passes_the_check(application):
    complete(application)
    check = portfolio_check(application, as_of=TODAY)
    assert check["complete"], check["errors"]
    assert (check["required_examples"], check["provided_examples"]) == (35, 35)
    portfolio_optional_set(acting_user=application.applicant, application=application, include=True)
    application.refresh_from_db()
    check = portfolio_check(application, as_of=TODAY)
    assert check["required_examples"] == 36
    assert [e["code"] for e in check["errors"]] == ["MISSING_EXAMPLE"]
    assert check["errors"][0]["ref"] == "6.5"


def test_a_former_supervisor_counts_only_for_the_examples_they_declared(application):
    supervised(application, "Ann Lee")
    supervised(application, "Bo Chen", current=False)
    _save(application, "2.3", supervisor="Bo Chen")
    codes = {e["code"] for e in portfolio_check(application, as_of=TODAY)["errors"]}
    assert "SUPERVISOR_DECLARATION_MISSING" in codes
