"""Step 4 (§58-64): the form, submitting with the reference and the letter that go with it,
the fee's invoice, the portfolio locked once submitted, and the officer's assessment: approve
(the register shows the right at once), ask for more information, refer to the committee and
record its decision; two officers cannot both decide."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from touchstone.core.models import AuditEvent, Deadline, Invoice, Notification, Role
from touchstone.core.selectors import invoices_for
from touchstone.core.services import StaleVersion
from touchstone.register.selectors import public_get_item
from touchstone.rights.models import Application, SupervisorReference
from touchstone.rights.services import (
    application_decide,
    application_form_save,
    application_resubmit,
    application_start,
    application_submit,
    portfolio_sheet_save,
    reference_give,
    reference_request,
)
from touchstone.rights.tests import references
from touchstone.rights.tests.portfolio import sheet_fields
from touchstone.rights.tests.submission import ANSWERS, on_register, ready

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def started(make_user, organisation):
    applicant = make_user("asha")
    applicant.first_name, applicant.last_name = "Asha", "Patel"
    applicant.save()
    return application_start(acting_user=applicant, regulator=organisation, scheme="immigration")


@pytest.fixture
def ready_application(started, officer):
    return ready(started, officer)


def _submitted(application):
    application_submit(acting_user=application.applicant, application=application)
    application.refresh_from_db()
    return application


def _under_assessment(application):
    """Submitted, paid and declared (the declarations' own tests walk those moves)."""
    _submitted(application)
    Application.objects.filter(pk=application.pk).update(application_state="under_assessment")
    application.refresh_from_db()
    return application


def test_an_application_with_nothing_done_lists_every_need_and_writes_nothing(started):
    with pytest.raises(ValidationError) as caught:
        application_submit(acting_user=started.applicant, application=started)
    assert [m.split(" ")[0] for m in caught.value.messages] == [
        "Complete",
        "Your",
        "We",
        "Your",
        "A",
    ]
    started.refresh_from_db()
    assert (started.application_state, started.application_submitted_on) == ("draft", None)
    assert not Invoice.objects.exists()


def test_submitting_raises_the_fee_and_sends_the_reference_and_letter(ready_application):
    application = _submitted(ready_application)
    assert application.application_state == "fee_due"
    assert application.application_submitted_on == TODAY
    reference = SupervisorReference.objects.get(application=application, state="given")
    assert application.application_reference == reference
    assert application.experience_letter.decision == "meets"
    assert application.experience_letter.step == "experience"
    (fee,) = [i for i in invoices_for(application) if "Application" in i.description]
    assert (fee.raised_on, fee.payer) == (TODAY, application.applicant)
    note = Notification.objects.filter(recipient=application.applicant).latest("pk")
    assert note.subject == "Your application was submitted" and fee.number in note.body
    assert AuditEvent.objects.filter(action="submit_application").count() == 1


def test_once_submitted_the_portfolio_and_form_cannot_change(ready_application):
    application = _submitted(ready_application)
    with pytest.raises(ValidationError, match="cannot be changed now"):
        portfolio_sheet_save(
            acting_user=application.applicant,
            application=application,
            example="2.1",
            **sheet_fields("2.1", matter="Changed"),
        )
    with pytest.raises(ValidationError, match="cannot be changed now"):
        application_form_save(
            acting_user=application.applicant, application=application, answers=dict(ANSWERS)
        )
    with pytest.raises(ValidationError, match="cannot be done while the application"):
        application_submit(acting_user=application.applicant, application=application)


def test_a_reference_older_than_six_months_needs_a_new_one(ready_application):
    application = ready_application
    old = SupervisorReference.objects.get(application=application)
    SupervisorReference.objects.filter(pk=old.pk).update(
        given_at=timezone.now() - timedelta(days=200)
    )
    with pytest.raises(ValidationError, match="less than 6 months"):
        application_submit(acting_user=application.applicant, application=application)
    fresh = reference_request(
        acting_user=application.applicant,
        application=application,
        name=references.SUPERVISOR[0],
        email=references.SUPERVISOR[1],
    )
    reference_give(
        token=fresh.link_token, ip_address="127.0.0.1", **references.answers(application)
    )
    application.refresh_from_db()
    assert _submitted(application).application_reference_id == fresh.pk


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"phone": "12"}, "phone"),
        ({"address": "  "}, "address"),
        ({"character": "perhaps"}, "character"),
        ({"character": "yes", "character_details": ""}, "character_details"),
        ({"employer": "x" * 2001}, "employer"),
    ],
)
def test_a_wrong_answer_saves_none_of_the_form(started, changes, field):
    with pytest.raises(ValidationError) as caught:
        application_form_save(
            acting_user=started.applicant, application=started, answers={**ANSWERS, **changes}
        )
    assert field in caught.value.message_dict
    started.refresh_from_db()
    assert started.form_answers == {}


def test_details_are_dropped_when_the_answer_is_no(started):
    application_form_save(
        acting_user=started.applicant,
        application=started,
        answers={**ANSWERS, "character": "no", "character_details": "Something"},
    )
    started.refresh_from_db()
    assert started.form_answers["character_details"] == ""


def test_an_unknown_question_is_refused(started):
    with pytest.raises(ValidationError, match="Unknown questions: favourite"):
        application_form_save(
            acting_user=started.applicant,
            application=started,
            answers={**ANSWERS, "favourite": "x"},
        )


def test_approval_puts_the_right_on_the_public_register_at_once(ready_application, officer):
    application = _under_assessment(ready_application)
    registrant = on_register(application)
    application_decide(acting_user=officer, application=application, action="approve")
    application.refresh_from_db()
    assert (application.application_state, application.application_decided_on) == (
        "approved",
        TODAY,
    )
    registrant.refresh_from_db()
    assert registrant.category.name == "Chartered Legal Executive (Immigration)"
    rights = {r.right_type.code: r for r in registrant.rights.all()}
    assert set(rights) == {"immigration", "commissioner_for_oaths"}
    assert rights["immigration"].scope.startswith("A claim for asylum.")
    assert "judicial review" in rights["immigration"].scope.lower()
    item = public_get_item(registrant.number, as_of=TODAY, as_at=timezone.now())
    assert "Immigration" in str(item)
    letter = application.letters.get(step="application")
    assert letter.decision == "approve"
    note = Notification.objects.filter(recipient=application.applicant).latest("pk")
    assert note.subject == "Your application has been approved"
    assert "your practice rights: Immigration and Commissioner for oaths." in note.body
    assert "You may now act in a claim for asylum; " in note.body
    assert "(handbook §6)" in note.body


def test_a_right_already_held_is_not_granted_twice(ready_application, officer):
    from touchstone.register.services import right_grant

    application = _under_assessment(ready_application)
    registrant = on_register(application)
    right_grant(
        acting_user=None,
        registrant=registrant,
        code="commissioner_for_oaths",
        granted_on=TODAY - timedelta(days=900),
    )
    application_decide(acting_user=officer, application=application, action="approve")
    assert registrant.rights.filter(right_type__code="commissioner_for_oaths").count() == 1
    event = AuditEvent.objects.filter(action="decide_application").latest("pk")
    assert event.after["granted"] == ["immigration"]


@pytest.mark.parametrize("status", [None, "suspended"])
def test_approval_needs_an_authorised_entry_on_the_register_and_writes_nothing(
    ready_application, officer, status
):
    application = _under_assessment(ready_application)
    if status:
        on_register(application, status=status)
    with pytest.raises(ValidationError, match="register|may not practise"):
        application_decide(acting_user=officer, application=application, action="approve")
    application.refresh_from_db()
    assert application.application_state == "under_assessment"
    assert not application.letters.filter(step="application").exists()


def test_further_information_then_the_committee_then_its_refusal(ready_application, officer):
    application = _under_assessment(ready_application)
    due = TODAY + timedelta(days=28)
    with pytest.raises(ValidationError) as caught:
        application_decide(
            acting_user=officer, application=application, action="request_information"
        )
    assert set(caught.value.message_dict) == {"reasons", "information_due_on"}
    application_decide(
        acting_user=officer,
        application=application,
        action="request_information",
        reasons="Example 2.3's evidence is not about immigration work.",
        information_due_on=due,
    )
    application.refresh_from_db()
    assert application.application_state == "information_requested"
    deadline = Deadline.objects.get(kind="rights.information_requested")
    assert (deadline.due_on, list(deadline.responsible.all())) == (due, [application.applicant])
    portfolio_sheet_save(  # the portfolio may change again, to answer the request
        acting_user=application.applicant,
        application=application,
        example="2.3",
        **sheet_fields("2.3", matter="A different matter"),
    )
    with pytest.raises(ValidationError, match="Say what"):
        application_resubmit(acting_user=application.applicant, application=application, note="")
    application_resubmit(
        acting_user=application.applicant, application=application, note="New 2.3 sheet."
    )
    application.refresh_from_db()
    assert application.application_state == "resubmitted"
    deadline.refresh_from_db()
    assert deadline.state != Deadline.State.OPEN
    hearing = TODAY + timedelta(days=30)
    application_decide(
        acting_user=officer,
        application=application,
        action="refer",
        reasons="Whether 2.3 shows the outcome is finely balanced.",
        hearing_on=hearing,
    )
    application.refresh_from_db()
    assert (application.application_state, application.application_hearing_on) == (
        "referred",
        hearing,
    )
    assert Deadline.objects.get(kind="rights.application_hearing").due_on == hearing
    application_decide(
        acting_user=officer, application=application, action="refuse", reasons="Not shown."
    )
    application.refresh_from_db()
    assert application.application_state == "refused"
    assert [letter.decision for letter in application.letters.filter(step="application")] == [
        "refuse",
        "refer",
        "request_information",
    ]
    note = Notification.objects.filter(recipient=application.applicant).latest("pk")
    assert note.subject.startswith("The committee's decision")


def test_a_second_officer_deciding_on_the_same_version_is_refused(
    ready_application, officer, make_user, organisation
):
    application = _under_assessment(ready_application)
    on_register(application)
    second = make_user("second", (organisation, Role.OFFICER))
    opened = application.version
    application_decide(
        acting_user=officer, application=application, action="approve", expected_version=opened
    )
    with pytest.raises(StaleVersion):
        application_decide(
            acting_user=second,
            application=Application.objects.get(pk=application.pk),
            action="request_information",
            reasons="x",
            information_due_on=TODAY + timedelta(days=9),
            expected_version=opened,
        )
    assert Application.objects.get(pk=application.pk).application_state == "approved"


def test_only_the_regulators_officers_decide_and_only_the_applicant_submits(
    ready_application, make_user, other_organisation
):
    application = ready_application
    outsider = make_user("outsider", (other_organisation, Role.OFFICER))
    for someone in (outsider, make_user("stranger")):
        with pytest.raises(PermissionDenied):
            application_submit(acting_user=someone, application=application)
    _under_assessment(application)
    for someone in (application.applicant, outsider):
        with pytest.raises(PermissionDenied):
            application_decide(acting_user=someone, application=application, action="approve")
    application.refresh_from_db()
    assert application.application_state == "under_assessment"


def test_a_decision_the_state_does_not_offer_is_refused_in_words(ready_application, officer):
    application = _submitted(ready_application)  # the fee is due: nothing to decide yet
    with pytest.raises(ValidationError, match="cannot be done while the application is 'fee due'"):
        application_decide(acting_user=officer, application=application, action="approve")


def test_a_scheme_that_charges_no_fee_sends_the_declarations_at_once(
    ready_application, monkeypatch
):
    monkeypatch.setattr("touchstone.rights.rules.scheme_fee", lambda scheme, code: None)
    application = _submitted(ready_application)
    assert application.application_state == "declarations_pending"
    assert not [i for i in invoices_for(application) if "Application" in i.description]
    assert sorted(application.declarations.values_list("role", "state")) == [
        ("applicant", "invited"),
        ("supervisor", "invited"),
    ]
    note = Notification.objects.filter(
        recipient=application.applicant, subject="Your application was submitted"
    ).get()
    assert "declarations to sign" in note.body


def test_the_fee_invoice_is_the_applications_own_paragraph(ready_application):
    application = _submitted(ready_application)
    note = Notification.objects.filter(
        recipient=application.applicant, subject="Your application was submitted"
    ).get()
    assert "(handbook §60)" in note.body


def test_after_a_refusal_the_applicant_may_apply_again_but_never_twice_at_once(
    started, organisation
):
    from django.db import IntegrityError, transaction

    again = application_start(
        acting_user=started.applicant, regulator=organisation, scheme="immigration"
    )
    assert again.pk == started.pk  # the open one
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(
            applicant=started.applicant, regulator=organisation, scheme="immigration"
        )
    Application.objects.filter(pk=started.pk).update(application_state="refused")
    fresh = application_start(
        acting_user=started.applicant, regulator=organisation, scheme="immigration"
    )
    assert fresh.pk != started.pk and fresh.application_state == "draft"
    assert (
        application_start(
            acting_user=started.applicant, regulator=organisation, scheme="immigration"
        )
        == fresh
    )
