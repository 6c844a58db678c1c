"""What every module does with untrusted input: ids, redirect targets and text.

One place, so that a form, an API serializer, an import and a URL all apply the same checks:
- `parse_id`: a record id is ASCII digits only ("²" and "١" pass `str.isdigit()` and `int()`),
  within the range of a database key.
- `local_redirect_target`: a redirect target taken from input stays on this site.
- `validate_plain_text`: text holds no NUL byte and no control character other than newline,
  carriage return and tab (they break XLSX exports and PostgreSQL refuses NUL outright);
  `without_control_characters` drops any that are already stored, for exports.
- `phone_number_possible`: a telephone number as written (UK by default) has the length of a
  number where it is (phonenumbers' rules), so a typing slip is caught.
"""

from __future__ import annotations

import re

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.http import url_has_allowed_host_and_scheme

_ID = re.compile(r"[0-9]{1,18}", re.ASCII)  # below 2**63: fits every integer key
_BIGGEST_ID = 2**63 - 1

# C0 controls except tab, newline and carriage return; DEL and the C1 controls; and the
# non-characters U+FFFE/U+FFFF, which XML (and so XLSX) cannot hold either.
_CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
_CONTROL = re.compile(f"[{_CONTROL_CHARACTERS}]")
# The same rule as a regular expression for the OpenAPI schema: text without those characters.
PLAIN_TEXT_PATTERN = f"^[^{_CONTROL_CHARACTERS}]*$"


def parse_id(value) -> int | None:
    """A record id from input, or None when it is not one (so the caller answers 404 or 400)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= _BIGGEST_ID else None
    if not isinstance(value, str) or not _ID.fullmatch(value):
        return None
    number = int(value)
    return number if 0 < number <= _BIGGEST_ID else None


def client_ip(request) -> str | None:
    """The client's address: the connection's, or, when that is one of
    `TOUCHSTONE_TRUSTED_PROXIES`, the one those proxies recorded in the
    `TOUCHSTONE_CLIENT_IP_HEADER` header (X-Forwarded-For). A header from anyone else is
    ignored, so a client cannot choose the address it is counted under."""
    from touchstone.core.rules import client_address

    header = "HTTP_" + settings.TOUCHSTONE_CLIENT_IP_HEADER.upper().replace("-", "_")
    return client_address(
        remote_addr=request.META.get("REMOTE_ADDR"),
        forwarded_for=request.META.get(header),
        trusted=settings.TOUCHSTONE_TRUSTED_PROXIES,
    )


def local_redirect_target(request, url: str | None, fallback: str) -> str:
    """`url` when it is a path on this site (same host, same scheme), else `fallback`."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


def text_problem(value: str) -> str | None:
    """Why a piece of text cannot be stored, in words, or None when it can."""
    found = _CONTROL.search(value)
    if found is None:
        return None
    if found.group() == "\x00":
        return "Remove the NUL character (a zero byte) from the text"
    return (
        f"Remove the control character U+{ord(found.group()):04X} from the text "
        "(only line breaks and tabs are allowed)"
    )


def validate_plain_text(value) -> None:
    """Django validator: refuses NUL and control characters other than newline and tab."""
    if isinstance(value, str) and (problem := text_problem(value)) is not None:
        raise ValidationError(problem, code="control_character")


def without_control_characters(value: str) -> str:
    """Text fit for an export: any control character stored before it was refused is dropped."""
    return _CONTROL.sub("", value)


def without_control_characters_in(data):
    """`without_control_characters` applied to every string in JSON-like data."""
    if isinstance(data, str):
        return without_control_characters(data)
    if isinstance(data, dict):
        return {key: without_control_characters_in(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [without_control_characters_in(item) for item in data]
    return data


def phone_number_possible(text: str, region: str = "GB") -> bool:
    """`text` reads as a telephone number of `region` (or with its +country code) of a length
    possible there."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number)
