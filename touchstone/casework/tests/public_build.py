"""Filling the web complaint form as a browser does, page by page, for the public's tests."""

import re

from django.core import mail

from touchstone.core.testing import date_boxes

ANSWERS = {
    "you": {"name": "Sam Patel", "email": "sam@example.org", "phone": "01632 960 001"},
    "for-whom": {"acting": "self"},
    "what-happened": {
        "what_happened": "They lost my deeds and charged me to find them.",
        "area_of_law": "Buying a house",
        **date_boxes("happened_on", 3, 2, 2025),
    },
    "complained-first": {"complained_first": "yes", **date_boxes("complained_on", 1, 3, 2025)},
    "outcome": {"remedies": ["apology", "fee_refund"], "details": "A refund of £300."},
}


def page(name: str) -> str:
    return f"/casework/complain/{name}/"


def answer(client, page_name: str, **changes):
    return client.post(page(page_name), {**ANSWERS[page_name], **changes})


def fill_form(client, *, provider: dict | None = None, stop_before: str = "") -> None:
    """Answer every question (the provider named as not on the register unless `provider`
    says otherwise), stopping before the page `stop_before`."""
    for name in ("you", "for-whom", "provider", "what-happened", "complained-first", "outcome"):
        if name == stop_before:
            return
        if name == "provider":
            response = client.post(
                "/casework/complain/provider/", provider or {"unregulated_name": "Quick Wills Ltd"}
            )
        else:
            response = answer(client, name)
        assert response.status_code == 302, (name, response.content.decode()[:2000])


def link_in(message, path: str) -> str:
    """The path of the link to `path…` in an email."""
    found = re.search(rf"https?://[^/\s]+({re.escape(path)}[^\s]+)", message.body)
    assert found, message.body
    return found.group(1)


def last_mail_to(address: str):
    sent = [m for m in mail.outbox if address in m.to]
    assert sent, [m.to for m in mail.outbox]
    return sent[-1]
