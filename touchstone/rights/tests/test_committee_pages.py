"""The Admissions and Licensing Committee's pages: its members (and the officers) read the
applications referred to it by their regulator, soonest hearing first, and each case with
what the committee needs; nothing else is theirs to see, and nothing on them decides."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.models import Role
from touchstone.core.testing import client_for
from touchstone.rights.models import Application
from touchstone.rights.services import application_start
from touchstone.rights.tests import references

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SOON = TODAY + timedelta(days=9)
LATER = TODAY + timedelta(days=30)


def _application(make_user, regulator, username, *, reference=False, **fields):
    applicant = make_user(username)
    found = application_start(acting_user=applicant, regulator=regulator, scheme="immigration")
    if reference:
        references.given(found)
    Application.objects.filter(pk=found.pk).update(**fields)
    found.refresh_from_db()
    return found


@pytest.fixture
def member(make_user, organisation):
    return make_user("alc-member", (organisation, Role.COMMITTEE_MEMBER))


@pytest.fixture
def cases(make_user, organisation, other_organisation):
    experience = _application(
        make_user,
        organisation,
        "alc-experience",
        reference=True,
        experience_state="referred",
        experience_submitted_on=TODAY - timedelta(days=20),
        experience_reasons="Two periods overlap.",
        alc_hearing_on=LATER,
    )
    return {
        "experience": experience,
        "application": _application(
            make_user,
            organisation,
            "alc-application",
            application_state="referred",
            application_submitted_on=TODAY - timedelta(days=3),
            application_reasons="The portfolio's dates are doubtful.",
            application_hearing_on=SOON,
        ),
        "submitted": _application(
            make_user,
            organisation,
            "alc-submitted",
            experience_state="submitted",
            experience_submitted_on=TODAY - timedelta(days=2),
        ),
        "approved": _application(
            make_user, organisation, "alc-approved", application_state="approved"
        ),
        "elsewhere": _application(
            make_user,
            other_organisation,
            "alc-elsewhere",
            experience_state="referred",
            experience_reasons="Another body's case.",
            alc_hearing_on=SOON,
        ),
    }


def listed(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'href="/rights/committee/(\d+)/"', html)]


def test_the_list_is_the_referred_cases_soonest_hearing_first(member, cases):
    html = client_for(member).get("/rights/committee/").content.decode()
    assert listed(html) == [cases["application"].pk, cases["experience"].pk]
    assert date_in_words(SOON) in html and date_in_words(LATER) in html
    assert 'data-testid="days">9<' in html and 'data-testid="days">30<' in html
    assert "2 cases, the soonest hearing first" in html
    assert "<caption" in html and "Qualifying experience" in html and "Application" in html


def test_a_member_never_sees_another_regulators_case(member, cases):
    client = client_for(member)
    assert cases["elsewhere"].pk not in listed(client.get("/rights/committee/").content.decode())
    response = client.get(f"/rights/committee/{cases['elsewhere'].pk}/")
    assert response.status_code == 404
    assert b"Another body" not in response.content


@pytest.mark.parametrize("key", ["submitted", "approved"])
def test_a_member_never_sees_an_application_not_referred(member, cases, key):
    response = client_for(member).get(f"/rights/committee/{cases[key].pk}/")
    assert response.status_code == 404


def test_a_member_has_no_officers_case_page(member, cases):
    assert client_for(member).get(f"/rights/staff/{cases['experience'].pk}/").status_code == 404
    assert client_for(member).get("/rights/staff/").status_code == 404


def test_a_referral_is_no_longer_listed_once_decided(member, cases):
    Application.objects.filter(pk=cases["experience"].pk).update(experience_state="met")
    client = client_for(member)
    assert listed(client.get("/rights/committee/").content.decode()) == [cases["application"].pk]
    assert client.get(f"/rights/committee/{cases['experience'].pk}/").status_code == 404


def test_the_case_shows_what_the_committee_needs_and_decides_nothing(member, cases):
    html = client_for(member).get(f"/rights/committee/{cases['experience'].pk}/").content.decode()
    assert "Two periods overlap." in html
    assert date_in_words(LATER) in html and "30 days from today" in html
    for part in ("experience-check", "portfolio-check", "Supervisor's reference"):
        assert part in html, part
    assert "Lee &amp; Co Solicitors" in html  # the reference given
    assert "No decision letter has been sent yet." in html
    assert "/decide/" not in html and 'method="post" action="/rights' not in html
    application = client_for(member).get(f"/rights/committee/{cases['application'].pk}/")
    assert "The portfolio&#x27;s dates are doubtful." in application.content.decode()


@pytest.mark.parametrize("url", ["/rights/committee/", "/rights/committee/{pk}/"])
def test_an_applicant_cannot_open_the_committees_pages(cases, url):
    applicant = cases["experience"].applicant
    response = client_for(applicant).get(url.format(pk=cases["experience"].pk))
    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/rights/committee/", "/rights/committee/{pk}/"])
def test_a_caseworker_cannot_open_the_committees_pages(make_user, organisation, cases, url):
    caseworker = make_user("alc-caseworker", (organisation, Role.CASEWORKER))
    response = client_for(caseworker).get(url.format(pk=cases["experience"].pk))
    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/rights/committee/", "/rights/committee/1/"])
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/?next=")


def test_an_officer_reads_the_committees_pages(officer, cases):
    client = client_for(officer)
    html = client.get("/rights/committee/").content.decode()
    assert listed(html) == [cases["application"].pk, cases["experience"].pk]
    assert client.get(f"/rights/committee/{cases['experience'].pk}/").status_code == 200
    assert client.get(f"/rights/committee/{cases['elsewhere'].pk}/").status_code == 404
    assert client.get(f"/rights/committee/{cases['submitted'].pk}/").status_code == 404


def test_a_member_of_two_committees_sees_both(make_user, organisation, other_organisation, cases):
    both = make_user(
        "alc-both",
        (organisation, Role.COMMITTEE_MEMBER),
        (other_organisation, Role.COMMITTEE_MEMBER),
    )
    html = client_for(both).get("/rights/committee/").content.decode()
    assert set(listed(html)) == {cases[k].pk for k in ("experience", "application", "elsewhere")}
    assert "Other Body" in html  # the regulator named when there are several


def test_the_home_panel_for_a_committee_member(member, cases):
    html = client_for(member).get("/").content.decode()
    assert "Admissions and Licensing Committee" in html
    assert 'href="/rights/committee/"' in html
    assert f"2 referred to the committee; the next hearing on {date_in_words(SOON)}" in html


def test_no_committee_panel_for_an_officer_or_an_applicant(officer, cases):
    assert 'href="/rights/committee/"' not in client_for(officer).get("/").content.decode()
    applicant = cases["experience"].applicant
    assert 'href="/rights/committee/"' not in client_for(applicant).get("/").content.decode()
