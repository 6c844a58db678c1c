"""The supervisor's reference (§21-25): asked for by the applicant, given once through the
emailed link with every point answered, checked against the register, chased once and then
lapsed; step 2 is submitted only with a reference given."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from touchstone.core.models import AccessLink, AuditEvent, Notification
from touchstone.core.services import LinkRefused
from touchstone.core.testing import run_together, two_writers_can_overlap
from touchstone.register.tests.fixtures import register  # noqa: F401 (a fixture)
from touchstone.rights.models import SupervisorReference
from touchstone.rights.selectors import given_reference, open_reference, references_of
from touchstone.rights.services import (
    application_start,
    experience_decide,
    experience_period_add,
    experience_reopen,
    experience_submit,
    reference_give,
    reference_request,
    reference_withdraw,
    references_chase,
)
from touchstone.rights.tests import references
from touchstone.rights.tests.references import answers, requested

pytestmark = pytest.mark.django_db
WORK = {
    "kind": "work",
    "start": timezone.localdate() - timedelta(days=700),
    "hours": 2400,
    "tasks": ["advising"],
}


@pytest.fixture
def applicant(make_user):
    return make_user("applicant")


@pytest.fixture
def application(applicant, organisation):
    found = application_start(acting_user=applicant, regulator=organisation, scheme="immigration")
    experience_period_add(acting_user=applicant, application=found, **WORK)
    found.refresh_from_db()
    return found


def _rows():
    return (
        SupervisorReference.objects.count(),
        AccessLink.objects.count(),
        AuditEvent.objects.count(),
    )


@pytest.mark.parametrize(
    ("name", "email", "field"),
    [
        ("", "ann@example.org", "name"),
        ("   ", "ann@example.org", "name"),
        ("Ann Lee", "", "email"),
        ("Ann Lee", "not an address", "email"),
        ("Ann Lee", "APPLICANT@example.test", "email"),  # the applicant's own
    ],
)
def test_a_request_without_a_supervisor_to_write_to_writes_nothing(
    application, applicant, name, email, field
):
    before = _rows()
    with pytest.raises(ValidationError) as refused:
        reference_request(acting_user=applicant, application=application, name=name, email=email)
    assert field in refused.value.message_dict
    assert _rows() == before and not mail.outbox


def test_a_request_emails_the_supervisor_a_link_once_it_is_written(
    application, applicant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reference = requested(application)
    assert reference.state == "invited" and open_reference(application) == reference
    (sent,) = mail.outbox
    assert sent.to == ["ann.lee@example.org"]
    assert f"/rights/reference/{reference.link_token}/" in sent.body
    assert "applicant" in sent.subject  # the applicant's name (their username here)
    expires = reference.link.expires_at - reference.invited_at
    assert timedelta(days=27, hours=23) < expires <= timedelta(days=28)


def test_asking_again_withdraws_the_request_still_open(application):
    first = requested(application)
    second = requested(application, name="Bo Chen", email="bo@example.org")
    first.refresh_from_db()
    assert first.state == "withdrawn" and first.link.revoked_at is not None
    assert open_reference(application) == second
    with pytest.raises(LinkRefused, match="withdrawn"):
        reference_give(token=first.link_token, ip_address=None, **answers(application))


def test_only_the_applicant_asks_or_withdraws(application, officer, make_user):
    reference = requested(application)
    for someone in (officer, make_user("stranger")):
        with pytest.raises(PermissionDenied):
            reference_request(
                acting_user=someone, application=application, name="X Y", email="x@example.org"
            )
        with pytest.raises(PermissionDenied):
            reference_withdraw(acting_user=someone, reference=reference)
    assert SupervisorReference.objects.count() == 1


def test_a_withdrawn_request_stops_its_link(application, applicant):
    reference = requested(application)
    reference_withdraw(acting_user=applicant, reference=reference)
    with pytest.raises(LinkRefused, match="withdrawn"):
        reference_give(token=reference.link_token, ip_address=None, **answers(application))
    with pytest.raises(ValidationError, match="withdrawn"):
        reference_withdraw(acting_user=applicant, reference=reference)


MISSING = [
    ({"qualification": ""}, "qualification"),
    ({"qualification": "Notary"}, "qualification"),  # not one that makes an authorised person
    ({"membership_number": " "}, "membership_number"),
    ({"employer": ""}, "employer"),
    ({"job_title": ""}, "job_title"),
    ({"confirms_authorised": False}, "confirms_authorised"),
    ({"confirms_authorised": "yes"}, "confirms_authorised"),  # only True confirms
    ({"comments": {}}, "comment_supervision"),
    ({"comments": {"supervision": "Fine"}}, "comment_suitability"),
]


@pytest.mark.parametrize(("changes", "field"), MISSING)
def test_an_incomplete_reference_leaves_the_link_unused_and_writes_nothing(
    application, changes, field
):
    reference = requested(application)
    before = (*_rows(), Notification.objects.count())
    with pytest.raises(ValidationError) as refused:
        reference_give(
            token=reference.link_token, ip_address="192.0.2.1", **answers(application, **changes)
        )
    assert field in refused.value.message_dict
    assert (*_rows(), Notification.objects.count()) == before
    reference.refresh_from_db()
    assert reference.state == "invited" and reference.link.used_at is None


def test_every_point_must_have_its_own_comment(application):
    reference = requested(application)
    comments = answers(application)["comments"]
    for code in comments:
        partial = {k: v for k, v in comments.items() if k != code}
        with pytest.raises(ValidationError) as refused:
            reference_give(
                token=reference.link_token,
                ip_address=None,
                **answers(application, comments=partial),
            )
        assert list(refused.value.message_dict) == [f"comment_{code}"]


def test_a_given_reference_records_the_answers_once_and_tells_the_applicant(application, applicant):
    reference = requested(application)
    version = application.version
    reference_give(token=reference.link_token, ip_address="192.0.2.9", **answers(application))
    reference.refresh_from_db()
    application.refresh_from_db()
    assert reference.state == "given" and reference.given_from == "192.0.2.9"
    assert reference.given_at == reference.link.used_at
    assert set(reference.comments) == {
        "supervision",
        "knowledge",
        "independence",
        "competence",
        "suitability",
    }
    assert application.version == version + 1
    assert given_reference(application) == reference and open_reference(application) is None
    note = Notification.objects.filter(recipient=applicant).get()
    assert "Ann Lee" in note.subject
    event = AuditEvent.objects.filter(action="give_reference").get()
    assert "ann.lee@example.org" in event.actor_label
    with pytest.raises(LinkRefused, match="already been used"):
        reference_give(token=reference.link_token, ip_address=None, **answers(application))


@pytest.mark.parametrize(
    ("supervisor", "number", "finding", "held"),
    [
        ("John Smith", "100001", "matched", "Mr John Smith"),
        ("Mr J. Smith", "100001", "name_differs", "Mr John Smith"),
        ("john  SMITH", " 100001 ", "matched", "Mr John Smith"),
        ("Zoe Brown", "100002", "not_authorised", "Zoë Brown"),  # suspended
        ("Ann Lee", "S999999", "not_found", ""),  # a solicitor: on another body's roll
        ("Ann Lee", "E5000", "not_found", ""),  # a firm is not a person
    ],
)
def test_the_number_given_is_checked_against_the_register(
    application,
    register,  # noqa: F811 (the fixture)
    supervisor,
    number,
    finding,
    held,
):
    reference = requested(application, name=supervisor)
    reference_give(
        token=reference.link_token,
        ip_address=None,
        **answers(application, membership_number=number),
    )
    reference.refresh_from_db()
    assert (reference.register_finding, reference.register_name) == (finding, held)
    assert reference.membership_number == number.strip().upper()


def test_submitting_needs_a_given_reference(application, applicant):
    requested(application)
    with pytest.raises(ValidationError, match="reference is needed"):
        experience_submit(acting_user=applicant, application=application)
    references.given(application)
    experience_submit(acting_user=applicant, application=application)


def test_no_reference_is_asked_for_once_the_experience_is_submitted(application, applicant):
    references.given(application)
    experience_submit(acting_user=applicant, application=application)
    application.refresh_from_db()
    with pytest.raises(ValidationError, match="before the experience is submitted"):
        requested(application)


def test_after_a_decision_that_it_is_not_met_a_new_reference_can_be_asked(
    application, applicant, officer
):
    references.given(application)
    experience_submit(acting_user=applicant, application=application)
    application.refresh_from_db()
    experience_decide(
        acting_user=officer, application=application, action="does_not_meet", reasons="Short"
    )
    application.refresh_from_db()
    experience_reopen(acting_user=applicant, application=application)
    application.refresh_from_db()
    assert requested(application, name="Bo Chen", email="bo@example.org").state == "invited"
    assert [r.supervisor_name for r in references_of(application)] == ["Bo Chen", "Ann Lee"]


def _states(application):
    return sorted(application.references.values_list("state", flat=True))


def test_the_chase_reminds_once_after_the_scheme_days_with_a_link_ending_as_the_first(
    application, django_capture_on_commit_callbacks
):
    reference = requested(application)
    first_link = reference.link
    start = reference.invited_at
    assert references_chase(now=start + timedelta(days=6, hours=23)) == {
        "reminded": 0,
        "lapsed": 0,
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert references_chase(now=start + timedelta(days=7))["reminded"] == 1
    reference.refresh_from_db()
    assert reference.link != first_link and reference.reminded_at is not None
    assert reference.link.expires_at == first_link.expires_at
    first_link.refresh_from_db()
    assert first_link.revoked_at is not None  # the first email's link no longer works
    (reminder,) = mail.outbox
    assert "ann.lee@example.org" in reminder.to
    token = reminder.body.split("/rights/reference/")[1].split("/")[0]
    assert references_chase(now=start + timedelta(days=8))["reminded"] == 0  # once only
    reference_give(token=token, ip_address=None, **answers(application))
    assert _states(application) == ["given"]


def test_an_unanswered_request_lapses_when_its_link_expires_and_the_applicant_is_told(
    application, applicant
):
    reference = requested(application)
    expired = reference.link.expires_at
    references_chase(now=expired - timedelta(days=1))  # the reminder
    assert references_chase(now=expired) == {"reminded": 0, "lapsed": 1}
    assert _states(application) == ["lapsed"]
    assert references_chase(now=expired + timedelta(days=1)) == {"reminded": 0, "lapsed": 0}
    (note,) = Notification.objects.filter(recipient=applicant)
    assert "did not give" in note.subject
    assert AuditEvent.objects.filter(action="lapse_reference").count() == 1


@pytest.mark.skipif(not two_writers_can_overlap(), reason="a race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_submissions_of_one_reference_at_once_give_it_once(make_user, organisation):
    applicant = make_user("racer")
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    reference = requested(application)
    given = answers(application)

    def give():
        return reference_give(token=reference.link_token, ip_address="192.0.2.1", **given)

    results = run_together(give, give)
    assert sum(isinstance(r, SupervisorReference) for r in results) == 1
    assert sum(isinstance(r, LinkRefused) for r in results) == 1
    assert AuditEvent.objects.filter(action="give_reference").count() == 1
    assert Notification.objects.filter(recipient=applicant).count() == 1
