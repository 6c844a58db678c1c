"""Step 1 through the services: the evidence (either route, with its document), submission,
the officer's decision and reopening; who may do each; a refused file writes nothing; what is
audited and written to the applicant; two officers deciding at once."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone

from touchstone.core.models import AuditEvent, Notification, Role, Upload
from touchstone.core.services import StaleVersion
from touchstone.core.testing import (
    run_together,
    sample_docx,
    sample_executable,
    sample_html,
    sample_pdf,
    sample_zip,
    two_writers_can_overlap,
    uploaded,
)
from touchstone.rights.models import Application
from touchstone.rights.selectors import knowledge_missing_for, qualification_name
from touchstone.rights.services import (
    AuditAction,
    application_start,
    knowledge_decide,
    knowledge_evidence_set,
    knowledge_reopen,
    knowledge_submit,
)

pytestmark = pytest.mark.django_db
CPQ = "cilex-professional-qualification-cpq"


@pytest.fixture
def applicant(make_user):
    return make_user("applicant")


@pytest.fixture
def application(applicant, organisation):
    return application_start(acting_user=applicant, regulator=organisation, scheme="immigration")


def accredited(applicant, application, **more):
    return knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="accredited",
        qualification=CPQ,
        file=uploaded(sample_pdf("CPQ certificate"), name="cpq.pdf"),
        **more,
    )


def submitted(applicant, application):
    accredited(applicant, application)
    return knowledge_submit(acting_user=applicant, application=application)


def actions(application) -> list[str]:
    return list(
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(application),
            object_id=str(application.pk),
        )
        .order_by("pk")
        .values_list("action", flat=True)
    )


def stored_files() -> int:
    try:
        return len(default_storage.listdir("uploads")[1])
    except FileNotFoundError:
        return 0


def test_an_accredited_qualification_with_its_certificate(applicant, application):
    accredited(applicant, application)
    application.refresh_from_db()
    assert (application.knowledge_route, application.knowledge_qualification) == (
        "accredited",
        CPQ,
    )
    document = application.knowledge_document
    assert document.original_name == "cpq.pdf" and document.kind == "pdf"
    assert document.organisation == application.regulator and document.uploaded_by == applicant
    assert qualification_name(application) == "CILEX Professional Qualification (CPQ)"
    assert knowledge_missing_for(application) == []
    assert actions(application)[-1] == AuditAction.SET_KNOWLEDGE_EVIDENCE
    event = (
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(application),
            object_id=str(application.pk),
        )
        .order_by("pk")
        .last()
    )
    assert event.after["knowledge_document_id"] == str(document.pk)


def test_recognition_with_a_description_and_a_word_document(applicant, application):
    knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="recognition",
        qualification=CPQ,  # not kept: recognition names no accredited qualification
        description="  LLB (Hons), University of Leeds, 2009  ",
        file=uploaded(sample_docx(), name="transcript.docx"),
    )
    application.refresh_from_db()
    assert application.knowledge_qualification == ""
    assert application.knowledge_description == "LLB (Hons), University of Leeds, 2009"
    assert application.knowledge_document.kind == "docx"


def test_a_later_change_keeps_the_document_unless_a_new_one_is_sent(applicant, application):
    accredited(applicant, application)
    first = Application.objects.get(pk=application.pk).knowledge_document_id
    knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="recognition",
        description="LLB",
    )
    assert Application.objects.get(pk=application.pk).knowledge_document_id == first
    accredited(applicant, application)
    assert Application.objects.get(pk=application.pk).knowledge_document_id != first
    assert Upload.objects.count() == 2  # the first stays: the history names it


@pytest.mark.parametrize("bad", [sample_executable, sample_html, sample_zip, lambda: b""])
def test_a_refused_file_writes_nothing_at_all(applicant, application, bad):
    before = (
        stored_files(),
        Upload.objects.count(),
        AuditEvent.objects.count(),
        Application.objects.get(pk=application.pk).version,
    )
    with pytest.raises(ValidationError) as refused:
        knowledge_evidence_set(
            acting_user=applicant,
            application=application,
            route="accredited",
            qualification=CPQ,
            file=uploaded(bad(), name="certificate.pdf"),
        )
    assert list(refused.value.message_dict) == ["document"]
    fresh = Application.objects.get(pk=application.pk)
    assert fresh.knowledge_route == ""
    assert (
        stored_files(),
        Upload.objects.count(),
        AuditEvent.objects.count(),
        fresh.version,
    ) == before


def test_an_unknown_route_or_qualification_is_refused_by_field(applicant, application):
    with pytest.raises(ValidationError) as refused:
        knowledge_evidence_set(acting_user=applicant, application=application, route="magic")
    assert list(refused.value.message_dict) == ["route"]
    with pytest.raises(ValidationError) as refused:
        knowledge_evidence_set(
            acting_user=applicant, application=application, route="accredited", qualification="llm"
        )
    assert list(refused.value.message_dict) == ["qualification"]
    assert Upload.objects.count() == 0


def test_submitting_needs_the_whole_route(applicant, application):
    knowledge_evidence_set(
        acting_user=applicant, application=application, route="accredited", qualification=CPQ
    )
    with pytest.raises(ValidationError, match="Upload your certificate"):
        knowledge_submit(acting_user=applicant, application=application)
    assert Application.objects.get(pk=application.pk).knowledge_state == "draft"


def test_submit_then_met(applicant, application, officer):
    submitted(applicant, application)
    application.refresh_from_db()
    assert application.knowledge_state == "submitted"
    assert application.knowledge_submitted_on == timezone.localdate()
    with pytest.raises(ValidationError, match="cannot be changed now"):
        accredited(applicant, application)
    knowledge_decide(acting_user=officer, application=application, action="meets")
    application.refresh_from_db()
    assert application.knowledge_state == "met"
    assert application.knowledge_decided_on == timezone.localdate()
    assert actions(application)[-3:] == [
        AuditAction.SET_KNOWLEDGE_EVIDENCE,
        AuditAction.SUBMIT_KNOWLEDGE,
        AuditAction.DECIDE_KNOWLEDGE,
    ]
    subjects = list(
        Notification.objects.filter(recipient=applicant)
        .order_by("pk")
        .values_list("subject", flat=True)
    )
    assert subjects == [
        "Your technical knowledge was submitted",
        "Your technical knowledge meets the requirement",
    ]


def test_not_met_needs_reasons_then_the_applicant_may_change_and_submit_again(
    applicant, application, officer
):
    submitted(applicant, application)
    with pytest.raises(ValidationError) as refused:
        knowledge_decide(acting_user=officer, application=application, action="does_not_meet")
    assert list(refused.value.message_dict) == ["reasons"]
    knowledge_decide(
        acting_user=officer,
        application=application,
        action="does_not_meet",
        reasons="The certificate is not legible.",
    )
    letter = Notification.objects.filter(recipient=applicant).order_by("pk").last()
    assert "not legible" in letter.body and "does not meet" in letter.subject
    knowledge_reopen(acting_user=applicant, application=application)
    accredited(applicant, application)
    knowledge_submit(acting_user=applicant, application=application)
    application.refresh_from_db()
    assert application.knowledge_state == "submitted" and application.knowledge_reasons == ""
    assert AuditAction.REOPEN_KNOWLEDGE in actions(application)


def test_who_may_do_what(applicant, application, officer, outsider, make_user, organisation):
    with pytest.raises(PermissionDenied):
        accredited(make_user("someone-else"), application)
    with pytest.raises(PermissionDenied):
        accredited(outsider, application)
    assert Upload.objects.count() == 0
    submitted(applicant, application)
    with pytest.raises(PermissionDenied):
        knowledge_decide(acting_user=applicant, application=application, action="meets")
    with pytest.raises(PermissionDenied):
        knowledge_decide(acting_user=outsider, application=application, action="meets")
    clerk = make_user("clerk", (organisation, Role.CASEWORKER))
    with pytest.raises(PermissionDenied):
        knowledge_decide(acting_user=clerk, application=application, action="meets")
    with pytest.raises(PermissionDenied):
        knowledge_submit(acting_user=officer, application=application)


def test_a_decision_on_an_old_version_is_stale(applicant, application, officer):
    submitted(applicant, application)
    seen = Application.objects.get(pk=application.pk).version
    knowledge_decide(
        acting_user=officer, application=application, action="meets", expected_version=seen
    )
    with pytest.raises(StaleVersion):
        knowledge_decide(
            acting_user=officer,
            application=Application.objects.get(pk=application.pk),
            action="does_not_meet",
            reasons="No",
            expected_version=seen,
        )


@pytest.mark.skipif(not two_writers_can_overlap(), reason="a race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_officers_deciding_at_once_decide_once(make_user, organisation):
    applicant = make_user("racer")
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    submitted(applicant, application)
    seen = Application.objects.get(pk=application.pk).version
    officers = [make_user(f"officer-{n}", (organisation, Role.OFFICER)) for n in (1, 2)]

    def decide(officer, action):
        def call():
            return knowledge_decide(
                acting_user=officer,
                application=Application.objects.get(pk=application.pk),
                action=action,
                reasons="Decided",
                expected_version=seen,
            )

        return call

    results = run_together(decide(officers[0], "meets"), decide(officers[1], "does_not_meet"))
    assert sorted(type(r).__name__ for r in results) == ["Application", "StaleVersion"]
    assert AuditEvent.objects.filter(action=AuditAction.DECIDE_KNOWLEDGE).count() == 1
    winner = next(r for r in results if isinstance(r, Application))
    assert Application.objects.get(pk=application.pk).knowledge_state == winner.knowledge_state
