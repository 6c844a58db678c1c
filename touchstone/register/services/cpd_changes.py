"""Correcting CPD: a member changes or removes an activity of their own until its year is
submitted; the regulator's officers may still correct a submitted year."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.core.dates import date_in_words
from touchstone.core.services import audit_record, lock_for_change, snapshot, version_bump
from touchstone.register.models import CpdActivity, CpdRecord
from touchstone.register.services.audit import AuditAction
from touchstone.register.services.cpd import (
    _record_for,
    _require_own_or_officer,
    check_activity,
)

ACTIVITY_FIELDS = ["done_on", "hours", "activity_type", "description", "reflection"]


def _refuse_if_submitted(acting_user, record: CpdRecord, field: str | None = None) -> None:
    """A member cannot change a year they have submitted (checked on the locked row)."""
    lock_for_change(record)
    own = acting_user is not None and acting_user.pk == record.registrant.user_id
    if record.submitted_on and own:
        on = date_in_words(record.submitted_on)
        message = f"The {record.year} record was submitted on {on}; it cannot change now."
        raise ValidationError({field: message} if field else message)


@transaction.atomic
def cpd_activity_update(
    *,
    acting_user,
    activity: CpdActivity,
    done_on: date,
    hours: Decimal,
    activity_type: str,
    description: str,
    reflection: str = "",
    expected_version: int | None = None,
) -> CpdActivity:
    """Change an activity. A new date in another year moves it to that year's record, which
    must not be submitted either."""
    record = activity.record
    _require_own_or_officer(acting_user, record.registrant)
    lock_for_change(activity, expected_version=expected_version)
    _refuse_if_submitted(acting_user, record, "done_on")
    check_activity(done_on=done_on, hours=hours)
    if done_on.year != record.year:
        record = _record_for(acting_user, record.registrant, done_on.year)
        _refuse_if_submitted(acting_user, record, "done_on")
    before = snapshot(activity, ACTIVITY_FIELDS)
    moved = activity.record_id != record.pk
    activity.record = record
    activity.done_on, activity.hours = done_on, hours
    activity.activity_type, activity.description = activity_type.strip(), description
    activity.reflection = reflection
    after = snapshot(activity, ACTIVITY_FIELDS)
    if after == before and not moved:
        return activity
    version_bump(activity)
    activity.full_clean()
    activity.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.CHANGE_CPD_ACTIVITY,
        obj=record,
        before=before,
        after={**after, "activity": activity.pk},
    )
    return activity


@transaction.atomic
def cpd_activity_remove(
    *, acting_user, activity: CpdActivity, expected_version: int | None = None
) -> None:
    """Remove an activity from its year's record (audited on the record, with what it was)."""
    record = activity.record
    _require_own_or_officer(acting_user, record.registrant)
    lock_for_change(activity, expected_version=expected_version)
    _refuse_if_submitted(acting_user, record)
    before = {**snapshot(activity, ACTIVITY_FIELDS), "activity": activity.pk}
    activity.delete()
    audit_record(
        actor=acting_user, action=AuditAction.REMOVE_CPD_ACTIVITY, obj=record, before=before
    )
