"""CPD writes: members keep their own yearly record; officers draw the annual monitoring
sample (from a logged seed) and schedule the reminders sent before the year ends."""

import secrets
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from touchstone.core.models import Organisation
from touchstone.core.permissions import require_perm
from touchstone.core.services import (
    audit_record,
    deadline_close,
    deadline_set,
    lock_for_change,
    snapshot,
)
from touchstone.register import rules
from touchstone.register.models import CpdActivity, CpdRecord, CpdSample, Kind, Registrant
from touchstone.register.selectors.cpd import cpd_years
from touchstone.register.services.audit import AuditAction

REMINDER_KIND = "register.cpd"


def _require_own_or_officer(acting_user, registrant: Registrant) -> None:
    """A member keeps their own record; an officer may keep anyone's; system callers may."""
    if acting_user is not None and acting_user.pk != registrant.user_id:
        require_perm(acting_user, "register.change_registrant", registrant)


def _record_for(acting_user, registrant: Registrant, year: int) -> CpdRecord:
    """The registrant's record of the year, created (and audited) the first time it is needed."""
    record, created = CpdRecord.objects.get_or_create(registrant=registrant, year=year)
    if created:
        audit_record(actor=acting_user, action=AuditAction.CREATE, obj=record, after={"year": year})
    return record


def check_activity(*, done_on: date, hours: Decimal) -> None:
    """What an activity's date and hours must be, added or changed."""
    if hours is None or hours <= 0:
        raise ValidationError({"hours": "Enter the hours spent, more than 0"})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": "The date cannot be in the future"})
    if (problem := rules.cpd_year_problem(done_on.year, cpd_years())) is not None:
        raise ValidationError({"done_on": f"{problem}"})


@transaction.atomic
def cpd_activity_add(
    *,
    acting_user,
    registrant: Registrant,
    done_on: date,
    hours: Decimal,
    activity_type: str,
    description: str,
    reflection: str = "",
) -> CpdActivity:
    """A member records their own CPD (or an officer does it for them). Once a member has
    submitted a year, only the regulator can change it."""
    _require_own_or_officer(acting_user, registrant)
    if registrant.kind != Kind.INDIVIDUAL:
        raise ValidationError("Only individuals keep a CPD record.")
    check_activity(done_on=done_on, hours=hours)
    record = _record_for(acting_user, registrant, done_on.year)
    lock_for_change(record)  # "submitted" is checked against the row as it is now
    own = acting_user is not None and acting_user.pk == registrant.user_id
    if record.submitted_on and own:  # the regulator may still correct a submitted year
        raise ValidationError(
            {
                "done_on": f"The {done_on.year} record was submitted on "
                f"{record.submitted_on.day} {record.submitted_on:%B %Y}; it cannot change now."
            }
        )
    activity = CpdActivity(
        record=record,
        done_on=done_on,
        hours=hours,
        activity_type=activity_type.strip(),
        description=description,
        reflection=reflection,
    )
    activity.full_clean()
    activity.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.ADD_CPD_ACTIVITY,
        obj=record,
        after=snapshot(activity, ["done_on", "hours", "activity_type"]),
    )
    return activity


@transaction.atomic
def cpd_submit(*, acting_user, registrant: Registrant, year: int) -> CpdRecord:
    """Declare a year's record complete; it closes that year's reminder."""
    _require_own_or_officer(acting_user, registrant)
    if year > timezone.localdate().year:
        raise ValidationError("You cannot submit a record for a year that has not started.")
    if (problem := rules.cpd_year_problem(year, cpd_years())) is not None:
        raise ValidationError(f"{problem}.")
    record = _record_for(acting_user, registrant, year)
    lock_for_change(record)  # "already submitted" is checked against the row as it is now
    own = acting_user is not None and acting_user.pk == registrant.user_id
    if record.submitted_on and own:  # the regulator may still correct a submitted year
        raise ValidationError(f"The {year} record was already submitted.")
    record.submitted_on = timezone.localdate()
    record.save(update_fields=["submitted_on"])
    deadline_close(acting_user=acting_user, subject=record, kind=REMINDER_KIND)
    audit_record(actor=acting_user, action=AuditAction.SUBMIT_CPD, obj=record, after={"year": year})
    return record


def _monitoring_population(regulator: Organisation, year: int) -> list[str]:
    """Individuals authorised to practise and admitted by the end of the year."""
    return list(
        Registrant.objects.filter(
            Q(admitted_on__isnull=True) | Q(admitted_on__lte=date(year, 12, 31)),
            regulator=regulator,
            kind=Kind.INDIVIDUAL,
            status__authorised=True,
        ).values_list("number", flat=True)
    )


@transaction.atomic
def cpd_sample_draw(
    *, acting_user, regulator: Organisation, year: int, size: int, seed: int | None = None
) -> CpdSample:
    """Draw the year's monitoring sample. The seed is stored and audited: drawing again with
    the same seed over the same register gives the same sample."""
    require_perm(acting_user, "register.change_registrant", regulator)
    if (problem := rules.cpd_year_problem(year, cpd_years())) is not None:
        raise ValidationError({"year": f"{problem}"})
    if size < 1:
        raise ValidationError({"size": "The sample needs at least one member"})
    population = _monitoring_population(regulator, year)
    if (problem := rules.sample_size_problem(size, len(population))) is not None:
        raise ValidationError({"size": f"{problem}"})
    seed = secrets.randbelow(2**31) if seed is None else seed
    sample = CpdSample(
        regulator=regulator,
        year=year,
        seed=seed,
        size=size,
        population=len(population),
        numbers=rules.monitoring_sample(population, size=size, seed=seed),
        drawn_by=acting_user,
    )
    sample.full_clean()
    sample.save()
    audit_record(
        actor=acting_user,
        action=AuditAction.DRAW_CPD_SAMPLE,
        obj=sample,
        after={"year": year, "seed": seed, "size": size, "population": len(population)},
    )
    return sample


@transaction.atomic
def cpd_reminders_schedule(
    *, acting_user, regulator: Organisation, year: int, warn_days: int = 30
) -> int:
    """Put a year-end deadline on every unsubmitted record of a member who can sign in; the
    core deadline sweep warns them `warn_days` before 31 December and again if it is missed."""
    require_perm(acting_user, "register.change_registrant", regulator)
    members = (
        Registrant.objects.filter(
            regulator=regulator,
            kind=Kind.INDIVIDUAL,
            status__authorised=True,
            user__isnull=False,
        )
        .exclude(
            pk__in=CpdRecord.objects.filter(year=year, submitted_on__isnull=False).values(
                "registrant_id"
            )
        )
        .select_related("user")
    )
    url = reverse("register:my-cpd")
    count = 0
    for member in members.iterator(chunk_size=500):
        record = _record_for(acting_user, member, year)
        deadline_set(
            acting_user=acting_user,
            subject=record,
            organisation=regulator,
            kind=REMINDER_KIND,
            label=f"Submit your CPD record for {year}",
            due_on=rules.cpd_year_end(year),
            responsible=[member.user],
            url=url,
            warn_days=warn_days,
        )
        count += 1
    return count
