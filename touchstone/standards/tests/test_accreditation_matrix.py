"""Every standards page, tried as anonymous, an officer of another body, the provider's
read-only staff, and the user each page is for (core.testing.PermissionMatrix): a provider's
users see only their own accreditations and assessments, those who run it change them, a
standards body's staff see and record payments only for the accreditations their body holds,
and a refused call writes nothing."""

from django.utils import timezone

from touchstone.core.testing import (
    Endpoint,
    PermissionMatrix,
    date_boxes,
    records_once,
    sample_pdf,
    sent,
    uploaded,
)
from touchstone.standards import services
from touchstone.standards.models import Accreditation, Assessment, Evidence
from touchstone.standards.rules import months_after
from touchstone.standards.tests.accreditation import (
    answered,
    applied,
    open_assessment,
    paid,
    scheme_world,
    submitted,
)

SECRET = "Secretive Advice Centre"


def build() -> dict:
    today = timezone.localdate()
    w = scheme_world()
    w.provider.name = SECRET
    w.provider.save()
    accreditation = applied(w, today=today)  # applied, its fee not yet paid
    renewing = scheme_world("renew-")  # registered, its renewal open now
    registered = submitted(renewing, today=months_after(today, -10))
    evidence = services.assessment_evidence_add(
        acting_user=w.admin,
        assessment=open_assessment(accreditation),
        number=2,
        file=uploaded(sample_pdf("Equality policy")),
    )
    ready = scheme_world("ready-")  # paid and answered: ready to submit
    ready_assessment = paid(ready, open_assessment(applied(ready, today=today)), on=today)
    answered(ready, ready_assessment)
    newcomer = scheme_world("new-")  # a provider with no accreditation yet
    return {
        "organisation": w.provider,
        "editor": w.admin,
        "officer": w.officer,
        "accreditation": accreditation,
        "assessment": open_assessment(accreditation),
        "registered": registered,
        "renewing_admin": renewing.admin,
        "ready": ready_assessment,
        "ready_admin": ready.admin,
        "newcomer": newcomer.admin,
        "body": w.body,
        "evidence": evidence,
    }


globals().update(records_once(build))


def _acc(path=""):
    return lambda o: f"/standards/accreditations/{o['accreditation'].pk}/{path}"


def _asm(path="", key="assessment"):
    return lambda o: f"/standards/assessments/{o[key].pk}/{path}"


def _paid(o) -> bool:
    o["assessment"].invoice.refresh_from_db()
    return o["assessment"].invoice.paid


def _saved(o) -> bool:
    return o["assessment"].answers.filter(number=1, answer="complied").exists()


def _part_one(o) -> dict:
    return sent({"version": o["assessment"].version, "answer-1": "complied", "note-1": "Policy"})


ENDPOINTS = (
    Endpoint("frameworks", "get", lambda o: "/standards/", public=True, scoped=False),
    Endpoint(
        "framework", "get", lambda o: "/standards/frameworks/iqs-2012/", public=True, scoped=False
    ),
    Endpoint(
        "framework-download",
        "get",
        lambda o: "/standards/frameworks/iqs-2012/download/?format=csv",
        public=True,
        scoped=False,
    ),
    Endpoint(
        "coverage",
        "get",
        lambda o: "/standards/frameworks/iqs-2012/coverage/?held=lexcel",
        public=True,
        scoped=False,
    ),
    Endpoint(
        "clauses-mapped",
        "get",
        lambda o: "/standards/frameworks/lexcel/mapped-to/iqs-2012/",
        public=True,
        scoped=False,
    ),
    Endpoint("accreditations", "get", lambda o: "/standards/accreditations/", scoped=False),
    Endpoint(
        "accreditations-by-state",
        "get",
        lambda o: "/standards/accreditations/?state=applied",
        scoped=False,
    ),
    Endpoint(
        "apply",
        "get",
        lambda o: "/standards/accreditations/apply/",
        editor="newcomer",
        reader_status=404,
        outsider_status=404,
    ),
    Endpoint(
        "apply-confirmed",
        "post",
        lambda o: "/standards/accreditations/apply/",
        data=lambda o: sent(
            {"standards_body": o["body"].pk, "corporate_member": "yes", "confirmed": "yes"}
        ),
        write=True,
        editor="newcomer",
        editor_status=302,
        reader_status=404,
        outsider_status=404,
        written=lambda o: Accreditation.objects.filter(provider__slug="new-advice-centre").exists(),
    ),
    Endpoint("accreditation", "get", _acc()),
    Endpoint("accreditation-as-staff", "get", _acc(), editor="officer"),
    Endpoint("payment", "get", _acc("payment/"), editor="officer", reader_status=404),
    Endpoint(
        "payment-recorded",
        "post",
        _acc("payment/"),
        data=lambda o: sent(
            {
                "version": o["assessment"].version,
                **date_boxes("paid_on", *_today_boxes()),
                "reference": "BACS 1",
            }
        ),
        write=True,
        editor="officer",
        editor_status=302,
        reader_status=404,
        written=_paid,
    ),
    Endpoint(
        "renew",
        "get",
        lambda o: f"/standards/accreditations/{o['registered'].pk}/renew/",
        editor="renewing_admin",
        reader_status=404,
    ),
    Endpoint(
        "renew-confirmed",
        "post",
        lambda o: f"/standards/accreditations/{o['registered'].pk}/renew/",
        data=lambda o: sent({"version": o["registered"].version, "confirmed": "yes"}),
        write=True,
        editor="renewing_admin",
        editor_status=302,
        reader_status=404,
        written=lambda o: o["registered"].assessments.filter(kind="renewal").exists(),
    ),
    Endpoint("assessment", "get", _asm()),
    Endpoint("assessment-part", "get", lambda o: _asm()(o) + "?part=3"),
    Endpoint(
        "assessment-saved",
        "post",
        _asm(),
        data=_part_one,
        write=True,
        editor_status=302,
        reader_status=404,
        written=_saved,
    ),
    Endpoint("evidence", "get", _asm("evidence/1/"), reader_status=404),
    Endpoint(
        "evidence-added",
        "post",
        _asm("evidence/1/"),
        data=lambda o: sent({"file": uploaded(sample_pdf("Our complaints policy"))}),
        write=True,
        editor_status=302,
        reader_status=404,
        written=lambda o: Evidence.objects.filter(
            answer__assessment=o["assessment"], answer__number=1
        ).exists(),
    ),
    Endpoint("evidence-file", "get", lambda o: _asm()(o) + f"evidence/file/{o['evidence'].pk}/"),
    Endpoint(
        "evidence-file-as-staff",
        "get",
        lambda o: _asm()(o) + f"evidence/file/{o['evidence'].pk}/",
        editor="officer",
    ),
    Endpoint("submit", "get", _asm("submit/", "ready"), editor="ready_admin", reader_status=404),
    Endpoint(
        "submit-confirmed",
        "post",
        _asm("submit/", "ready"),
        data=lambda o: sent({"version": o["ready"].version, "confirmed": "yes"}),
        write=True,
        editor="ready_admin",
        editor_status=302,
        reader_status=404,
        written=lambda o: Assessment.objects.get(pk=o["ready"].pk).submissions == 1,
    ),
    Endpoint(
        "export-holders",
        "get",
        lambda o: "/standards/accreditations/export/holders/?format=csv",
        editor="officer",
        scoped=False,
        reader_status=404,
        outsider_status=404,  # an officer of an organisation of another kind
    ),
    Endpoint(
        "export-assessments",
        "get",
        lambda o: "/standards/accreditations/export/assessments/?format=xlsx",
        editor="officer",
        scoped=False,
        reader_status=404,
        outsider_status=404,
    ),
    Endpoint(
        "assessment-pdf",
        "get",
        lambda o: f"/standards/assessments/{o['registered'].assessments.get().pk}/assessment.pdf",
        editor="renewing_admin",
        reader_status=404,
    ),
    Endpoint(
        "holders",
        "get",
        lambda o: "/standards/frameworks/iqs-2012/holders/?q=renew",
        public=True,
        scoped=False,
    ),
    Endpoint(
        "certificate",
        "get",
        lambda o: f"/standards/accreditations/{o['registered'].pk}/certificate.pdf",
        editor="renewing_admin",
        reader_status=404,
    ),
    Endpoint(
        "result",
        "get",
        lambda o: f"/standards/assessments/{o['registered'].assessments.get().pk}/result/",
        editor="renewing_admin",
        reader_status=404,
    ),
)


def _today_boxes():
    today = timezone.localdate()
    return today.day, today.month, today.year


MATRIX = PermissionMatrix(
    endpoints=ENDPOINTS,
    urlconfs=("touchstone.standards.urls",),
    apps=("standards", "core"),
    secret=SECRET.encode(),
)

globals().update(MATRIX.tests())


def test_the_services_refuse_what_the_pages_hide(objs):
    """The rules themselves, not only the pages: staff of another body and a member who does
    not run the provider are refused."""
    import pytest
    from django.core.exceptions import PermissionDenied

    other = scheme_world("x-")
    with pytest.raises(PermissionDenied):
        services.assessment_fee_record_payment(
            acting_user=other.officer, assessment=objs["assessment"], paid_on=timezone.localdate()
        )
    with pytest.raises(PermissionDenied):
        services.assessment_submit(acting_user=other.admin, assessment=objs["ready"])
