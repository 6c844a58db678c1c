"""The shared confirmation page (core.web.confirm_page): which button was pressed, and the
answers carried to the confirmed POST as hidden fields, without the one-time token."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from touchstone.core.testing import hidden_value
from touchstone.core.web import changing_answers, confirm_page, confirmed


def _post(data: dict):
    request = RequestFactory().post("/somewhere/", data)
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_the_buttons_are_told_apart():
    assert confirmed(_post({"confirmed": "yes"}))
    assert not confirmed(_post({"confirmed": "yes", "change_answers": "yes"}))
    assert changing_answers(_post({"confirmed": "yes", "change_answers": "yes"}))
    assert not confirmed(_post({})) and not changing_answers(_post({}))
    assert not confirmed(RequestFactory().get("/somewhere/?confirmed=yes"))


@pytest.mark.django_db
def test_the_page_carries_the_answers_and_a_fresh_token():
    request = _post({"status": "suspended", "tag": ["a", "b"], "submission_token": "old-token"})
    page = confirm_page(
        request,
        title="Check the change",
        rows=[{"key": "New status", "value": "Suspended", "href": "/back/"}],
        warning="This will show on the public register now.",
        confirm="Change status",
        cancel_url="/record/",
        can_change=True,
    ).content.decode()
    assert 'name="status" value="suspended"' in page
    assert 'name="tag" value="a"' in page and 'name="tag" value="b"' in page
    assert hidden_value(page, "submission_token") != "old-token"
    assert 'name="confirmed" value="yes"' in page and "Change your answers" in page
    assert "This will show on the public register now." in page
    assert 'href="/back/">Change<span class="govuk-visually-hidden"> new status' in page
