"""Writes to the register proper: registrants, status, rights, offices and findings.

`acting_user=None` is a trusted system caller (an import command, demo data, another module's
service); web and API paths pass the signed-in user, whose permission is checked here.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from touchstone.core.imports import batched
from touchstone.core.lookups import ReferenceIndex
from touchstone.core.models import Organisation, User
from touchstone.core.permissions import require_perm
from touchstone.core.services import (
    audit_record,
    audit_record_many,
    insert_many,
    lock_for_change,
    snapshot,
    version_bump,
)
from touchstone.register import rules
from touchstone.register.models import (
    EntityOffice,
    Kind,
    NameWord,
    NameWordKey,
    PracticeRight,
    Registrant,
    RegistrantWord,
    RightType,
    Status,
    StatusChange,
)
from touchstone.register.models.search import sort_key
from touchstone.register.selectors import forget_counts
from touchstone.register.services.audit import AuditAction

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
EDITABLE_FIELDS = {
    "title",
    "given_names",
    "family_name",
    "entity_name",
    "trading_names",
    "authorised_activities",
    "category",
    "admitted_on",
    "entity",
    "town",
    "postcode",
    "email",
    "phone",
    "date_of_birth",
    "home_address",
}


def index_names(registrants: list[Registrant]) -> None:
    """(Re)build the name-search entries of these registrants in bulk: new words join the
    vocabulary with their deletion keys, and each registrant points at their name's words."""
    words_of = {r.pk: set(rules.name_words(_indexed_text(r))) for r in registrants}
    vocabulary = _vocabulary(set().union(*words_of.values()))
    RegistrantWord.objects.filter(registrant__in=registrants).delete()
    insert_many(
        [
            RegistrantWord(
                registrant_id=r.pk,
                word_id=vocabulary[word],
                sort_key=sort_key(r.search_name, r.number),
            )
            for r in registrants
            for word in words_of[r.pk]
        ]
    )


def _indexed_text(registrant: Registrant) -> str:
    """What name search looks through: the name, and an entity's trading names."""
    return f"{registrant.name} {registrant.trading_names}"


def _vocabulary(words: set[str]) -> dict[str, int]:
    """The vocabulary ids of these words, adding the new ones with their deletion keys."""
    known = _word_ids(words)
    new = sorted(words - set(known))
    if new:
        NameWord.objects.bulk_create([NameWord(word=w) for w in new], ignore_conflicts=True)
        added = _word_ids(new)
        NameWordKey.objects.bulk_create(
            [
                NameWordKey(key=key, word_id=added[word])
                for word in new
                for key in sorted(rules.deletion_keys(word))
            ],
            batch_size=5000,
            ignore_conflicts=True,
        )
        known |= added
    return known


def _word_ids(words) -> dict[str, int]:
    """Vocabulary ids, asked for a few hundred words at a time (a bulk import's batch can
    name more words than a database takes parameters in one query)."""
    ids: dict[str, int] = {}
    for chunk in batched(sorted(words), 500):
        ids.update(NameWord.objects.filter(word__in=chunk).values_list("word", "id"))
    return ids


def _prepare(registrant: Registrant) -> None:
    registrant.number = registrant.number.strip().upper()
    prepare_search_fields(registrant)


def prepare_search_fields(registrant: Registrant) -> None:
    """The columns search and register order read: name order, folded public postcode, town."""
    registrant.search_name = rules.order_name(
        kind=registrant.kind,
        given_names=registrant.given_names,
        family_name=registrant.family_name,
        entity_name=registrant.entity_name,
    )
    registrant.search_postcode = rules.searchable_postcode(
        kind=registrant.kind, postcode=registrant.postcode
    )
    registrant.search_town = rules.normalise_town(registrant.town)


@transaction.atomic
def registrant_create(
    *, acting_user, regulator: Organisation, status: Status, **fields
) -> Registrant:
    require_perm(acting_user, "register.change_registrant", regulator)
    forget_counts()  # search totals follow the register, on every process, at commit
    registrant = registrant_build(regulator=regulator, status=status, **fields)
    registrant.full_clean()  # again, with the uniqueness and reference checks
    registrant.save()
    index_names([registrant])
    audit_record(
        actor=acting_user,
        action=AuditAction.CREATE,
        obj=registrant,
        after=snapshot(registrant, REGISTRANT_FIELDS),
    )
    return registrant


# Checked by the caller of registrant_build (objects it passes in, numbers it checked in bulk).
_REFERENCES = ["regulator", "status", "category", "entity"]


def registrant_build(*, regulator: Organisation, status: Status, **fields) -> Registrant:
    """A new registrant as it would be saved, unsaved: search fields filled in and every field
    validated (raises ValidationError), without a query per row. `registrant_create` and
    `registrants_create_many` save what this builds; an import calls it to check a row."""
    registrant = Registrant(regulator=regulator, status=status, **fields)
    registrant.status_since = registrant.status_since or registrant.admitted_on
    _prepare(registrant)
    registrant.full_clean(exclude=_REFERENCES, validate_unique=False, validate_constraints=False)
    return registrant


@dataclass(frozen=True)
class NewRegistrant:
    """One registrant for `registrants_create_many`: the fields `registrant_create` takes (the
    entity, if any, already saved) and the rights to grant from `granted_on`."""

    status: Status
    fields: dict[str, Any]
    rights: tuple[RightType, ...] = ()
    granted_on: date | None = None


@transaction.atomic
def registrants_create_many(
    *, acting_user, regulator: Organisation, registrants: list[NewRegistrant]
) -> list[Registrant]:
    """Add many registrants (an import's batch) with a few queries rather than a few per row:
    the same checks, name index and audit events ("create", then "grant_right" for each right)
    as `registrant_create` and `right_grant` one at a time. The caller has checked that the
    numbers are new (the database refuses a repeat)."""
    require_perm(acting_user, "register.change_registrant", regulator)
    forget_counts()  # search totals follow the register, on every process, at commit
    built = [  # each checked as registrant_create checks it, its entity included
        registrant_build(regulator=regulator, status=new.status, **new.fields)
        for new in registrants
    ]
    insert_many(built, ids_by="number")  # numbers are unique: the ids are read back by them
    index_names(built)
    today = date.today()
    rights = [
        PracticeRight(
            registrant=registrant,
            right_type=right_type,
            granted_on=new.granted_on or registrant.admitted_on or today,
            scope=right_type.scope,
        )
        for registrant, new in zip(built, registrants, strict=True)
        for right_type in new.rights
    ]
    for right in rights:
        right.full_clean(exclude=["registrant", "right_type"])
    insert_many(rights)
    audit_record_many(
        actor=acting_user,
        action=AuditAction.CREATE,
        entries=((r, snapshot(r, REGISTRANT_FIELDS)) for r in built),
    )
    audit_record_many(
        actor=acting_user,
        action=AuditAction.GRANT_RIGHT,
        entries=(
            (
                right.registrant,
                {"right": right.right_type.code, "granted_on": right.granted_on, "conditions": ""},
            )
            for right in rights
        ),
    )
    return built


@transaction.atomic
def registrant_update(
    *, acting_user, registrant: Registrant, expected_version: int | None = None, **changes
) -> Registrant:
    """Change a registrant's details (not number, kind or status: status has its own dated
    service). Only the fields named change; the name search keys follow the name.

    `expected_version` is the version the change was made from (the edit form's, the API's
    If-Match): if the registrant has changed since, nothing is written (`StaleVersion`). An
    entity that is not an entity of the registrant's regulator is refused (`Registrant.clean`)."""
    require_perm(acting_user, "register.change_registrant", registrant)
    forget_counts()  # search totals follow the register, on every process, at commit
    unknown = sorted(set(changes) - EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"these cannot be changed here: {', '.join(unknown)}")
    lock_for_change(registrant, expected_version=expected_version)
    before = snapshot(registrant, REGISTRANT_FIELDS + ["trading_names", "authorised_activities"])
    old_text = _indexed_text(registrant)
    for field, value in changes.items():
        setattr(registrant, field, value)
    _prepare(registrant)
    after = snapshot(registrant, REGISTRANT_FIELDS + ["trading_names", "authorised_activities"])
    changed = {k for k in after if after[k] != before[k]}
    if changed:
        version_bump(registrant)
    registrant.full_clean()
    registrant.save()
    if _indexed_text(registrant) != old_text:
        index_names([registrant])
    if changed:
        audit_record(
            actor=acting_user,
            action=AuditAction.UPDATE,
            obj=registrant,
            before={k: before[k] for k in sorted(changed)},
            after={k: after[k] for k in sorted(changed)},
        )
    return registrant


@transaction.atomic
def entity_offices_set(
    *, acting_user, entity: Registrant, offices: list[tuple[str, str]]
) -> list[EntityOffice]:
    """Replace an entity's offices with (town, postcode) pairs; the first is the head office."""
    require_perm(acting_user, "register.change_registrant", entity)
    lock_for_change(entity)  # one writer at a time on this entity
    if entity.kind != Kind.ENTITY:
        raise ValidationError("Only an entity has offices.")
    before = [str(o) for o in entity.offices.all()]
    made = []
    for position, (town, postcode) in enumerate(offices):
        office = EntityOffice(
            entity=entity, town=town.strip(), postcode=postcode.strip(), head_office=position == 0
        )
        office.full_clean()
        made.append(office)
    entity.offices.all().delete()
    EntityOffice.objects.bulk_create(made)
    audit_record(
        actor=acting_user,
        action=AuditAction.SET_OFFICES,
        obj=entity,
        before={"offices": before},
        after={"offices": [str(o) for o in made]},
    )
    return made


@transaction.atomic
def registrant_status_change(
    *, acting_user, registrant: Registrant, status: Status, effective_on: date, reason: str = ""
) -> StatusChange:
    """Change the status from a date, keeping the dated history. The current status is
    checked under a row lock, so two officers suspending at once suspend once."""
    require_perm(acting_user, "register.change_registrant", registrant)
    forget_counts()  # search totals follow the register, on every process, at commit
    lock_for_change(registrant)
    if status.pk == registrant.status_id:
        raise ValidationError({"status": f"The registrant is already {status.name.lower()}"})
    before = {"status": registrant.status.code, "status_since": registrant.status_since}
    change = StatusChange.objects.create(
        registrant=registrant,
        status=status,
        effective_on=effective_on,
        reason=reason,
        recorded_by=acting_user,
    )
    registrant.status, registrant.status_since = status, effective_on
    version_bump(registrant)
    registrant.save(update_fields=["status", "status_since", "version", "updated_at"])
    audit_record(
        actor=acting_user,
        action=AuditAction.CHANGE_STATUS,
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
    """Grant a practice right (the practice-rights module calls this on approval). The
    rights held are checked under a lock on the registrant, so a right is granted once."""
    require_perm(acting_user, "register.change_registrant", registrant)
    forget_counts()  # search totals follow the register, on every process, at commit
    lock_for_change(registrant)
    right_type = RightType.objects.filter(code=code).first()
    if right_type is None:
        raise ValidationError({"code": f'unknown right "{code}"'})
    if registrant.rights.filter(right_type=right_type, ended_on__isnull=True).exists():
        raise ValidationError({"code": f"{registrant.number} already holds {right_type.name}"})
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
        action=AuditAction.GRANT_RIGHT,
        obj=registrant,
        after={"right": code, "granted_on": granted_on, "conditions": conditions},
    )
    return right


@transaction.atomic
def right_end(*, acting_user, right: PracticeRight, ended_on: date) -> PracticeRight:
    require_perm(acting_user, "register.change_registrant", right.registrant)
    forget_counts()  # search totals follow the register, on every process, at commit
    lock_for_change(right)  # "already ended" is checked against the row as it is now
    if right.ended_on is not None:
        ended = f"{right.ended_on.day} {right.ended_on:%B %Y}"
        raise ValidationError({"ended_on": f"This right already ended on {ended}"})
    if ended_on < right.granted_on:
        granted = f"{right.granted_on.day} {right.granted_on:%B %Y}"
        raise ValidationError(
            {"ended_on": f"A right cannot end before it was granted ({granted})."}
        )
    right.ended_on = ended_on
    right.save(update_fields=["ended_on"])
    audit_record(
        actor=acting_user,
        action=AuditAction.END_RIGHT,
        obj=right.registrant,
        after={"right": right.right_type.code, "ended_on": ended_on},
    )
    return right


@transaction.atomic
def registrant_user_link(*, acting_user, registrant: Registrant, user: User) -> Registrant:
    """Let `user` sign in as this individual (their own CPD record and details). A user signs
    in as one registrant at most. Not a change of the registrant's details: the version stays,
    so an edit open elsewhere is not made stale."""
    require_perm(acting_user, "register.change_registrant", registrant)
    lock_for_change(registrant)
    if registrant.kind != Kind.INDIVIDUAL:
        raise ValidationError({"user": "Only an individual can sign in as a registrant"})
    if registrant.user_id == user.pk:
        return registrant
    other = Registrant.objects.filter(user=user).exclude(pk=registrant.pk).first()
    if other is not None:
        raise ValidationError({"user": f"{user.get_username()} already signs in as {other}"})
    before = snapshot(registrant, ["user_id"])
    registrant.user = user
    registrant.save(update_fields=["user", "updated_at"])
    audit_record(
        actor=acting_user,
        action=AuditAction.LINK_USER,
        obj=registrant,
        before=before,
        after=snapshot(registrant, ["user_id"]),
    )
    return registrant


def reference(model, value: str, what: str):
    """A category or status by code or name (case-insensitive), for imports and forms."""
    index = ReferenceIndex(model.objects.all())
    found = index.get(value)
    if found is None:
        text = (value or "").strip()
        raise ValidationError(f'unknown {what} "{text}": use one of {", ".join(index.names())}')
    return found
