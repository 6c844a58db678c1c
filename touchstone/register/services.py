"""Every write to the register: keyword-only, acting user, atomic, audited.

`acting_user=None` is a trusted system caller (an import command, demo data, another module's
service); web and API paths pass the signed-in user, whose permission is checked here.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Organisation
from touchstone.core.permissions import require_perm
from touchstone.core.services import audit_record, snapshot
from touchstone.register import rules
from touchstone.register.models import (
    CpdActivity,
    CpdRecord,
    Finding,
    NameToken,
    PracticeRight,
    Registrant,
    RightType,
    Status,
    StatusChange,
)

REGISTRANT_FIELDS = [
    "number",
    "kind",
    "title",
    "given_names",
    "family_name",
    "entity_name",
    "category_id",
    "status_id",
    "admitted_on",
    "entity_id",
    "town",
    "postcode",
    "email",
    "phone",
    "date_of_birth",
    "home_address",
]


def index_names(registrants: list[Registrant]) -> None:
    """(Re)build the search keys of these registrants in bulk."""
    NameToken.objects.filter(registrant__in=registrants).delete()
    tokens = []
    for registrant in registrants:
        keys: set[str] = set()
        for word in rules.name_words(registrant.name):
            keys |= rules.deletion_keys(word)
        tokens.extend(NameToken(registrant=registrant, key=key) for key in keys)
    NameToken.objects.bulk_create(tokens, batch_size=2000)


def _prepare(registrant: Registrant) -> None:
    registrant.number = registrant.number.strip().upper()
    registrant.search_name = rules.search_name(registrant.name)
    registrant.search_postcode = rules.normalise_postcode(registrant.postcode)


@transaction.atomic
def registrant_create(
    *, acting_user, regulator: Organisation, status: Status, **fields
) -> Registrant:
    require_perm(acting_user, "register.change_registrant", regulator)
    registrant = Registrant(regulator=regulator, status=status, **fields)
    registrant.status_since = registrant.status_since or registrant.admitted_on
    _prepare(registrant)
    registrant.full_clean()
    registrant.save()
    index_names([registrant])
    audit_record(
        actor=acting_user,
        action="create",
        obj=registrant,
        after=snapshot(registrant, REGISTRANT_FIELDS),
    )
    return registrant


@transaction.atomic
def registrant_status_change(
    *, acting_user, registrant: Registrant, status: Status, effective_on: date, reason: str = ""
) -> StatusChange:
    """Change the status from a date, keeping the dated history."""
    require_perm(acting_user, "register.change_registrant", registrant)
    if status == registrant.status:
        raise ValidationError({"status": f"The registrant is already {status.name.lower()}."})
    before = {"status": registrant.status.code, "status_since": registrant.status_since}
    change = StatusChange.objects.create(
        registrant=registrant,
        status=status,
        effective_on=effective_on,
        reason=reason,
        recorded_by=acting_user,
    )
    registrant.status, registrant.status_since = status, effective_on
    registrant.save(update_fields=["status", "status_since", "updated_at"])
    audit_record(
        actor=acting_user,
        action="change_status",
        obj=registrant,
        before=before,
        after={"status": status.code, "status_since": effective_on, "reason": reason},
    )
    return change


@transaction.atomic
def right_grant(
    *,
    acting_user,
    registrant: Registrant,
    code: str,
    granted_on: date,
    scope: str = "",
    conditions: str = "",
) -> PracticeRight:
    """Grant a practice right (the practice-rights module calls this on approval)."""
    require_perm(acting_user, "register.change_registrant", registrant)
    right_type = RightType.objects.filter(code=code).first()
    if right_type is None:
        raise ValidationError({"code": f'unknown right "{code}"'})
    if registrant.rights.filter(right_type=right_type, ended_on__isnull=True).exists():
        raise ValidationError({"code": f"{registrant.number} already holds {right_type.name}."})
    right = PracticeRight(
        registrant=registrant,
        right_type=right_type,
        granted_on=granted_on,
        scope=scope or right_type.scope,
        conditions=conditions,
    )
    right.full_clean()
    right.save()
    audit_record(
        actor=acting_user,
        action="grant_right",
        obj=registrant,
        after={"right": code, "granted_on": granted_on, "conditions": conditions},
    )
    return right


@transaction.atomic
def right_end(*, acting_user, right: PracticeRight, ended_on: date) -> PracticeRight:
    require_perm(acting_user, "register.change_registrant", right.registrant)
    right.ended_on = ended_on
    right.save(update_fields=["ended_on"])
    audit_record(
        actor=acting_user,
        action="end_right",
        obj=right.registrant,
        after={"right": right.right_type.code, "ended_on": ended_on},
    )
    return right


@transaction.atomic
def finding_record(
    *,
    acting_user,
    registrant: Registrant,
    decided_on: date,
    body: str,
    summary: str,
    sanction: str,
    publish: bool,
    publish_from: date | None = None,
    publish_until: date | None = None,
) -> Finding:
    """Record a fitness-to-practise finding (the conduct module will call this)."""
    require_perm(acting_user, "register.change_finding", registrant)
    finding = Finding(
        registrant=registrant,
        decided_on=decided_on,
        body=body,
        summary=summary,
        sanction=sanction,
        publish=publish,
        publish_from=publish_from or (decided_on if publish else None),
        publish_until=publish_until,
    )
    finding.full_clean()
    if (
        finding.publish_until
        and finding.publish_from
        and finding.publish_until < finding.publish_from
    ):
        raise ValidationError({"publish_until": "Publication cannot end before it starts."})
    finding.save()
    audit_record(
        actor=acting_user,
        action="record_finding",
        obj=registrant,
        after=snapshot(
            finding, ["decided_on", "body", "sanction", "publish", "publish_from", "publish_until"]
        ),
    )
    return finding


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
    """A member records their own CPD (or an officer does it for them)."""
    if acting_user is not None and acting_user != registrant.user:
        require_perm(acting_user, "register.change_registrant", registrant)
    if hours <= 0:
        raise ValidationError({"hours": "Enter the hours spent, more than 0."})
    record, _ = CpdRecord.objects.get_or_create(registrant=registrant, year=done_on.year)
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
        action="add_cpd_activity",
        obj=record,
        after=snapshot(activity, ["done_on", "hours", "activity_type"]),
    )
    return activity


@transaction.atomic
def cpd_submit(*, acting_user, registrant: Registrant, year: int) -> CpdRecord:
    if acting_user is not None and acting_user != registrant.user:
        require_perm(acting_user, "register.change_registrant", registrant)
    record, _ = CpdRecord.objects.get_or_create(registrant=registrant, year=year)
    record.submitted_on = timezone.localdate()
    record.save(update_fields=["submitted_on"])
    audit_record(actor=acting_user, action="submit_cpd", obj=record, after={"year": year})
    return record


def reference(model, value: str, what: str):
    """A category or status by code or name (case-insensitive), for imports and forms."""
    text = (value or "").strip()
    found = model.objects.filter(code=text.lower().replace(" ", "_")).first() or (
        model.objects.filter(name__iexact=text).first()
    )
    if found is None:
        names = ", ".join(model.objects.values_list("name", flat=True))
        raise ValidationError(f'unknown {what} "{text}": use one of {names}')
    return found
