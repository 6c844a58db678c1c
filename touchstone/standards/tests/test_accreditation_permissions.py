"""Each accreditation permission, tried by everyone who might break it: a provider's people by
role, another provider's administrator, the accrediting body's staff and a member of it who is
not staff, another body's officer, a regulator's officer, and nobody signed in. And races on
PostgreSQL: two applications at once open one accreditation; two sweeps at once end it once."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import timezone

from touchstone.core.models import Notification, OrganisationKind, Role
from touchstone.core.testing import (
    new_organisation,
    new_user,
    run_together,
    two_writers_can_overlap,
)
from touchstone.standards import services
from touchstone.standards.models import Accreditation
from touchstone.standards.rules import months_after
from touchstone.standards.selectors import accreditation_for, assessment_for
from touchstone.standards.tests.accreditation import (
    applied,
    open_assessment,
    scheme_world,
    submitted,
)

PERMS = (
    "standards.apply_accreditation",
    "standards.answer_assessment",
    "standards.view_accreditation",
    "standards.record_fee_payment",
)

# who: the permissions they hold on the provider's accreditation (apply: on the provider)
EXPECTED = {
    "provider admin": {"apply", "answer", "view"},
    "provider manager": {"apply", "answer", "view"},
    "provider administrator (admin role)": {"apply", "answer", "view"},
    "provider caseworker": {"view"},
    "provider public-role member": {"view"},
    "other provider's admin": set(),
    "body officer": {"view", "payment"},
    "body admin": {"view", "payment"},
    "body caseworker": set(),
    "other body's officer": set(),
    "regulator officer": set(),
    "nobody signed in": set(),
}


@pytest.fixture
def people(db):
    w = scheme_world()
    regulator = new_organisation("a-regulator", OrganisationKind.REGULATOR)
    return w, {
        "provider admin": w.admin,
        "provider manager": new_user("m", (w.provider, Role.MANAGER)),
        "provider administrator (admin role)": new_user("a", (w.provider, Role.ADMIN)),
        "provider caseworker": w.staff,
        "provider public-role member": new_user("p", (w.provider, Role.PUBLIC)),
        "other provider's admin": w.other_admin,
        "body officer": w.officer,
        "body admin": new_user("ba", (w.body, Role.ADMIN)),
        "body caseworker": new_user("bc", (w.body, Role.CASEWORKER)),
        "other body's officer": w.other_officer,
        "regulator officer": new_user("ro", (regulator, Role.OFFICER)),
        "nobody signed in": AnonymousUser(),
    }


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_each_permission_holds_for_exactly_those_it_names(people, who):
    w, users = people
    user = users[who]
    accreditation = applied(w)
    assessment = open_assessment(accreditation)
    held = set()
    if user.has_perm("standards.apply_accreditation", w.provider):
        held.add("apply")
    if user.has_perm("standards.answer_assessment", assessment):
        held.add("answer")
    if user.has_perm("standards.view_accreditation", accreditation):
        held.add("view")
    if user.has_perm("standards.record_fee_payment", assessment):
        held.add("payment")
    assert held == EXPECTED[who]
    visible = accreditation_for(user, accreditation.pk) is not None
    assert visible == ("view" in EXPECTED[who])
    assert (assessment_for(user, assessment.pk) is not None) == visible


def test_nothing_is_granted_on_an_organisation_that_is_not_a_provider(people):
    w, users = people
    assert not users["body officer"].has_perm("standards.apply_accreditation", w.body)
    assert not users["provider admin"].has_perm("standards.apply_accreditation", w.body)


def test_staff_of_a_body_who_also_work_at_another_provider_see_only_their_bodys(people):
    w, _ = people
    mine = applied(w)
    elsewhere = services.accreditation_apply(
        acting_user=w.other_admin,
        provider=w.other_provider,
        standards_body=w.other_body,
        corporate_member=False,
    )
    assert accreditation_for(w.officer, mine.pk) == mine
    assert accreditation_for(w.officer, elsewhere.pk) is None


@pytest.mark.django_db(transaction=True)
def test_two_applications_at_once_open_one_accreditation():
    if not two_writers_can_overlap():
        pytest.skip("the test database serialises writers: the refusal is tested in turn")
    from touchstone.standards.reference import load_reference_data

    load_reference_data()
    w = scheme_world("race-")
    results = run_together(*(lambda: applied(w, today=timezone.localdate()) for _ in range(2)))
    made = [r for r in results if isinstance(r, Accreditation)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(made) == 1 and len(refused) == 1, results
    assert "already has an open" in refused[0].messages[0]
    assert Accreditation.objects.filter(provider=w.provider).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_end_an_accreditation_once_and_tell_once():
    if not two_writers_can_overlap():
        pytest.skip("the test database serialises writers: the second run is tested in turn")
    from touchstone.standards.reference import load_reference_data

    load_reference_data()
    w = scheme_world("race-")
    submitted(w, today=months_after(timezone.localdate(), -8), s30="partial")
    results = run_together(services.accreditations_sweep, services.accreditations_sweep)
    assert sorted(r["terminated"] for r in results) == [0, 1], results
    assert Notification.objects.filter(key__startswith="standards:accreditation:").count() == 2
