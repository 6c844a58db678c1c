"""The core write mechanisms on their own: claiming a submission key, its outcome, and the
version check under a row lock."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Submission
from touchstone.core.services import (
    Outcome,
    StaleVersion,
    lock_for_change,
    submission_begin,
    submission_finish,
    submission_outcome,
    submissions_forget,
)
from touchstone.core.services.submissions import fingerprint, valid_key
from touchstone.core.templatetags.submissions import submission_token
from touchstone.core.testing import hidden_value


def begin(user, key="key-123456", digest="a" * 64):
    return submission_begin(
        user=user, key=key, channel="api", method="post", path="/x/", fingerprint=digest
    )


@pytest.mark.django_db
def test_the_first_submission_claims_its_key_and_a_repeat_gets_its_outcome(officer):
    with transaction.atomic():
        claim = begin(officer)
        assert isinstance(claim, Submission)
        submission_finish(claim, status_code=201, headers={"ETag": '"2"'}, body={"id": 7})
    with transaction.atomic():
        repeat = begin(officer)
    assert repeat == Outcome(status_code=201, headers={"ETag": '"2"'}, body={"id": 7})
    with transaction.atomic():
        other = begin(officer, digest="b" * 64)
    assert other.same_request is False
    assert submission_outcome(user=officer, key="key-123456", fingerprint="a" * 64).body == {
        "id": 7
    }


@pytest.mark.django_db
def test_a_failed_write_takes_its_claim_with_it(officer):
    with pytest.raises(RuntimeError), transaction.atomic():
        begin(officer)
        raise RuntimeError("the write failed")
    assert not Submission.objects.exists()
    assert submission_outcome(user=officer, key="key-123456", fingerprint="a" * 64) is None


@pytest.mark.django_db
def test_old_submissions_are_forgotten(officer):
    with transaction.atomic():
        begin(officer, key="old-key-123")
        begin(officer, key="new-key-123")
    Submission.objects.filter(key="old-key-123").update(
        created_at=timezone.now() - timedelta(days=31)
    )
    assert submissions_forget() == 1
    assert list(Submission.objects.values_list("key", flat=True)) == ["new-key-123"]


def test_keys_and_fingerprints():
    assert valid_key("0f8fad5b-d9cb-469f-a165-70867728950e")
    assert not valid_key("short") and not valid_key("has space in it") and not valid_key(None)
    assert not valid_key("é" * 10) and not valid_key("x" * 101)
    assert fingerprint("post", "/a/", {"x": 1}) == fingerprint("POST", "/a/", {"x": 1})
    assert fingerprint("post", "/a/", {"x": 1}) != fingerprint("post", "/b/", {"x": 1})


def test_each_rendered_form_gets_a_fresh_token():
    first, second = (hidden_value(submission_token(), "submission_token") for _ in range(2))
    assert first != second and valid_key(first)


@pytest.mark.django_db
def test_lock_for_change_rereads_the_row_and_refuses_an_old_version(organisation):
    from touchstone.plans.models import Action
    from touchstone.plans.tests.factories import sample_plan

    action = sample_plan(organisation).actions.first()
    stale = Action.objects.get(pk=action.pk)
    Action.objects.filter(pk=action.pk).update(version=2, comment="changed meanwhile")
    with transaction.atomic():
        lock_for_change(stale)  # no version named: any will do, and the row is re-read
    assert (stale.version, stale.comment) == (2, "changed meanwhile")
    with pytest.raises(StaleVersion) as caught, transaction.atomic():
        lock_for_change(stale, expected_version=1)
    assert caught.value.current.version == 2 and "version 1" in str(caught.value)
