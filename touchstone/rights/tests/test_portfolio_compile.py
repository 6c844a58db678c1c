"""The portfolio compiled for assessment (§57): contents with the right page numbers, each
sheet in the scheme's order followed by its evidence, Word documents and images set on pages
of their own, one PDF per competency when the whole would be too large, and as a job whose
result only the person who started it downloads."""

import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from touchstone.core.models import Job
from touchstone.core.testing import client_for, sample_docx, sample_png, sent, uploaded
from touchstone.rights.exports import compile_portfolio
from touchstone.rights.services import application_start, portfolio_evidence_add
from touchstone.rights.tests.build import examples, immigration
from touchstone.rights.tests.portfolio import complete, supervised, with_evidence
from touchstone.rights.tests.test_portfolio_services import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(make_user, organisation):
    user = make_user("sam")
    user.first_name, user.last_name = "Sam", "Jones"
    user.save()
    return application_start(acting_user=user, regulator=organisation, scheme="immigration")


def _texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_a_complete_portfolio_is_one_pdf_in_the_schemes_order_with_a_true_contents(
    application,
):
    complete(application)
    compiled = compile_portfolio(application)
    assert (compiled.name, compiled.content_type, compiled.files) == (
        "portfolio-sam-jones.pdf",
        "application/pdf",
        1,
    )
    pages = _texts(compiled.data)
    headings = [m[1] for text in pages if (m := re.search(r"^Example (\S+): ", text, re.M))]
    assert headings == examples(immigration())  # 1.1(1) … 6.4: a page each, in order
    contents = "\n".join(p for p in pages if "Outcome" in p and "Page" in p)
    for example in ("1.1(1)", "2.3", "6.4"):
        row = re.search(rf"^{re.escape(example)} .*?^(\d+)$", contents, re.M | re.S)
        number = int(row[1])
        assert f"Example {example}: " in pages[number - 1]
        assert f"Letter for {example}" in pages[number - 1]
        assert "A letter of advice" in pages[number]  # its evidence follows it
    outline = [item.title for item in PdfReader(io.BytesIO(compiled.data)).outline]
    assert outline[0].startswith("1.1(1): ") and len(outline) == 36  # and the contents
    assert outline[-1] == "Contents"


def test_word_documents_and_images_are_set_on_pages_and_statements_have_none(application):
    supervised(application)
    sheet = with_evidence(application, "2.3")
    for data, name in (
        (sample_docx("Minutes of the client meeting"), "notes.docx"),
        (sample_png(), "scan.png"),
    ):
        portfolio_evidence_add(
            acting_user=application.applicant,
            sheet=sheet,
            description=name,
            date=TODAY,
            kind="email",
            file=uploaded(data, name=name),
        )
    compiled = compile_portfolio(application)
    pages = _texts(compiled.data)
    text = "\n".join(pages)
    assert "Minutes of the client meeting" in text
    assert "Evidence for 2.3: scan.png" in text
    reader = PdfReader(io.BytesIO(compiled.data))
    images = [img for page in reader.pages for img in page.images]
    assert images, "the PNG is drawn on its page"


def test_a_portfolio_larger_than_the_limit_is_one_pdf_per_competency(application, monkeypatch):
    supervised(application)
    for example in ("1.1(1)", "1.2(1)", "2.3", "6.1"):
        with_evidence(application, example)
    monkeypatch.setattr("touchstone.rights.exports.portfolio.MB", 1)  # a 10-byte limit
    compiled = compile_portfolio(application)
    assert compiled.content_type == "application/zip" and compiled.files == 3
    with zipfile.ZipFile(io.BytesIO(compiled.data)) as archive:
        names = archive.namelist()
        assert names == [
            "portfolio-sam-jones-competency-1.pdf",
            "portfolio-sam-jones-competency-2.pdf",
            "portfolio-sam-jones-competency-6.pdf",
        ]
        first = "\n".join(_texts(archive.read(names[0])))
    assert "Example 1.1(1)" in first and "Example 1.2(1)" in first and "Example 2.3" not in first


def test_compiling_is_a_job_the_person_who_started_it_downloads(
    application, officer, make_user, django_capture_on_commit_callbacks
):
    supervised(application)
    with_evidence(application, "2.3")
    client = client_for(application.applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/rights/applications/{application.pk}/portfolio/compile/", sent())
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.state == "succeeded" and job.result_name == "portfolio-sam-jones.pdf"
    assert job.done == job.total == 1
    download = client.get(f"/jobs/{job.pk}/download/")
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    assert client_for(officer).get(f"/jobs/{job.pk}/download/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        staff = client_for(officer).post(
            f"/rights/staff/{application.pk}/portfolio/compile/", sent()
        )
    assert staff.status_code == 302 and Job.objects.count() == 2
