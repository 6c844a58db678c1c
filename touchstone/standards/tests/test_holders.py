"""Public verification: a current holder is found by name with its status and registered-until
date and nothing else; a terminated, lapsed or expired one, or one only applied for, is not. And
the certificate: a registered provider's alone."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from touchstone.core.testing import client_for, pdf_pages
from touchstone.standards import services
from touchstone.standards.rules import months_after
from touchstone.standards.selectors import holders_public
from touchstone.standards.tests.accreditation import applied, scheme_world, submitted

pytestmark = pytest.mark.django_db

API = "/api/v1/public/standards/iqs-2012/holders/"
PAGE = "/standards/frameworks/iqs-2012/holders/"


def named(prefix: str, name: str):
    w = scheme_world(prefix)
    w.provider.name = name
    w.provider.save()
    return w


@pytest.fixture
def holders():
    """Registered, provisional, terminated, lapsed, and applied-for providers, as of today."""
    today = timezone.localdate()
    registered = named("reg-", "Northgate Paralegal Services")
    provisional = named("prov-", "Northgate Will Writers")
    terminated = named("term-", "Northgate Claims Help")
    lapsed = named("lapse-", "Northgate Tenancy Advice")
    pending = named("apply-", "Northgate Family Support")
    submitted(registered, today=today - timedelta(days=30))
    submitted(provisional, today=today - timedelta(days=30), s30="partial")
    submitted(terminated, today=months_after(today, -8), s12="not_complied")
    submitted(lapsed, today=months_after(today, -13))
    applied(pending, today=today)
    ended = services.accreditations_sweep(today=today)
    assert ended == {"terminated": 1, "lapsed": 1}
    return registered, provisional


def test_only_current_holders_are_found_with_their_status_and_date(holders):
    registered, provisional = holders
    today = timezone.localdate()
    found = holders_public(framework_ref="iqs-2012", q="northgate", as_of=today)
    assert [(h.name, h.status) for h in found] == [
        ("Northgate Paralegal Services", "registered"),
        ("Northgate Will Writers", "provisional"),
    ]
    registered.provider.refresh_from_db()
    accreditation = registered.provider.standards_accreditations.get()
    assert found[0].registered_until == accreditation.registered_until
    assert (
        found[1].registered_until
        == provisional.provider.standards_accreditations.get().remediation_deadline
    )


@pytest.mark.parametrize(
    ("q", "names"),
    [
        ("", ["Northgate Paralegal Services", "Northgate Will Writers"]),
        ("WILL northgate", ["Northgate Will Writers"]),
        ("paralegal", ["Northgate Paralegal Services"]),
        ("claims", []),  # terminated
        ("tenancy", []),  # lapsed
        ("family", []),  # only applied for
        ("southgate", []),
    ],
)
def test_the_search_needs_every_word_in_any_case(holders, q, names):
    found = holders_public(framework_ref="iqs-2012", q=q, as_of=timezone.localdate())
    assert [h.name for h in found] == names


def test_a_registration_past_its_end_is_not_found_even_before_the_sweep(holders):
    registered, _ = holders
    until = registered.provider.standards_accreditations.get().registered_until
    later = holders_public(framework_ref="iqs-2012", q="paralegal", as_of=until + timedelta(1))
    assert later == []
    on_the_day = holders_public(framework_ref="iqs-2012", q="paralegal", as_of=until)
    assert [h.name for h in on_the_day] == ["Northgate Paralegal Services"]


def test_the_api_gives_name_status_and_date_and_nothing_else(holders):
    response = Client().get(API, {"q": "northgate"})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    results = response.json()["results"]
    assert [set(item) for item in results] == [{"name", "status", "registered_until"}] * 2
    assert [item["status"] for item in results] == ["registered", "provisional"]
    assert Client().get(API, {"q": "claims"}).json()["results"] == []


@pytest.mark.parametrize(
    ("url", "params", "status"),
    [
        (API, {"q": "x" * 101}, 400),
        ("/api/v1/public/standards/lexcel/holders/", {}, 404),
        ("/api/v1/public/standards/nothing/holders/", {}, 404),
        (API, {"page": "0"}, 400),
    ],
)
def test_the_api_refuses_what_it_cannot_answer(url, params, status):
    assert Client().get(url, params).status_code == status


def test_the_page_finds_a_registered_provider_and_not_a_terminated_one(holders):
    page = Client().get(PAGE, {"q": "northgate"}).content.decode()
    assert "Northgate Paralegal Services" in page and "Registered" in page
    assert "Northgate Will Writers" in page and "unless it shows it complies in full" in page
    assert "Northgate Claims Help" not in page
    assert "Northgate Tenancy Advice" not in page
    missing = Client().get(PAGE, {"q": "claims help"}).content.decode()
    assert "No holder matching “claims help”" in missing
    assert "may not show the IQS logo" in missing


def test_the_page_asks_before_it_lists_and_knows_only_accredited_frameworks():
    page = Client().get(PAGE).content.decode()
    assert "Provider's name" in page and 'data-testid="holders"' not in page
    assert Client().get("/standards/frameworks/lexcel/holders/").status_code == 404


def test_the_certificate_is_a_registered_providers_alone(holders):
    registered, provisional = holders
    accreditation = registered.provider.standards_accreditations.get()
    url = f"/standards/accreditations/{accreditation.pk}/certificate.pdf"
    response = client_for(registered.admin).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_pages(response.content))
    assert "Northgate Paralegal Services" in text
    assert f"until {accreditation.registered_until:%-d %B %Y}" in text
    assert client_for(registered.officer).get(url).status_code == 200
    assert client_for(provisional.admin).get(url).status_code == 404  # another provider's
    assert Client().get(url).status_code == 302  # sign in first
    unfinished = provisional.provider.standards_accreditations.get()
    own = f"/standards/accreditations/{unfinished.pk}/certificate.pdf"
    assert client_for(provisional.admin).get(own).status_code == 404  # provisional: no logo
    detail = client_for(registered.admin).get(f"/standards/accreditations/{accreditation.pk}/")
    assert "Download the certificate of registration (PDF)" in detail.content.decode()
