"""Untrusted ids, redirect targets and text are handled the same way everywhere."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from touchstone.core.inputs import (
    local_redirect_target,
    parse_id,
    text_problem,
    validate_plain_text,
    without_control_characters,
)
from touchstone.core.models import Role


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", 1),
        ("0042", 42),
        (7, 7),
        ("9223372036854775807", None),  # 19 digits: past what the parser accepts
        ("922337203685477580", 922337203685477580),
        ("²", None),
        ("١٢", None),  # Arabic-Indic digits: int() reads them, an id never has them
        ("１", None),  # full-width
        ("0", None),
        ("-1", None),
        ("1.0", None),
        (" 1", None),
        ("1\n", None),
        ("", None),
        (None, None),
        (True, None),
        (0, None),
        (2**63, None),
    ],
)
def test_parse_id_accepts_only_ascii_digits_in_key_range(raw, expected):
    assert parse_id(raw) == expected


@given(st.text())
def test_parse_id_never_raises_and_agrees_with_ascii_digits(text):
    parsed = parse_id(text)
    if parsed is not None:
        assert text.isascii() and text.isdigit() and int(text) == parsed


@pytest.mark.parametrize(
    "text", ["plain", "two\nlines", "windows\r\nline", "a\ttab", "Café — “quoted” ²", ""]
)
def test_plain_text_allowed(text):
    assert text_problem(text) is None
    validate_plain_text(text)
    assert without_control_characters(text) == text


@pytest.mark.parametrize(
    ("text", "words"),
    [("a\x00b", "NUL"), ("bell\x07", "U+0007"), ("esc\x1b[0m", "U+001B"), ("c1\x85", "U+0085")],
)
def test_control_characters_refused_with_a_message_and_dropped_from_exports(text, words):
    assert words in text_problem(text)
    with pytest.raises(ValidationError) as refused:
        validate_plain_text(text)
    assert words in refused.value.messages[0]
    assert text_problem(without_control_characters(text)) is None


@pytest.mark.parametrize(
    ("target", "kept"),
    [
        ("/plans/", True),
        ("/plans/?q=1", True),
        ("http://testserver/plans/", True),
        ("https://evil.example/", False),
        ("//evil.example/", False),
        ("/\\evil.example/", False),
        ("javascript:alert(1)", False),
        ("", False),
        (None, False),
    ],
)
def test_redirect_targets_stay_on_this_site(rf, target, kept):
    request = rf.get("/")
    assert local_redirect_target(request, target, "/home/") == (target if kept else "/home/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pk", ["%C2%B2", "%D9%A1", "99999999999999999999999", "-1", "1.0", "0", "abc"]
)
def test_history_with_a_hostile_id_is_404(officer, pk):
    client = Client()
    client.force_login(officer)
    for model in ("plans/plan", "core/organisation", "register/registrant"):
        assert client.get(f"/history/{model}/{pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("pk", ["99999999999999999999999", "9223372036854775808"])
def test_integer_routes_with_an_id_beyond_the_key_range_are_404(officer, pk):
    client = Client()
    client.force_login(officer)
    for url in (f"/plans/{pk}/", f"/plans/actions/{pk}/", f"/api/v1/plans/{pk}/"):
        assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "http:evil.example"]
)
def test_switching_organisation_never_redirects_off_site(
    make_user, organisation, other_organisation, target
):
    user = make_user("both", (organisation, Role.OFFICER), (other_organisation, Role.OFFICER))
    client = Client()
    client.force_login(user)
    response = client.post(
        "/organisation/", {"organisation": other_organisation.pk, "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_switching_organisation_lands_on_home_not_on_a_page_of_the_other_one(
    make_user, organisation, other_organisation
):
    user = make_user("both", (organisation, Role.OFFICER), (other_organisation, Role.OFFICER))
    client = Client()
    client.force_login(user)
    response = client.post(
        "/organisation/", {"organisation": other_organisation.pk, "next": "/plans/"}
    )
    assert response["Location"] == "/"
    assert client.get("/").context["request"].organisation == other_organisation
