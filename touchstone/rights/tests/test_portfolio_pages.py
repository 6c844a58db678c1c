"""Step 3's pages: the checklist of every example with the check as it stands, a sheet's page
with its evidence and what the redaction check found, the documents only for the applicant
and the regulator's officers (as attachments), and the officer's read-only view."""

from datetime import timedelta

import pytest
from django.utils import timezone

from touchstone.core.models import Role, Upload
from touchstone.core.testing import (
    client_for,
    hidden_value,
    row_counts,
    sample_executable,
    sent,
    uploaded,
)
from touchstone.rights.models import PortfolioSheet
from touchstone.rights.services import application_start
from touchstone.rights.tests.portfolio import supervised, with_evidence

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


def _url(application, path=""):
    return f"/rights/applications/{application.pk}/portfolio/{path}"


def test_the_checklist_lists_every_example_and_the_overview_counts_them(applicant, application):
    client = client_for(applicant)
    page = client.get(_url(application)).content.decode()
    assert 'data-testid="provided">0 of 35' in page
    assert page.count('data-example="') == 35 and 'data-example="1.5(3)"' in page
    assert 'data-example="6.5"' not in page
    overview = client.get(f"/rights/applications/{application.pk}/").content.decode()
    assert "0 of 35 examples" in overview


def test_a_sheet_is_written_on_its_page_and_the_check_follows(applicant, application):
    supervised(application)
    client = client_for(applicant)
    url = _url(application, "2.3/")
    page = client.get(url).content.decode()
    assert "Example 2.3" in page and "assessment criteria" in page
    response = client.post(
        url,
        sent(
            kind="logbook",
            matter="R v Home Secretary",
            document_type="Letter",
            explanation="",
            reflection="What I learnt",
            supervisor="Ann Lee",
            version=hidden_value(page, "version"),
        ),
        follow=True,
    )
    body = response.content.decode()
    assert "Example 2.3 saved" in body
    assert (
        "No evidence yet" in body and "Say how the work meets" in body or "NO_EVIDENCE" not in body
    )
    assert PortfolioSheet.objects.get().matter == "R v Home Secretary"


@pytest.mark.parametrize("example", ["2.1(1)", "1.1", "9.9", "2.5"])
def test_an_example_the_scheme_does_not_ask_for_has_no_page(applicant, application, example):
    assert client_for(applicant).get(_url(application, f"{example}/")).status_code == 404


def test_a_program_named_as_a_pdf_is_refused_on_the_page_and_nothing_is_written(
    applicant, application
):
    with_evidence(application, "2.3")
    client = client_for(applicant)
    url = _url(application, "2.3/evidence/add/")
    before = (*row_counts("rights", "core"), Upload.objects.count())
    data = sent(
        description="Letter",
        **{"date-day": "1", "date-month": "2", "date-year": str(TODAY.year - 1)},
        kind="client_letter",
    )
    data["file"] = uploaded(sample_executable(), name="letter.pdf")
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200 and "not a PDF" in body
    assert (*row_counts("rights", "core"), Upload.objects.count()) == before


def test_the_findings_are_shown_to_the_applicant_and_the_officer(applicant, application, officer):
    supervised(application)
    with_evidence(application, "2.3", lines=("Write to jo.bloggs@example.com",))
    mine = client_for(applicant).get(_url(application, "2.3/")).content.decode()
    assert "jo.bloggs@example.com" in mine and "Email address" in mine
    overview = client_for(applicant).get(_url(application)).content.decode()
    assert 'data-testid="personal-data"' in overview
    staff = client_for(officer)
    case = staff.get(f"/rights/staff/{application.pk}/portfolio/2.3/").content.decode()
    assert "jo.bloggs@example.com" in case and "<form" not in case.split("<main")[1]


def test_a_document_is_an_attachment_for_the_applicant_and_the_officer_only(
    applicant, application, officer, make_user, other_organisation
):
    sheet = with_evidence(application, "2.3")
    evidence = sheet.evidence.get()
    mine = _url(application, f"2.3/evidence/{evidence.pk}/document/")
    response = client_for(applicant).get(mine)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content if response.streaming else [response.content])
    staff = f"/rights/staff/{application.pk}/portfolio/2.3/evidence/{evidence.pk}/document/"
    assert client_for(officer).get(staff).status_code == 200
    stranger = make_user("stranger")
    outsider = make_user("outsider", (other_organisation, Role.OFFICER))
    assert client_for(stranger).get(mine).status_code == 404
    assert client_for(outsider).get(staff).status_code == 404
    assert client_for(officer).get(mine).status_code == 404  # the applicant's address is theirs


def test_removing_a_sheet_goes_through_its_confirmation(applicant, application):
    with_evidence(application, "2.3")
    client = client_for(applicant)
    url = _url(application, "2.3/remove/")
    assert "Remove example 2.3?" in client.get(url).content.decode()
    client.post(url, sent(confirmed="yes"))
    assert not PortfolioSheet.objects.exists()


def test_the_optional_outcome_changes_what_is_asked(applicant, application):
    client = client_for(applicant)
    page = client.get(_url(application)).content.decode()
    response = client.post(
        _url(application, "optional/"),
        sent(include="on", version=hidden_value(page, "version")),
        follow=True,
    )
    body = response.content.decode()
    assert "36 examples, with 6.5" in body and 'data-example="6.5"' in body


def test_an_old_evidence_date_shows_the_rule_on_the_sheet(applicant, application):
    supervised(application)
    sheet = with_evidence(application, "2.3")
    sheet.evidence.update(date=TODAY - timedelta(days=365 * 4))
    page = client_for(applicant).get(_url(application, "2.3/")).content.decode()
    assert 'data-testid="sheet-problems"' in page and "3 years" in page
