"""The declaration page, opened from the emailed link without an account: the exact words kept
and their SHA-256, signed by typing the name and ticking the box; never cached or sent to
another site as a referrer; a link used, expired or withdrawn says why with 410."""

import html
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from touchstone.core.models import AccessLink
from touchstone.core.services import REFUSALS
from touchstone.core.testing import client_for, row_counts
from touchstone.rights.models import Application, Declaration
from touchstone.rights.services import application_start
from touchstone.rights.tests import declarations

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(make_user):
    user = make_user("sam")
    user.first_name, user.last_name = "Sam", "O'Neill"  # escaped on the page, kept as it is
    user.save()
    return user


@pytest.fixture
def sent(applicant, organisation):
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    return declarations.sent(application)


def _url(declaration) -> str:
    return f"/rights/declaration/{declaration.link_token}/"


def _private(response) -> None:
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_the_page_shows_the_words_exactly_as_kept_and_their_hash(sent):
    mine, _theirs = sent
    response = Client().get(_url(mine))
    assert response.status_code == 200
    _private(response)
    page = response.content.decode()
    start = page.index('data-testid="statement"')
    shown = page[page.index(">", start) + 1 : page.index("</p>", start)]
    assert html.unescape(shown) == mine.statement  # line for line, nothing added
    assert "ts-pre-wrap" in page[page.rindex("<", 0, start) : start]
    assert mine.statement_sha256 in page
    assert "Type your full name to sign" in page and "I confirm this declaration is true" in page
    assert 'autocomplete="name"' in page and "Sign the declaration</button>" in page


def test_signing_from_the_page(sent):
    mine, _theirs = sent
    client = Client(HTTP_USER_AGENT="Pages test", REMOTE_ADDR="192.0.2.9")
    response = client.post(_url(mine), {"signed_name": "sam o'neill", "confirms": "on"})
    assert response.status_code == 302 and response["Location"] == "/rights/declaration/signed/"
    _private(response)
    signed = Declaration.objects.get(pk=mine.pk)
    assert signed.state == "signed" and signed.signed_agent == "Pages test"
    assert signed.signed_from == "192.0.2.9"
    thanks = client.get("/rights/declaration/signed/")
    assert thanks.status_code == 200 and "Declaration signed" in thanks.content.decode()
    _private(thanks)
    again = client.get(_url(mine))
    assert again.status_code == 410 and REFUSALS["used"] in again.content.decode()
    _private(again)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"signed_name": "Sam Smith", "confirms": "on"}, "as the declaration gives it"),
        ({"signed_name": "Sam O'Neill"}, "Confirm that this declaration is true"),
        ({"confirms": "on"}, "Type your full name to sign the declaration"),
    ],
)
def test_a_refused_signature_shows_why_and_writes_nothing(sent, data, message):
    mine, _theirs = sent
    before = row_counts("rights", "core")
    response = Client().post(_url(mine), data)
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert message in page and "There is a problem" in page
    assert row_counts("rights", "core") == before
    assert AccessLink.objects.get(pk=mine.link_id).used_at is None


def test_the_service_refusing_shows_on_the_form(sent):
    mine, _theirs = sent
    Application.objects.filter(pk=mine.application_id).update(application_state="refused")
    response = Client().post(_url(mine), {"signed_name": "Sam O'Neill", "confirms": "on"})
    assert response.status_code == 400
    assert "can no longer be signed" in response.content.decode()


@pytest.mark.parametrize("refusal", ["expired", "revoked"])
def test_a_link_that_cannot_be_used_says_why(sent, refusal):
    mine, _theirs = sent
    changes = {
        "expired": {"expires_at": timezone.now() - timedelta(minutes=1)},
        "revoked": {"revoked_at": timezone.now()},
    }[refusal]
    AccessLink.objects.filter(pk=mine.link_id).update(**changes)
    for response in (
        Client().get(_url(mine)),
        Client().post(_url(mine), {"signed_name": "Sam O'Neill", "confirms": "on"}),
    ):
        assert response.status_code == 410
        assert html.escape(REFUSALS[refusal]) in response.content.decode()
        _private(response)
    assert Declaration.objects.get(pk=mine.pk).state == "invited"


def test_an_unknown_link_is_not_found(sent):
    response = Client().get("/rights/declaration/not-a-token/")
    assert response.status_code == 404
    assert html.escape(REFUSALS["unknown"]) in response.content.decode()


def test_the_supervisor_sees_their_own_words(sent):
    _mine, theirs = sent
    page = html.unescape(Client().get(_url(theirs)).content.decode())
    assert "I, Ann Lee, declare" in page and "done under my supervision" in page
    assert "Ann Lee, please read" in page


def test_the_history_reads_the_signatures_in_words(sent, applicant):
    mine, theirs = sent
    for declaration, name in ((mine, "Sam O'Neill"), (theirs, "Ann Lee")):
        Client().post(_url(declaration), {"signed_name": name, "confirms": "on"})
    page = client_for(applicant).get(f"/history/rights/application/{mine.application_id}/")
    assert page.status_code == 200
    body = html.unescape(page.content.decode())
    assert "Under assessment" in body and "Declarations pending" in body
    assert "ann.lee@example.org" in body  # who signed, by their link
