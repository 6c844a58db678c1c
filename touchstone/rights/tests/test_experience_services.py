"""Step 2 through the services: the applicant's periods, their submission, the officer's
decision; who may do each; what is audited and written to the applicant."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from touchstone.core.dates import date_in_words
from touchstone.core.models import AuditEvent, Deadline, Notification, Role
from touchstone.core.selectors import invoices_for
from touchstone.core.services import StaleVersion
from touchstone.core.testing import run_together, two_writers_can_overlap
from touchstone.rights.models import Application, ExperiencePeriod
from touchstone.rights.selectors import (
    application_for,
    applications_for_officer,
    applications_of,
    experience_check,
)
from touchstone.rights.services import (
    AuditAction,
    application_start,
    experience_decide,
    experience_period_add,
    experience_period_remove,
    experience_period_update,
    experience_reopen,
    experience_submit,
)
from touchstone.rights.tests import references

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
WORK = {
    "kind": "work",
    "start": TODAY - timedelta(days=700),
    "end": None,
    "hours": 1400,
    "tasks": ["advising", "drafting"],
    "employer": "Bedford Law",
    "role": "Paralegal",
}


@pytest.fixture
def applicant(make_user):
    return make_user("applicant")


@pytest.fixture
def application(applicant, organisation):
    return application_start(acting_user=applicant, regulator=organisation, scheme="immigration")


def actions(application) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(application),
            object_id=str(application.pk),
        )
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_starting_twice_gives_the_one_application(applicant, organisation, application):
    again = application_start(acting_user=applicant, regulator=organisation, scheme="immigration")
    assert again.pk == application.pk and Application.objects.count() == 1
    assert actions(application) == [AuditAction.START_APPLICATION]


def test_starting_needs_a_sign_in_and_a_known_scheme(organisation, applicant):
    from django.contrib.auth.models import AnonymousUser

    from touchstone.rights.selectors import UnknownScheme

    with pytest.raises(PermissionDenied):
        application_start(acting_user=AnonymousUser(), regulator=organisation, scheme="immigration")
    with pytest.raises(UnknownScheme):
        application_start(acting_user=applicant, regulator=organisation, scheme="litigation")
    assert Application.objects.count() == 0


def test_periods_are_checked_as_the_api_checks_them(applicant, application):
    experience_period_add(acting_user=applicant, application=application, **WORK)
    experience_period_add(
        acting_user=applicant,
        application=application,
        kind="lpc",
        start=TODAY - timedelta(days=1500),
        end=TODAY - timedelta(days=1300),
        passed=True,
    )
    check = experience_check(application, as_of=TODAY)
    assert check["credited_hours"] == 1400 + 644 and check["meets_requirement"] is False
    assert check["anticipated_date"] is not None
    application.refresh_from_db()
    assert application.version == 3  # each change is a new version of the application
    assert actions(application)[1:] == [AuditAction.ADD_PERIOD] * 2


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({**WORK, "kind": "apprenticeship"}, "kind"),
        ({**WORK, "tasks": ["golf"]}, "tasks"),
        ({**WORK, "hours": None}, "hours"),
        ({**WORK, "end": WORK["start"] - timedelta(days=1)}, "end"),
        ({"kind": "lpc", "start": TODAY, "end": None, "passed": None}, "passed"),
        ({**WORK, "start": TODAY + timedelta(days=1)}, "start"),
    ],
)
def test_a_bad_period_is_refused_by_field_and_nothing_is_written(
    applicant, application, fields, field
):
    with pytest.raises(ValidationError) as refused:
        experience_period_add(acting_user=applicant, application=application, **fields)
    assert field in refused.value.message_dict
    assert ExperiencePeriod.objects.count() == 0
    application.refresh_from_db()
    assert application.version == 1


def test_only_the_applicant_changes_their_periods(applicant, application, officer, make_user):
    period = experience_period_add(acting_user=applicant, application=application, **WORK)
    for someone in (officer, make_user("stranger")):
        with pytest.raises(PermissionDenied):
            experience_period_add(acting_user=someone, application=application, **WORK)
        with pytest.raises(PermissionDenied):
            experience_period_update(acting_user=someone, period=period, hours=1)
        with pytest.raises(PermissionDenied):
            experience_period_remove(acting_user=someone, period=period)
        with pytest.raises(PermissionDenied):
            experience_submit(acting_user=someone, application=application)
    assert ExperiencePeriod.objects.get().hours == 1400


def test_a_change_from_an_old_version_is_refused(applicant, application):
    period = experience_period_add(acting_user=applicant, application=application, **WORK)
    with pytest.raises(StaleVersion):
        experience_period_update(acting_user=applicant, period=period, expected_version=1, hours=10)
    experience_period_update(acting_user=applicant, period=period, expected_version=2, hours=10)
    period.refresh_from_db()
    assert period.hours == 10


def test_submitting_records_the_check_and_freezes_the_periods(applicant, application):
    with pytest.raises(ValidationError, match="at least one period"):
        experience_submit(acting_user=applicant, application=application)
    period = experience_period_add(acting_user=applicant, application=application, **WORK)
    with pytest.raises(ValidationError, match="reference is needed"):
        experience_submit(acting_user=applicant, application=application)
    references.given(application)
    check = experience_submit(acting_user=applicant, application=application)
    application.refresh_from_db()
    assert application.experience_state == "submitted"
    assert application.experience_submitted_on == TODAY
    event = AuditEvent.objects.filter(action=AuditAction.SUBMIT_EXPERIENCE).get()
    assert event.after["credited_hours"] == check["credited_hours"] == 1400
    (invoice,) = invoices_for(application)  # §22: an invoice for the assessment fee
    assert invoice.number == f"IPS-{TODAY.year}-00001" and invoice.payer == applicant
    assert invoice.amount is None and "assessment fee" in invoice.description
    note = Notification.objects.filter(recipient=applicant).latest("pk")
    assert invoice.number in note.body and "amount to be confirmed" in note.body
    with pytest.raises(ValidationError, match="cannot be changed now"):
        experience_period_update(acting_user=applicant, period=period, hours=3000)
    with pytest.raises(ValidationError, match="cannot be done while"):
        experience_submit(acting_user=applicant, application=application)
    assert Notification.objects.filter(recipient=applicant).count() == 2  # reference, submitted


@pytest.fixture
def submitted(applicant, application):
    experience_period_add(acting_user=applicant, application=application, **WORK)
    references.given(application)
    experience_submit(acting_user=applicant, application=application)
    application.refresh_from_db()
    return application


def test_an_officer_decides_it_meets(officer, submitted, applicant):
    experience_decide(acting_user=officer, application=submitted, action="meets")
    submitted.refresh_from_db()
    assert (submitted.experience_state, submitted.experience_decided_on) == ("met", TODAY)
    note = Notification.objects.filter(recipient=applicant).latest("pk")
    assert "meets the requirement" in note.subject


def test_not_met_yet_writes_the_hours_so_far_and_the_date_expected(officer, submitted, applicant):
    with pytest.raises(ValidationError) as refused:
        experience_decide(acting_user=officer, application=submitted, action="does_not_meet")
    assert "reasons" in refused.value.message_dict
    experience_decide(
        acting_user=officer,
        application=submitted,
        action="does_not_meet",
        reasons="Short of the 2,300 hours.",
    )
    note = Notification.objects.filter(recipient=applicant).latest("pk")
    check = experience_check(submitted, as_of=submitted.experience_submitted_on)
    assert "Hours credited so far: 1,400 of 2,300" in note.body
    expected = date_in_words(date.fromisoformat(check["anticipated_date"]))
    assert f"Expected to be met by: {expected}." in note.body
    experience_reopen(acting_user=applicant, application=submitted)
    submitted.refresh_from_db()
    assert submitted.experience_state == "draft"


def test_a_referral_needs_a_hearing_date_and_then_the_committee_decides(officer, submitted):
    with pytest.raises(ValidationError) as refused:
        experience_decide(
            acting_user=officer, application=submitted, action="refer", reasons="Unclear roles"
        )
    assert "hearing_on" in refused.value.message_dict
    hearing = TODAY + timedelta(days=30)
    experience_decide(
        acting_user=officer,
        application=submitted,
        action="refer",
        reasons="Unclear roles",
        hearing_on=hearing,
    )
    submitted.refresh_from_db()
    assert (submitted.experience_state, submitted.alc_hearing_on) == ("referred", hearing)
    assert list(applications_for_officer(officer, state="referred")) == [submitted]
    deadline = Deadline.objects.get(kind="rights.committee_hearing")
    assert (deadline.due_on, deadline.state) == (hearing, Deadline.State.OPEN)
    assert list(deadline.responsible.all()) == [officer]
    experience_decide(acting_user=officer, application=submitted, action="meets")
    submitted.refresh_from_db()
    assert submitted.experience_state == "met"
    deadline.refresh_from_db()
    assert deadline.state == Deadline.State.MET


def test_only_the_regulators_officers_decide(submitted, applicant, make_user, other_organisation):
    outsider = make_user("outsider-officer", (other_organisation, Role.OFFICER))
    for someone in (applicant, outsider):
        with pytest.raises(PermissionDenied):
            experience_decide(acting_user=someone, application=submitted, action="meets")
    submitted.refresh_from_db()
    assert submitted.experience_state == "submitted"


def test_each_person_sees_only_what_is_theirs(
    submitted, applicant, officer, make_user, other_organisation
):
    stranger = make_user("stranger")
    outsider = make_user("outsider-officer", (other_organisation, Role.OFFICER))
    assert application_for(applicant, submitted.pk) == submitted
    assert application_for(officer, submitted.pk) == submitted
    assert application_for(stranger, submitted.pk) is None
    assert application_for(outsider, submitted.pk) is None
    assert list(applications_of(stranger)) == []
    assert list(applications_for_officer(outsider)) == []
    assert list(applications_for_officer(applicant)) == []


def test_a_decision_on_an_old_version_is_refused(officer, submitted, make_user, organisation):
    second = make_user("second-officer", (organisation, Role.OFFICER))
    seen = submitted.version
    experience_decide(
        acting_user=officer, application=submitted, action="meets", expected_version=seen
    )
    again = Application.objects.get(pk=submitted.pk)
    with pytest.raises(StaleVersion):
        experience_decide(
            acting_user=second,
            application=again,
            action="does_not_meet",
            reasons="No",
            expected_version=seen,
        )
    assert Application.objects.get(pk=submitted.pk).experience_state == "met"


@pytest.mark.skipif(not two_writers_can_overlap(), reason="a race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_officers_deciding_at_once_decide_once(make_user, organisation):
    applicant = make_user("racer")
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    experience_period_add(acting_user=applicant, application=application, **WORK)
    references.given(application)
    experience_submit(acting_user=applicant, application=application)
    seen = Application.objects.get(pk=application.pk).version
    officers = [make_user(f"officer-{n}", (organisation, Role.OFFICER)) for n in (1, 2)]

    def decide(officer, action):
        def call():
            return experience_decide(
                acting_user=officer,
                application=Application.objects.get(pk=application.pk),
                action=action,
                reasons="Decided",
                expected_version=seen,
            )

        return call

    results = run_together(decide(officers[0], "meets"), decide(officers[1], "does_not_meet"))
    assert sorted(type(r).__name__ for r in results) == ["Application", "StaleVersion"]
    assert AuditEvent.objects.filter(action=AuditAction.DECIDE_EXPERIENCE).count() == 1
