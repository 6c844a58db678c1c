"""CPD: scheme as data, member pages, monitoring sample with a logged seed, reminders."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from touchstone.core.models import AuditEvent, Deadline, Notification
from touchstone.core.services import deadlines_sweep
from touchstone.core.testing import sent
from touchstone.register.models import CpdRecord, CpdSample, CpdScheme, Status
from touchstone.register.selectors import cpd_year, scheme_for_year
from touchstone.register.services import (
    AuditAction,
    cpd_activity_add,
    cpd_reminders_schedule,
    cpd_sample_draw,
    cpd_submit,
    registrant_create,
    registrant_user_link,
)


@pytest.fixture
def member(register, make_user):
    user = make_user("john")
    registrant_user_link(acting_user=None, registrant=register["john"], user=user)
    return user


@pytest.mark.django_db
def test_default_scheme_is_twelve_hours_and_schemes_apply_from_the_next_year(db):
    assert scheme_for_year(2024).minimum_hours == Decimal(12)
    CpdScheme.objects.create(
        effective_from=date(2025, 6, 1), minimum_hours=16, required_types=["Ethics"]
    )
    assert scheme_for_year(2025).minimum_hours == Decimal(12)
    assert (scheme_for_year(2026).minimum_hours, scheme_for_year(2026).required_types) == (
        Decimal(16),
        ("Ethics",),
    )


@pytest.mark.django_db
def test_member_fills_and_submits_their_own_record(register, member):
    client = Client()
    client.force_login(member)
    year = timezone.localdate().year
    today = timezone.localdate().isoformat()
    assert "Not submitted" in client.get("/register/my-cpd/").content.decode()
    response = client.post(
        "/register/my-cpd/add/",
        sent(done_on=today, hours="12", activity_type="Course or webinar", description="x"),
    )
    assert response.status_code == 302
    bad = client.post("/register/my-cpd/add/", sent(done_on="2999-01-01", hours="0"))
    assert "govuk-error-summary" in bad.content.decode()
    assert client.post(f"/register/my-cpd/{year}/submit/", sent()).status_code == 302
    assert cpd_year(register["john"], year).status == "compliant"
    assert "Compliant" in client.get("/register/my-cpd/").content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.SUBMIT_CPD, actor=member).count() == 1
    with pytest.raises(ValidationError):
        cpd_submit(acting_user=member, registrant=register["john"], year=year)


@pytest.mark.django_db
def test_a_short_year_is_flagged_before_it_is_submitted_and_closed_after(register, member):
    client = Client()
    client.force_login(member)
    year = timezone.localdate().year
    warning = f'data-testid="cpd-shortfall-warning-{year}"'
    activity = {"activity_type": "Course or webinar", "description": "x"}
    today = timezone.localdate().isoformat()
    client.post("/register/my-cpd/add/", sent(activity, done_on=today, hours="3"))
    page = client.get("/register/my-cpd/").content.decode()
    assert warning in page and "recorded as a shortfall: 3 of 12 hours" in page
    client.post("/register/my-cpd/add/", sent(activity, done_on=today, hours="9"))
    assert warning not in client.get("/register/my-cpd/").content.decode()
    assert client.post(f"/register/my-cpd/{year}/submit/", sent()).status_code == 302
    closed = client.post("/register/my-cpd/add/", sent(activity, done_on=today, hours="1"))
    assert "it cannot change now" in closed.content.decode()
    assert cpd_year(register["john"], year).hours == 12


@pytest.mark.django_db
def test_a_member_cannot_touch_another_members_record(register, member):
    with pytest.raises(PermissionDenied):
        cpd_activity_add(
            acting_user=member,
            registrant=register["zoe"],
            done_on=date(2025, 1, 1),
            hours=Decimal(1),
            activity_type="Course or webinar",
            description="x",
        )
    with pytest.raises(PermissionDenied):
        cpd_submit(acting_user=member, registrant=register["zoe"], year=2025)
    assert not CpdRecord.objects.filter(registrant=register["zoe"]).exists()


@pytest.mark.django_db
def test_unlinked_user_is_told_so(register, make_user):
    client = Client()
    client.force_login(make_user("someone"))
    assert "not linked" in client.get("/register/my-cpd/").content.decode()


@pytest.mark.django_db
def test_sample_is_reproducible_from_its_logged_seed(register, organisation, officer):
    active = Status.objects.get(code="active")
    for n in range(40):
        registrant_create(
            acting_user=None,
            regulator=organisation,
            status=active,
            number=f"3000{n:02d}",
            kind="individual",
            family_name=f"Member{n}",
        )
    first = cpd_sample_draw(acting_user=officer, regulator=organisation, year=2025, size=5)
    event = AuditEvent.objects.get(action=AuditAction.DRAW_CPD_SAMPLE, object_id=str(first.pk))
    assert event.after["seed"] == first.seed
    again = cpd_sample_draw(
        acting_user=officer, regulator=organisation, year=2025, size=5, seed=event.after["seed"]
    )
    assert again.numbers == first.numbers and len(first.numbers) == 5
    assert "100002" not in first.numbers + again.numbers or first.population == 41  # suspended
    assert first.population == 41  # 40 + John; Zoë is suspended and entities are not sampled
    other = cpd_sample_draw(
        acting_user=officer, regulator=organisation, year=2025, size=5, seed=first.seed + 1
    )
    assert other.numbers != first.numbers


@pytest.mark.django_db
def test_sample_needs_an_officer_and_a_size(register, organisation, outsider, officer):
    with pytest.raises(PermissionDenied):
        cpd_sample_draw(acting_user=outsider, regulator=organisation, year=2025, size=5)
    with pytest.raises(ValidationError):
        cpd_sample_draw(acting_user=officer, regulator=organisation, year=2025, size=0)
    assert CpdSample.objects.count() == 0


@pytest.mark.django_db
def test_sample_pages(register, organisation, officer):
    client = Client()
    client.force_login(officer)
    response = client.post(
        "/register/staff/cpd/", sent(action="sample", year="2025", size="1", seed="7")
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "seed 7" in page and "Mr John Smith" in page and "Not submitted" in page


@pytest.mark.django_db
def test_reminders_warn_before_year_end_and_stop_when_submitted(
    register, organisation, officer, member, make_user
):
    year = timezone.localdate().year
    assert cpd_reminders_schedule(acting_user=officer, regulator=organisation, year=year) == 1
    deadline = Deadline.objects.get(kind="register.cpd")
    assert (deadline.due_on, list(deadline.responsible.all())) == (date(year, 12, 31), [member])
    with pytest.raises(PermissionDenied):
        cpd_reminders_schedule(acting_user=make_user("x"), regulator=organisation, year=year)
    result = deadlines_sweep(as_of=date(year, 12, 15))
    assert result.due_soon_sent == 1
    assert Notification.objects.get(recipient=member).url == "/register/my-cpd/"
    assert len(mail.outbox) in (0, 1)  # sent on commit
    cpd_submit(acting_user=member, registrant=register["john"], year=year)
    deadline.refresh_from_db()
    assert deadline.state == Deadline.State.MET
    assert cpd_reminders_schedule(acting_user=officer, regulator=organisation, year=year) == 0


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1, 1999, 32767])
def test_a_member_cannot_submit_a_year_outside_the_scheme(register, member, year):
    client = Client()
    client.force_login(member)
    response = client.post(f"/register/my-cpd/{year}/submit/", sent(), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The CPD scheme started in 2000" in page or "has not started" in page
    assert not CpdRecord.objects.filter(year=year).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.SUBMIT_CPD).exists()


@pytest.mark.django_db
def test_an_activity_before_the_scheme_is_refused_on_its_date(register, member):
    client = Client()
    client.force_login(member)
    response = client.post(
        "/register/my-cpd/add/",
        sent(done_on="1999-12-31", hours="2", activity_type="Course or webinar", description="x"),
    )
    assert response.status_code == 200
    assert "The CPD scheme started in 2000" in response.content.decode()
    assert not CpdRecord.objects.filter(year=1999).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"year": "2025", "size": str(10**12)},
            "The sample can be at most 1: that year has 1 member",
        ),
        ({"year": "2025", "size": "2"}, "The sample can be at most 1"),
        ({"year": "1999", "size": "1"}, "The CPD scheme started in 2000"),
        ({"year": "2099", "size": "1"}, "2099 has not started"),
    ],
)
def test_a_sample_is_within_the_population_and_the_scheme_years(register, officer, data, message):
    client = Client()
    client.force_login(officer)
    response = client.post("/register/staff/cpd/", sent(data))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert CpdSample.objects.count() == 0
    assert not AuditEvent.objects.filter(action=AuditAction.DRAW_CPD_SAMPLE).exists()


@pytest.mark.django_db
def test_a_sample_of_the_whole_population_is_allowed(register, officer, organisation):
    sample = cpd_sample_draw(acting_user=officer, regulator=organisation, year=2025, size=1)
    assert sample.numbers == ["100001"]  # the only authorised individual


@pytest.mark.django_db
def test_a_record_made_on_first_use_is_audited_once(register, member, organisation, officer):
    john, year = register["john"], timezone.localdate().year
    cpd_activity_add(
        acting_user=member,
        registrant=john,
        done_on=date(year, 1, 1),
        hours=Decimal("2"),
        activity_type="Course or webinar",
        description="Ethics",
    )
    cpd_submit(acting_user=member, registrant=john, year=year)  # the same record
    record = CpdRecord.objects.get(registrant=john, year=year)
    created = AuditEvent.objects.filter(
        action=AuditAction.CREATE, content_type__model="cpdrecord", object_id=str(record.pk)
    ).get()
    assert (created.actor, created.after, created.organisation) == (
        member,
        {"year": year},
        organisation,
    )
    cpd_reminders_schedule(acting_user=officer, regulator=organisation, year=year + 1)
    ahead = CpdRecord.objects.get(registrant=john, year=year + 1)
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.CREATE, object_id=str(ahead.pk), content_type__model="cpdrecord"
        )
        .get()
        .actor
        == officer
    )
