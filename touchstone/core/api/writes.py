"""The API side of the write mechanisms every module uses.

- `Idempotency-Key` (any API write, decorator `idempotent`): the first request with a key
  writes and its status and body are stored in the same transaction; a repeat gets them back
  (header `Idempotent-Replayed: true`) without writing; a repeat arriving while the first is
  still writing waits for it; the same key with a different request is a 422.
- `ETag` / `If-Match` (every editable record): responses carrying a `Versioned` record send
  its version as a strong ETag; a write sent with `If-Match` is made only if the record is
  still at that version, otherwise 412 Precondition Failed with the current ETag. The check
  is the service's (`expected_version`), made under a row lock.
"""

import functools
import re

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response

from touchstone.core.models import Submission
from touchstone.core.services import submission_begin, submission_finish
from touchstone.core.services.submissions import (
    KEY_PATTERN,
    KEY_RULE,
    Outcome,
    fingerprint,
    valid_key,
)

IDEMPOTENCY_HEADER = "Idempotency-Key"
_ENTITY_TAG = re.compile(r'^"(\d{1,9})"$')

IDEMPOTENCY_KEY = OpenApiParameter(
    IDEMPOTENCY_HEADER,
    location=OpenApiParameter.HEADER,
    required=False,
    pattern=KEY_PATTERN.pattern,
    description=(
        f"A key you choose for this write: {KEY_RULE}. Sending the same request again "
        "with the same key changes nothing and answers what the first one answered (with "
        "`Idempotent-Replayed: true`), so a write can be retried safely after a timeout. "
        "Keys belong to you and are kept for 30 days."
    ),
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        'The ETag of the record as you read it, e.g. `"3"`. The change is made only if nobody '
        "has changed the record since; otherwise the answer is 412 and nothing is written. "
        "`*` (or no header) changes whatever version is current."
    ),
)
ETAG = OpenApiParameter(
    "ETag",
    location=OpenApiParameter.HEADER,
    response=[200, 201],
    description='The record\'s version, e.g. `"3"`: send it back as `If-Match` to change it.',
)
STALE = OpenApiResponse(
    description="The record changed since the ETag you sent in If-Match (nothing was written; "
    "the answer's ETag and `current_version` are the record as it is now)."
)
KEY_REUSED = OpenApiResponse(
    description="This Idempotency-Key was already used for a different request."
)


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "This record changed since you read it."
    default_code = "stale"


def etag(obj) -> str:
    return f'"{obj.version}"'


def with_etag(response: Response, obj) -> Response:
    response["ETag"] = etag(obj)
    return response


def expected_version(request) -> int | None:
    """The version named by `If-Match`, or None when any version will do. A tag that is not
    one of this API's (weak, several, malformed) cannot match, so it is a 412."""
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return None
    match = _ENTITY_TAG.match(header.strip())
    if not match:
        raise PreconditionFailed(
            'If-Match must be one ETag as this API sends it, for example "3", or *.'
        )
    return int(match.group(1))


def _request_data(request):
    data = request.data
    if hasattr(data, "lists"):  # a QueryDict (form-encoded or multipart)
        return sorted((k, v) for k, v in data.lists())
    return data


def idempotent(handler):
    """Make an API write (a view method) idempotent when its request has an Idempotency-Key."""

    @functools.wraps(handler)
    def wrapper(view, request, *args, **kwargs):
        key = request.headers.get(IDEMPOTENCY_HEADER)
        if key is None:
            return handler(view, request, *args, **kwargs)
        if not valid_key(key):
            raise ValidationError({IDEMPOTENCY_HEADER: [f"Use {KEY_RULE}"]})
        digest = fingerprint(request.method, request.path, _request_data(request))
        with transaction.atomic():
            claim = submission_begin(
                user=request.user,
                key=key,
                channel=Submission.Channel.API,
                method=request.method,
                path=request.path,
                fingerprint=digest,
            )
            if isinstance(claim, Outcome):
                return _replayed(claim)
            response = handler(view, request, *args, **kwargs)
            if not 200 <= response.status_code < 300:
                transaction.set_rollback(True)  # nothing stored: the request may be sent again
                return response
            headers = {k: response[k] for k in ("ETag", "Location") if response.has_header(k)}
            submission_finish(
                claim, status_code=response.status_code, headers=headers, body=response.data
            )
            return response

    return wrapper


def _replayed(outcome: Outcome) -> Response:
    if not outcome.same_request:
        return Response(
            {"detail": f"This {IDEMPOTENCY_HEADER} was already used for a different request."},
            status=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    response = Response(outcome.body, status=outcome.status_code, headers=outcome.headers)
    response["Idempotent-Replayed"] = "true"
    return response
