"""Step 4's declarations ("How will my application be assessed?" 1; §47, §52): sent to the
applicant and the supervisor once the fee is paid, each signed once through its link with the
name it was sent to, the words kept with their SHA-256; when both are signed the application is
assessed and the applicant is sent the acknowledgement, once, even when both sign at once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from touchstone.core.models import AccessLink, AuditEvent, Notification
from touchstone.core.selectors import invoices_for
from touchstone.core.services import LinkRefused
from touchstone.core.testing import row_counts, run_together, two_writers_can_overlap
from touchstone.rights import rules
from touchstone.rights.models import Application, Declaration
from touchstone.rights.selectors import declarations_of
from touchstone.rights.services import (
    AuditAction,
    application_fee_settled,
    application_start,
    declaration_sign,
    declarations_send,
    experience_period_add,
    experience_submit,
    fee_payment_record,
)
from touchstone.rights.services import declarations as service
from touchstone.rights.tests import declarations, references

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
WORK = {
    "kind": "work",
    "start": TODAY - timedelta(days=700),
    "hours": 2400,
    "tasks": ["advising"],
}


@pytest.fixture
def applicant(make_user):
    user = make_user("sam")
    user.first_name, user.last_name = "Sam", "Jones"
    user.save()
    return user


@pytest.fixture
def application(applicant, organisation):
    found = application_start(acting_user=applicant, regulator=organisation, scheme="immigration")
    experience_period_add(acting_user=applicant, application=found, **WORK)
    found.refresh_from_db()
    return found


def _sign(declaration, *, name=None, confirms=True, ip="192.0.2.7", agent="Test browser/1.0"):
    return declaration_sign(
        token=declaration.link_token,
        signed_name=declaration.name if name is None else name,
        confirms=confirms,
        ip=ip,
        user_agent=agent,
    )


def _state(application) -> str:
    return Application.objects.get(pk=application.pk).application_state


# --- Sending ---------------------------------------------------------------------------------


def test_the_declarations_go_to_the_applicant_and_the_referee_with_their_words(
    application, applicant, officer, django_capture_on_commit_callbacks
):
    declarations.submitted(application, state="declarations_pending")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mine, theirs = declarations_send(acting_user=officer, application=application)
    assert (mine.role, mine.name, mine.email) == ("applicant", "Sam Jones", "sam@example.test")
    assert (theirs.role, theirs.name, theirs.email) == (
        "supervisor",
        "Ann Lee",
        "ann.lee@example.org",
    )
    for declaration in (mine, theirs):
        assert declaration.state == "invited"
        assert declaration.statement_sha256 == rules.statement_sha256(declaration.statement)
        assert f"Application PR-{application.pk} to become a Chartered Legal Executive" in (
            declaration.statement
        )
        assert "made by Sam Jones" in declaration.statement
        assert "under version 2024.1 of the scheme" in declaration.statement
        expires = declaration.link.expires_at - declaration.sent_at
        assert timedelta(days=27, hours=23) < expires <= timedelta(days=28)
    assert "I, Sam Jones, declare" in mine.statement and "§47" in mine.statement
    assert "I, Ann Lee, declare" in theirs.statement and "§52" in theirs.statement
    listed = mine.statement.split("The examples in the portfolio:\n")[1].splitlines()
    assert listed == [  # in the scheme's order, not the order the sheets were written
        "- 1.1(1): Personal statement",
        "- 1.1(2): Matter 1.1(2)",
        "- 2.3: Matter 2.3",
    ]
    to = {tuple(m.to): m for m in mail.outbox}
    assert set(to) == {("sam@example.test",), ("ann.lee@example.org",)}
    assert f"/rights/declaration/{mine.link_token}/" in to[("sam@example.test",)].body
    assert f"/rights/declaration/{theirs.link_token}/" in to[("ann.lee@example.org",)].body
    assert "Sam Jones asks you" in to[("ann.lee@example.org",)].subject
    assert not Declaration.objects.filter(statement__contains=mine.link_token).exists()
    event = AuditEvent.objects.get(action=AuditAction.SEND_DECLARATIONS)
    assert event.after["declarations"] == [mine.pk, theirs.pk]


def test_sending_again_withdraws_the_unsigned_ones_and_their_links(application, officer):
    first = declarations.sent(application)
    second = declarations_send(acting_user=officer, application=application)
    for old in first:
        old.refresh_from_db()
        assert old.state == "withdrawn" and old.link.revoked_at is not None
        with pytest.raises(LinkRefused, match="withdrawn"):
            _sign(old)
    assert [d.pk for d in declarations_of(application)[:2]] == [d.pk for d in second]
    assert [d.current for d in declarations_of(application)] == [True, True, False, False]
    assert AuditEvent.objects.filter(action=AuditAction.WITHDRAW_DECLARATIONS).count() == 1


def test_no_declarations_without_the_reference_sent_with_the_application(application, officer):
    declarations.submitted(application, state="declarations_pending")
    application.application_reference = None
    application.save()
    before = row_counts("rights", "core")
    with pytest.raises(ValidationError, match="no supervisor's reference"):
        declarations_send(acting_user=officer, application=application)
    assert row_counts("rights", "core") == before


@pytest.mark.parametrize("state", ["draft", "fee_due", "under_assessment"])
def test_declarations_are_sent_only_while_pending(application, officer, state):
    declarations.submitted(application, state=state)
    with pytest.raises(ValidationError, match="once the fee is paid"):
        declarations_send(acting_user=officer, application=application)
    assert not Declaration.objects.exists()


def test_only_the_regulators_officer_sends_them_again(application, applicant, outsider):
    declarations.submitted(application, state="declarations_pending")
    for someone in (applicant, outsider):
        with pytest.raises(PermissionDenied):
            declarations_send(acting_user=someone, application=application)
    assert not Declaration.objects.exists()


# --- The fee -------------------------------------------------------------------------------


def test_paying_the_application_fee_sends_the_declarations(
    application, officer, django_capture_on_commit_callbacks
):
    declarations.submitted(application)
    invoice = declarations.application_fee(application)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        fee_payment_record(
            acting_user=officer, application=application, invoice=invoice, paid_on=TODAY
        )
    application.refresh_from_db()
    assert application.application_state == "declarations_pending"
    assert [d.role for d in declarations_of(application)] == ["applicant", "supervisor"]
    links = [m for m in mail.outbox if "/rights/declaration/" in m.body]
    assert sorted(m.to[0] for m in links) == ["ann.lee@example.org", "sam@example.test"]
    event = AuditEvent.objects.get(action=AuditAction.SETTLE_APPLICATION_FEE)
    assert event.after["application_state"] == "declarations_pending"
    assert event.actor == officer


def test_paying_the_experience_fee_sends_nothing(
    application, applicant, officer, django_capture_on_commit_callbacks
):
    references.given(application)
    experience_submit(acting_user=applicant, application=application)
    declarations.submitted(application, reference=application.references.get(state="given"))
    (step_two,) = invoices_for(application)
    version = Application.objects.get(pk=application.pk).version
    with django_capture_on_commit_callbacks(execute=True):
        fee_payment_record(
            acting_user=officer, application=application, invoice=step_two, paid_on=TODAY
        )
    assert _state(application) == "fee_due" and not Declaration.objects.exists()
    assert Application.objects.get(pk=application.pk).version == version
    assert not [m for m in mail.outbox if "/rights/declaration/" in m.body]


def test_paying_the_fee_when_it_is_not_due_sends_nothing(application, officer):
    declarations.submitted(application, state="submitted")
    invoice = declarations.application_fee(application)
    fee_payment_record(acting_user=officer, application=application, invoice=invoice, paid_on=TODAY)
    assert _state(application) == "submitted" and not Declaration.objects.exists()


def test_a_fee_settled_without_payment_sends_the_declarations(application, applicant):
    declarations.submitted(application, state="fee_due")
    declarations.application_fee(application)
    with pytest.raises(ValidationError, match="not paid yet"):
        application_fee_settled(acting_user=applicant, application=application)
    assert _state(application) == "fee_due" and not Declaration.objects.exists()
    (invoice,) = invoices_for(application)
    invoice.paid_on = TODAY
    invoice.save()
    sent = application_fee_settled(acting_user=applicant, application=application)
    assert [d.role for d in sent] == ["applicant", "supervisor"]
    assert _state(application) == "declarations_pending"


def test_a_scheme_without_an_application_fee_goes_straight_to_the_declarations(
    application, applicant, monkeypatch
):
    monkeypatch.setattr(service.rules, "scheme_fee", lambda scheme, code: None)
    declarations.submitted(application, state="submitted")
    sent = application_fee_settled(acting_user=applicant, application=application)
    assert len(sent) == 2 and _state(application) == "declarations_pending"


def test_only_the_applicant_or_an_officer_settles_the_fee(application, outsider):
    declarations.submitted(application, state="fee_due")
    with pytest.raises(PermissionDenied):
        application_fee_settled(acting_user=outsider, application=application)


# --- Signing -------------------------------------------------------------------------------


def test_the_applicant_signs_with_their_name(application):
    mine, _theirs = declarations.sent(application)
    signed = _sign(mine, name="  sam   JONES ", agent="A" * 400)
    signed.refresh_from_db()
    assert signed.state == "signed" and signed.signed_name == "sam JONES"
    assert signed.signed_from == "192.0.2.7" and signed.signed_agent == "A" * 300
    assert signed.signed_at == signed.link.used_at is not None
    assert signed.link.used_from == "192.0.2.7"
    assert _state(application) == "declarations_pending"  # the supervisor has not signed
    event = AuditEvent.objects.get(action=AuditAction.SIGN_DECLARATION)
    assert "sam@example.test" in event.actor_label and event.actor is None
    assert event.after["statement_sha256"] == mine.statement_sha256
    with pytest.raises(LinkRefused, match="already been used"):
        _sign(mine)


@pytest.mark.parametrize(
    ("name", "confirms", "fields"),
    [
        ("Sam Smith", True, {"signed_name"}),
        ("", True, {"signed_name"}),
        ("Sam Jones", False, {"confirms"}),
        ("Ann Lee", False, {"signed_name", "confirms"}),  # the other signer's name
    ],
)
def test_a_refused_signature_writes_nothing_and_keeps_the_link(application, name, confirms, fields):
    mine, _theirs = declarations.sent(application)
    before = row_counts("rights", "core")
    with pytest.raises(ValidationError) as refused:
        _sign(mine, name=name, confirms=confirms)
    assert set(refused.value.message_dict) == fields
    assert row_counts("rights", "core") == before
    link = AccessLink.objects.get(pk=mine.link_id)
    assert link.used_at is None and link.is_open
    assert Declaration.objects.get(pk=mine.pk).state == "invited"
    _sign(mine)  # the link still works


@pytest.mark.parametrize("refusal", ["used", "expired", "revoked", "unknown"])
def test_a_link_that_cannot_be_used_is_refused(application, refusal):
    mine, _theirs = declarations.sent(application)
    link = mine.link
    if refusal == "used":
        _sign(mine)
    elif refusal == "expired":
        link.expires_at = timezone.now() - timedelta(minutes=1)
        link.save()
    elif refusal == "revoked":
        link.revoked_at = timezone.now()
        link.save()
    else:
        mine.link_token = "not-a-token"
    with pytest.raises(LinkRefused) as refused:
        _sign(mine)
    assert refused.value.reason == refusal


def test_a_declaration_is_not_signed_once_the_application_has_moved_on(application):
    mine, _theirs = declarations.sent(application)
    Application.objects.filter(pk=application.pk).update(application_state="refused")
    with pytest.raises(ValidationError, match="can no longer be signed"):
        _sign(mine)
    assert AccessLink.objects.get(pk=mine.link_id).used_at is None


def test_words_changed_after_they_were_sent_are_not_signed(application):
    mine, _theirs = declarations.sent(application)
    Declaration.objects.filter(pk=mine.pk).update(
        statement=mine.statement.replace("is my own", "is mostly my own")
    )
    before = row_counts("rights", "core")
    with pytest.raises(ValidationError, match="not the ones we sent"):
        _sign(mine)
    assert row_counts("rights", "core") == before
    assert AccessLink.objects.get(pk=mine.link_id).used_at is None


def test_both_signed_the_application_is_assessed_and_the_applicant_told_once(
    application, applicant, django_capture_on_commit_callbacks
):
    mine, theirs = declarations.sent(application)
    version = Application.objects.get(pk=application.pk).version
    with django_capture_on_commit_callbacks(execute=True):
        _sign(theirs)
    assert _state(application) == "declarations_pending"
    assert not Notification.objects.filter(recipient=applicant, subject__contains="assessing")
    with django_capture_on_commit_callbacks(execute=True):
        _sign(mine)
    found = Application.objects.get(pk=application.pk)
    assert found.application_state == "under_assessment" and found.version == version + 2
    (note,) = Notification.objects.filter(recipient=applicant, subject__contains="assessing")
    assert f"PR-{application.pk}" in note.body and "Admissions and Licensing" in note.body
    assert "further information" in note.body and "time" in note.body
    acknowledged = [m for m in mail.outbox if m.subject == note.subject]
    assert len(acknowledged) == 1 and acknowledged[0].to == ["sam@example.test"]
    events = AuditEvent.objects.filter(action=AuditAction.SIGN_DECLARATION).order_by("pk")
    assert [e.after["application_state"] for e in events] == [
        "declarations_pending",
        "under_assessment",
    ]


def test_sending_again_replaces_only_what_is_not_signed(application, officer):
    mine, theirs = declarations.sent(application)
    _sign(mine)
    (again,) = declarations_send(acting_user=officer, application=application)
    assert again.role == "supervisor"
    theirs.refresh_from_db()
    assert theirs.state == "withdrawn"
    with pytest.raises(LinkRefused):
        _sign(theirs)
    _sign(again)
    assert _state(application) == "under_assessment"
    with pytest.raises(ValidationError, match="Declarations are sent once the fee is paid"):
        declarations_send(acting_user=officer, application=application)


def test_signing_one_after_the_other_moves_the_application_once(application, applicant):
    """Where two writers cannot overlap (SQLite), the race below is the two in turn."""
    mine, theirs = declarations.sent(application)
    results = [_sign(mine), _sign(theirs)]
    assert all(isinstance(r, Declaration) for r in results)
    assert _state(application) == "under_assessment"
    acknowledged = Notification.objects.filter(recipient=applicant, subject__contains="assessing")
    assert acknowledged.count() == 1


@pytest.mark.skipif(not two_writers_can_overlap(), reason="a race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_both_signing_at_once_moves_the_application_once(make_user, organisation):
    applicant = make_user("racer")
    applicant.first_name, applicant.last_name = "Rae", "Cer"
    applicant.save()
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    mine, theirs = declarations.sent(application)

    results = run_together(lambda: _sign(mine), lambda: _sign(theirs))
    assert all(isinstance(r, Declaration) for r in results), results
    assert _state(application) == "under_assessment"
    assert Declaration.objects.filter(state="signed").count() == 2
    events = AuditEvent.objects.filter(action=AuditAction.SIGN_DECLARATION)
    assert sorted(e.after["application_state"] for e in events) == [
        "declarations_pending",
        "under_assessment",
    ]
    acknowledged = Notification.objects.filter(recipient=applicant, subject__contains="assessing")
    assert acknowledged.count() == 1


@pytest.mark.skipif(not two_writers_can_overlap(), reason="a race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_one_link_used_twice_at_once_signs_once(make_user, organisation):
    applicant = make_user("twice")
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    mine, _theirs = declarations.sent(application)
    results = run_together(lambda: _sign(mine), lambda: _sign(mine))
    assert sorted(type(r).__name__ for r in results) == ["Declaration", "LinkRefused"]
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_DECLARATION).count() == 1


@pytest.mark.skipif(not two_writers_can_overlap(), reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_whether_both_are_signed_is_read_under_the_applications_row_lock(
    make_user, organisation, monkeypatch
):
    """Deterministic where the race above depends on timing: at the moment a signature asks
    whether both are signed, another connection cannot lock the application's row (so a
    second signer waits, and then sees the first one's signature)."""
    applicant = make_user("locked")
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    mine, theirs = declarations.sent(application)
    probes, counted = [], service._both_signed

    def try_lock():
        with transaction.atomic():
            return list(
                Application.objects.select_for_update(nowait=True).filter(pk=application.pk)
            )

    def probed(found):
        probes.extend(run_together(try_lock))  # its own connection
        return counted(found)

    monkeypatch.setattr(service, "_both_signed", probed)
    _sign(mine)
    _sign(theirs)
    assert len(probes) == 2 and all(isinstance(p, DatabaseError) for p in probes), probes
    assert _state(application) == "under_assessment"
    assert isinstance(run_together(try_lock)[0], list)  # and released on commit


def test_the_officer_is_reminded_before_the_links_end_until_both_are_signed(application, officer):
    from touchstone.core.models import Deadline

    declarations.submitted(application)
    invoice = declarations.application_fee(application)
    paid = fee_payment_record(
        acting_user=officer, application=application, invoice=invoice, paid_on=TODAY
    )
    mine, theirs = paid.declarations_sent
    deadline = Deadline.objects.get(kind="rights.declarations")
    ends = timezone.localtime(mine.link.expires_at).date()
    assert (deadline.due_on, list(deadline.responsible.all())) == (ends, [officer])
    assert deadline.state == Deadline.State.OPEN
    _sign(mine)
    deadline.refresh_from_db()
    assert deadline.state == Deadline.State.OPEN  # one still to sign
    _sign(theirs)
    deadline.refresh_from_db()
    assert deadline.state == Deadline.State.MET
