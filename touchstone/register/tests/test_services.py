from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from touchstone.core.models import AuditEvent, Role
from touchstone.register.models import NO_SUCH_ENTITY, CpdRecord, Registrant, Status
from touchstone.register.rules import CpdActivityData, cpd_status
from touchstone.register.services import (
    AuditAction,
    NewRegistrant,
    cpd_activity_add,
    cpd_submit,
    registrant_create,
    registrant_status_change,
    registrant_update,
    registrant_user_link,
    registrants_create_many,
    right_end,
    right_grant,
)
from touchstone.register.tests.fixtures import foreign_firm


@pytest.mark.django_db
def test_status_change_is_dated_audited_and_kept(register, officer):
    john = register["john"]
    registrant_status_change(
        acting_user=officer,
        registrant=john,
        status=Status.objects.get(code="lapsed"),
        effective_on=date(2026, 1, 1),
        reason="Did not renew",
    )
    john.refresh_from_db()
    assert (john.status.code, john.status_since) == ("lapsed", date(2026, 1, 1))
    assert john.status_changes.get().reason == "Did not renew"
    event = AuditEvent.objects.get(action=AuditAction.CHANGE_STATUS, object_id=str(john.pk))
    assert (event.before["status"], event.after["status"]) == ("active", "lapsed")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.BOARD_MEMBER, Role.PUBLIC])
def test_only_officers_change_the_register(register, make_user, organisation, role):
    user = make_user("someone", (organisation, role))
    john = register["john"]
    with pytest.raises(PermissionDenied):
        right_grant(acting_user=user, registrant=john, code="probate", granted_on=date(2026, 1, 1))
    with pytest.raises(PermissionDenied):
        registrant_status_change(
            acting_user=user,
            registrant=john,
            status=Status.objects.get(code="struck_off"),
            effective_on=date(2026, 1, 1),
        )
    assert john.rights.count() == 1


@pytest.mark.django_db
def test_officers_of_another_regulator_cannot_change_it(register, outsider):
    with pytest.raises(PermissionDenied):
        right_grant(
            acting_user=outsider,
            registrant=register["john"],
            code="probate",
            granted_on=date(2026, 1, 1),
        )


@pytest.mark.django_db
def test_right_grant_refuses_unknown_and_duplicate_rights(register, officer):
    with pytest.raises(ValidationError):
        right_grant(
            acting_user=officer,
            registrant=register["john"],
            code="flying",
            granted_on=date(2026, 1, 1),
        )
    with pytest.raises(ValidationError):
        right_grant(
            acting_user=officer,
            registrant=register["john"],
            code="immigration",
            granted_on=date(2026, 1, 1),
        )


@pytest.mark.django_db
def test_right_end_refuses_a_date_before_the_grant_and_a_second_end(register, officer):
    right = register["john"].rights.get()  # granted 1 January 2016
    with pytest.raises(ValidationError, match="before it was granted"):
        right_end(acting_user=officer, right=right, ended_on=date(2015, 12, 31))
    right.refresh_from_db()
    assert right.ended_on is None
    right_end(acting_user=officer, right=right, ended_on=date(2016, 1, 1))  # the same day is fine
    with pytest.raises(ValidationError, match="already ended on 1 January 2016"):
        right_end(acting_user=officer, right=right, ended_on=date(2026, 1, 1))
    right.refresh_from_db()
    assert right.ended_on == date(2016, 1, 1)
    assert AuditEvent.objects.filter(action=AuditAction.END_RIGHT).count() == 1


@pytest.mark.django_db
def test_members_keep_their_own_cpd_and_the_year_status_follows(register, make_user):
    john = register["john"]
    member = make_user("john")
    john.user = member
    john.save()
    for hours in ("6", "4.5"):
        cpd_activity_add(
            acting_user=member,
            registrant=john,
            done_on=date(2025, 3, 1),
            hours=Decimal(hours),
            activity_type="course",
            description="Course",
        )

    def status() -> str:
        record = CpdRecord.objects.get(registrant=john, year=2025)
        activities = [CpdActivityData(a.hours, a.activity_type) for a in record.activities.all()]
        return cpd_status(
            submitted=record.submitted_on is not None,
            activities=activities,
            minimum_hours=Decimal(12),
        )

    assert status() == "not_submitted"
    cpd_submit(acting_user=member, registrant=john, year=2025)
    assert status() == "shortfall"
    late = {
        "registrant": john,
        "done_on": date(2025, 9, 1),
        "hours": Decimal("1.5"),
        "activity_type": "reading",
        "description": "Journal",
    }
    with pytest.raises(ValidationError, match="submitted on"):
        cpd_activity_add(acting_user=member, **late)  # a submitted year is closed to its member
    assert status() == "shortfall"
    cpd_activity_add(acting_user=None, **late)  # the regulator may still correct it
    assert status() == "compliant"
    stranger = make_user("stranger")
    with pytest.raises(PermissionDenied):
        cpd_activity_add(
            acting_user=stranger,
            registrant=john,
            done_on=date(2025, 3, 1),
            hours=Decimal(1),
            activity_type="course",
            description="x",
        )


def _entity_refused(call) -> None:
    """The call is refused on "entity" with the register's message, and writes nothing."""
    before = (AuditEvent.objects.count(), list(Registrant.objects.order_by("pk").values()))
    with pytest.raises(ValidationError) as refused:
        call()
    assert refused.value.message_dict == {"entity": [NO_SUCH_ENTITY]}
    assert (AuditEvent.objects.count(), list(Registrant.objects.order_by("pk").values())) == before


@pytest.mark.django_db
def test_update_refuses_an_entity_of_another_regulator(register, officer, other_organisation):
    foreign = foreign_firm(other_organisation)
    john = register["john"]
    _entity_refused(lambda: registrant_update(acting_user=officer, registrant=john, entity=foreign))
    john.refresh_from_db()
    assert john.entity == register["firm"]


@pytest.mark.django_db
def test_update_refuses_an_individual_as_entity(register, officer):
    john = register["john"]
    _entity_refused(
        lambda: registrant_update(acting_user=officer, registrant=john, entity=register["zoe"])
    )
    with pytest.raises(ValidationError, match="their own entity"):
        registrant_update(acting_user=officer, registrant=register["firm"], entity=register["firm"])


@pytest.mark.django_db
def test_create_and_bulk_create_refuse_an_entity_of_another_regulator(
    register, organisation, other_organisation
):
    foreign = foreign_firm(other_organisation)
    active = Status.objects.get(code="active")
    fields = {"number": "100009", "kind": "individual", "family_name": "Jones", "entity": foreign}
    _entity_refused(
        lambda: registrant_create(acting_user=None, regulator=organisation, status=active, **fields)
    )
    _entity_refused(
        lambda: registrants_create_many(
            acting_user=None,
            regulator=organisation,
            registrants=[NewRegistrant(status=active, fields=fields)],
        )
    )


@pytest.mark.django_db
def test_linking_a_sign_in_is_checked_and_audited(register, officer, make_user):
    john, user = register["john"], make_user("john")
    version = john.version
    registrant_user_link(acting_user=officer, registrant=john, user=user)
    registrant_user_link(acting_user=officer, registrant=john, user=user)  # already linked
    john.refresh_from_db()
    assert (john.user, john.version) == (user, version)  # not a change of the details
    event = AuditEvent.objects.get(action=AuditAction.LINK_USER)
    assert (event.actor, event.object_id) == (officer, str(john.pk))
    assert (event.before, event.after) == ({"user_id": None}, {"user_id": user.pk})
    with pytest.raises(ValidationError, match="already signs in as Mr John Smith"):
        registrant_user_link(acting_user=officer, registrant=register["zoe"], user=user)
    with pytest.raises(ValidationError, match="Only an individual"):
        registrant_user_link(acting_user=officer, registrant=register["firm"], user=make_user("f"))
    with pytest.raises(PermissionDenied):
        registrant_user_link(acting_user=user, registrant=register["zoe"], user=user)
    assert AuditEvent.objects.filter(action=AuditAction.LINK_USER).count() == 1
    assert Registrant.objects.filter(user__isnull=False).count() == 1
