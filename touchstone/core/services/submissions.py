"""Idempotent submissions: a write is made once per submission, however often it arrives.

Every state-changing form carries a one-time token (`{% submission_token %}`) and every API
write may carry an `Idempotency-Key` header. The web (`core.writes.submit_once`) and the API
(`core.api.writes.idempotent`) both call `submission_begin` inside the write's transaction,
before the write, and `submission_finish` after it:

- the first arrival inserts the key (unique per user) and goes on to write;
- a repeat that arrives while the first is still writing waits on the first one's row (the
  unique index holds it back until the first transaction ends) and then gets its outcome;
- a repeat after it gets the stored outcome: where the form went, or the API status and body;
- if the write fails, the transaction rolls back with the key, so it can be sent again.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone

from touchstone.core.models import Submission

KEY_PATTERN = re.compile(r"^[\x21-\x7e]{8,100}$")  # visible ASCII, no spaces
KEY_RULE = "from 8 to 100 visible ASCII characters (a UUID will do)"
KEPT_FOR = timedelta(days=30)


@dataclass(frozen=True)
class Outcome:
    """What an earlier handling of the same submission answered."""

    status_code: int
    headers: dict = field(default_factory=dict)
    body: object = None
    same_request: bool = True

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


def fingerprint(method: str, path: str, data) -> str:
    """A digest of what was sent, so reusing a key for a different request is noticed."""
    text = json.dumps([method.upper(), path, data], sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()


def valid_key(key: str | None) -> bool:
    return bool(key) and KEY_PATTERN.match(key) is not None


def submission_outcome(*, user, key: str, fingerprint: str) -> Outcome | None:
    """The outcome of a completed submission with this key, or None (a plain read, for a
    cheap check before the form is validated; `submission_begin` is the one that counts)."""
    earlier = Submission.objects.filter(user=user, key=key).first()
    return _outcome(earlier, fingerprint) if earlier else None


def submission_begin(
    *, user, key: str, channel: str, method: str, path: str, fingerprint: str
) -> Submission | Outcome:
    """Claim the key for this write (call inside the write's transaction), or return the
    outcome of the submission that already claimed it, waiting for it to finish if needed."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("submission_begin must run inside the write's transaction")
    try:
        with transaction.atomic():
            return Submission.objects.create(
                user=user,
                key=key,
                channel=channel,
                method=method.upper(),
                path=path[:500],
                fingerprint=fingerprint,
            )
    except IntegrityError:
        # The first submission committed (its row is visible now the unique index let us go).
        return _outcome(Submission.objects.get(user=user, key=key), fingerprint)


def submission_finish(
    submission: Submission, *, status_code: int, headers: dict | None = None, body=None
) -> None:
    """Record what the write answered, in the same transaction as the write."""
    submission.status_code = status_code
    submission.headers = headers or {}
    submission.body = body
    submission.save(update_fields=["status_code", "headers", "body"])


def _outcome(submission: Submission, fingerprint: str) -> Outcome:
    return Outcome(
        status_code=submission.status_code or 0,
        headers=submission.headers,
        body=submission.body,
        same_request=submission.fingerprint == fingerprint,
    )


def submissions_forget(*, as_of=None) -> int:
    """Forget the submissions older than `KEPT_FOR` (run daily): a form or a retry is not
    expected to come back after that. Returns how many were forgotten."""
    cutoff = (as_of or timezone.now()) - KEPT_FOR
    deleted, _ = Submission.objects.filter(created_at__lt=cutoff).delete()
    return deleted
