"""The complaint form's provider search (the public register), its evidence uploads (checked
by content and size, refused with a clear message and nothing written) and save and return
(an emailed link that works once, expires and reopens the draft)."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings
from django.utils import timezone

from touchstone.casework.models import Case, ComplaintDraft, Evidence
from touchstone.casework.tests.public_build import answer, fill_form, last_mail_to, link_in, page
from touchstone.core.models import AccessLink, OrganisationKind, Upload
from touchstone.core.testing import (
    new_organisation,
    sample_executable,
    sample_html,
    sample_pdf,
    sample_png,
    uploaded,
)
from touchstone.register.tests.fixtures import small_register

pytestmark = pytest.mark.django_db
PROVIDER = "/casework/complain/provider/"
EVIDENCE = "/casework/complain/evidence/"


@pytest.fixture
def ombudsman(db):
    return new_organisation("drafts-ombudsman", OrganisationKind.OMBUDSMAN)


@pytest.fixture
def register(db):
    small_register(new_organisation("ips"))


def test_the_provider_search_finds_the_register_by_name(client, ombudsman, register):
    fill_form(client, stop_before="provider")
    body = client.get(PROVIDER, {"q": "smith"}).content.decode()
    assert "John Smith (100001)" in body
    assert "Smith Legal LLP (E5000)" in body


def test_as_you_type_the_search_answers_with_the_results_alone(client, ombudsman, register):
    fill_form(client, stop_before="provider")
    response = client.get(PROVIDER, {"q": "100001"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="provider-results"')
    assert "John Smith (100001)" in body and "<html" not in body


def test_a_search_that_finds_no_one_says_so(client, ombudsman, register):
    fill_form(client, stop_before="provider")
    body = client.get(PROVIDER, {"q": "Zzyzx"}).content.decode()
    assert "We found no one on the register" in body


def test_a_provider_chosen_from_the_register_is_linked(client, ombudsman, register):
    fill_form(client, provider={"number": "100001"})
    client.post("/casework/complain/check/")
    case = Case.objects.get()
    assert case.provider.number == "100001"
    assert not case.provider_unregulated


def test_a_provider_not_on_the_register_is_flagged_unregulated(client, ombudsman, register):
    fill_form(client)
    client.post("/casework/complain/check/")
    case = Case.objects.get()
    assert case.provider is None and case.provider_unregulated


def test_the_provider_page_needs_a_choice_or_a_name(client, ombudsman):
    fill_form(client, stop_before="provider")
    response = client.post(PROVIDER, {})
    assert response.status_code == 400
    assert "Choose the lawyer or firm from the search results" in response.content.decode()


def test_evidence_is_kept_and_moves_to_the_case(client, ombudsman):
    fill_form(client)
    response = client.post(EVIDENCE, {"upload": "1", "document": uploaded(sample_pdf("Bill"))})
    assert response.status_code == 302
    response = client.post(
        EVIDENCE, {"upload": "1", "document": uploaded(sample_png(), "photo.png", "image/png")}
    )
    assert "photo.png" in client.get(EVIDENCE).content.decode()
    client.post("/casework/complain/check/")
    case = Case.objects.get()
    assert sorted(e.upload.kind for e in case.evidence.all()) == ["pdf", "png"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (sample_html(), "bill.pdf", "not a PDF, Word document, PNG or JPEG"),
        (sample_executable(), "bill.pdf", "not a PDF, Word document, PNG or JPEG"),
        (b"", "empty.pdf", "The file is empty."),
    ],
)
def test_a_mistyped_file_is_refused_and_nothing_written(client, ombudsman, data, name, message):
    fill_form(client)
    stored = (
        set(default_storage.listdir("uploads")[1]) if default_storage.exists("uploads") else set()
    )
    response = client.post(EVIDENCE, {"upload": "1", "document": uploaded(data, name)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Upload.objects.exists() and not Evidence.objects.exists()
    after = (
        set(default_storage.listdir("uploads")[1]) if default_storage.exists("uploads") else set()
    )
    assert after == stored
    # What was typed on the other pages is still there.
    assert "Sam Patel" in client.get("/casework/complain/check/").content.decode()


@override_settings(TOUCHSTONE_UPLOAD_MAX_BYTES=1000)
def test_an_oversized_file_is_refused(client, ombudsman):
    fill_form(client)
    response = client.post(EVIDENCE, {"upload": "1", "document": uploaded(sample_pdf("x" * 900))})
    assert response.status_code == 400
    assert "larger than" in response.content.decode()
    assert not Upload.objects.exists()


def _saved(client, capture) -> str:
    with capture(execute=True):
        response = client.post("/casework/complain/save/", {"email": "sam@example.org"})
    assert "Your answers are saved" in response.content.decode()
    return link_in(last_mail_to("sam@example.org"), "/casework/complain/return/")


def test_save_and_come_back_later_from_a_question(
    client, ombudsman, django_capture_on_commit_callbacks
):
    fill_form(client, stop_before="what-happened")
    response = answer(client, "what-happened", save_later="1")
    assert response["Location"] == "/casework/complain/save/"
    path = _saved(client, django_capture_on_commit_callbacks)
    other = client.__class__()  # another browser, with no session
    assert "Carry on with your complaint" in other.get(path).content.decode()
    response = other.post(path)
    assert response["Location"] == page("complained-first")
    assert "They lost my deeds" in other.get(page("what-happened")).content.decode()
    answer(other, "complained-first")
    answer(other, "outcome")
    other.post("/casework/complain/check/")
    assert Case.objects.count() == 1
    assert ComplaintDraft.objects.get().is_submitted


def test_the_link_works_once(client, ombudsman, django_capture_on_commit_callbacks):
    fill_form(client, stop_before="outcome")
    path = _saved(client, django_capture_on_commit_callbacks)
    client.post(path)
    assert client.post(path).status_code == 410
    assert client.get(path).status_code == 410


def test_a_new_link_replaces_the_old_one(client, ombudsman, django_capture_on_commit_callbacks):
    fill_form(client, stop_before="outcome")
    first = _saved(client, django_capture_on_commit_callbacks)
    second = _saved(client, django_capture_on_commit_callbacks)
    assert first != second
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_an_expired_link_is_refused(client, ombudsman, django_capture_on_commit_callbacks):
    fill_form(client, stop_before="outcome")
    path = _saved(client, django_capture_on_commit_callbacks)
    AccessLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(path)
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_wrong_token_is_not_found(client, ombudsman):
    assert client.get("/casework/complain/return/not-a-token/").status_code == 404
    assert client.post("/casework/complain/return/not-a-token/").status_code == 404


def test_the_link_of_a_sent_complaint_no_longer_works(
    client, ombudsman, django_capture_on_commit_callbacks
):
    fill_form(client)
    path = _saved(client, django_capture_on_commit_callbacks)
    client.post("/casework/complain/check/")
    assert client.get(path).status_code == 410


def test_only_a_register_number_chooses_from_the_register(client, ombudsman, register):
    fill_form(client, stop_before="provider")
    response = client.post(PROVIDER, {"number": "smith"})
    assert response.status_code == 400
    assert "Choose the lawyer or firm from the search results" in response.content.decode()
