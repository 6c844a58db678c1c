"""The accreditation scheme's exports: a standards body's holders and assessments as CSV and
XLSX (its staff only, audited before the first row, formulas neutralised), and an assessment
as a PDF in the framework's printed layout."""

import csv
import io

import pytest
from openpyxl import load_workbook

from touchstone.core.models import AuditEvent
from touchstone.core.testing import client_for, pdf_pages
from touchstone.standards import services
from touchstone.standards.exports import ASSESSMENT_COLUMNS, HOLDER_COLUMNS
from touchstone.standards.services import AuditAction
from touchstone.standards.tests.accreditation import (
    answered,
    applied,
    open_assessment,
    paid,
    scheme_world,
    submitted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    w = scheme_world()
    w.provider.name = '=HYPERLINK("http://x")'
    w.provider.save()
    return w


def rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def test_the_holders_csv_lists_the_bodys_accreditations_guarded(w):
    submitted(w, s30="partial")
    services.accreditation_apply(  # another provider of the same body: listed
        acting_user=w.other_admin,
        provider=w.other_provider,
        standards_body=w.body,
        corporate_member=True,
    )
    elsewhere = scheme_world("e-")  # another body's: not listed
    elsewhere.provider.name = "Elsewhere Advice"
    elsewhere.provider.save()
    applied(elsewhere)
    response = client_for(w.officer).get("/standards/accreditations/export/holders/?format=csv")
    assert response.status_code == 200
    found = rows(response)
    assert found[0] == HOLDER_COLUMNS
    by_name = {row[0]: row for row in found[1:]}
    assert set(by_name) == {'\'=HYPERLINK("http://x")', "o-advice-centre"} or len(by_name) == 2
    guarded = by_name['\'=HYPERLINK("http://x")']
    assert guarded[1:3] == ["provisional", "no"]
    assert guarded[6] == "2026-08-31"
    assert "Elsewhere Advice" not in str(found)
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT_HOLDERS, actor=w.officer).count()


def test_the_assessments_export_has_one_row_an_answer_in_xlsx_too(w):
    submitted(w, s30="partial")
    response = client_for(w.officer).get(
        "/standards/accreditations/export/assessments/?format=xlsx"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert list(values[0]) == ASSESSMENT_COLUMNS
    assert len(values) == 1 + 71
    answers = {row[7]: row[8] for row in values[1:]}
    assert answers[30] == "partial" and answers[1] == "complied"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT_ASSESSMENTS).count() == 1


@pytest.mark.parametrize("who", ["admin", "staff", "other_officer"])
def test_only_the_bodys_staff_export_and_nothing_is_audited_for_others(w, who):
    submitted(w)
    response = client_for(getattr(w, who)).get("/standards/accreditations/export/holders/")
    assert response.status_code == 404 if who != "other_officer" else response.status_code == 200
    if who == "other_officer":  # their own body's export: none of this body's accreditations
        assert rows(response)[1:] == []
    else:
        assert not AuditEvent.objects.filter(action=AuditAction.EXPORT_HOLDERS).exists()


@pytest.mark.parametrize("path", ["nothing/", "holders/?format=pdf"])
def test_an_export_not_offered_is_not_found(w, path):
    assert client_for(w.officer).get(f"/standards/accreditations/export/{path}").status_code == 404


def test_the_assessment_pdf_is_in_the_printed_layout(w):
    accreditation = applied(w)
    assessment = paid(w, open_assessment(accreditation))
    answered(w, assessment, s21="partial")
    services.assessment_answers_save(
        acting_user=w.admin,
        assessment=assessment,
        answers={55: {"answer": "complied", "note": "Policy with Hiscox to 2027"}},
    )
    services.assessment_submit(acting_user=w.admin, assessment=assessment)
    url = f"/standards/assessments/{assessment.pk}/assessment.pdf"
    response = client_for(w.admin).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_pages(response.content))
    for expected in (
        "Consumer Protection",
        "Client Engagement Letter",
        "Professional Indemnity Insurance",
        "Policy with Hiscox to 2027",
        "Partly",
        "LSC",
        "Lexcel",
        "ISO",
        "IBA",
        "F4.1",
    ):
        assert expected in text, expected
    assert client_for(w.officer).get(url).status_code == 200
    assert client_for(w.other_admin).get(url).status_code == 404
    assert client_for(w.other_officer).get(url).status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT_ASSESSMENT_PDF).count() == 2
