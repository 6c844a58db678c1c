"""Every practice-rights address, web and API, tried as anonymous, an officer of another
regulator, the regulator's read-only staff, the applicant and the officer
(core.testing.PermissionMatrix): an applicant sees and changes only their own application,
officers decide only on their regulator's, and a refused call writes nothing."""

from datetime import date

from django.utils import timezone

from touchstone.core.models import Role
from touchstone.core.selectors import invoices_for
from touchstone.core.services import letter_store
from touchstone.core.testing import (
    Endpoint,
    PermissionMatrix,
    new_organisation,
    new_user,
    records_once,
    sample_pdf,
    sent,
    uploaded,
)
from touchstone.rights.models import Application, DecisionLetter
from touchstone.rights.services import (
    application_start,
    experience_period_add,
    experience_submit,
    knowledge_evidence_set,
    knowledge_submit,
)
from touchstone.rights.tests import references
from touchstone.rights.tests.matrix_application import APPLICATION_ENDPOINTS
from touchstone.rights.tests.matrix_committee import COMMITTEE_ENDPOINTS, referred_case
from touchstone.rights.tests.matrix_declarations import DECLARATION_ENDPOINTS, declared
from touchstone.rights.tests.matrix_portfolio import PORTFOLIO_ENDPOINTS
from touchstone.rights.tests.portfolio import supervised, with_evidence

SECRET = "Matrix Employer LLP"
QE_PLAN = {"as_of": "2026-06-01", "periods": []}


def _work(**extra) -> dict:
    return {
        "kind": "work",
        "start": date(2025, 1, 1),
        "end": None,
        "hours": 1200,
        "tasks": ["advising"],
        "employer": SECRET,
        **extra,
    }


def _app(path=""):
    return lambda o: f"/rights/applications/{o['application'].pk}/{path}"


def _period(path):
    return lambda o: (
        f"/rights/applications/{o['application'].pk}/experience/{o['period'].pk}/{path}"
    )


def _withdraw(o):
    return (
        f"/rights/applications/{o['application'].pk}/experience/reference/{o['asked'].pk}/withdraw/"
    )


def _link(o):
    return f"/rights/reference/{o['asked'].link_token}/"


def _payment(o):
    return (
        f"/rights/staff/{o['submitted'].pk}/invoices/{invoices_for(o['submitted']).get().pk}/paid/"
    )


def _staff(path=""):
    return lambda o: f"/rights/staff/{o['submitted'].pk}/{path}"


def _period_data(objs, version=None):
    data = {
        "kind": "work",
        "start-day": "1",
        "start-month": "2",
        "start-year": "2025",
        "hours": "777",
        "tasks": ["drafting"],
    }
    if version:
        data["version"] = objs["application"].version
    return sent(data)


def _state(key, state):
    return lambda o: Application.objects.get(pk=o[key].pk).experience_state == state


def _knowledge_state(key, state):
    return lambda o: Application.objects.get(pk=o[key].pk).knowledge_state == state


def _evidence_data(objs):
    return sent(
        {
            "route": "accredited",
            "qualification": "cilex-professional-qualification-cpq",
            "description": "",
            "version": Application.objects.get(pk=objs["application"].pk).version,
            "document": uploaded(sample_pdf(), name="certificate.pdf"),
        }
    )


def _document(key):
    return lambda o: (
        f"/rights/applications/{o[key].pk}/knowledge/documents/{o[key].knowledge_document_id}/"
    )


def _letter(o):
    return f"/rights/applications/{o['submitted'].pk}/letters/{o['letter'].upload_id}/"


APPLICANT = {"editor": "applicant", "reader_status": 404}
ENDPOINTS = (
    # public
    Endpoint("schemes", "get", lambda o: "/rights/", public=True, scoped=False),
    Endpoint("scheme", "get", lambda o: "/rights/immigration/", public=True, scoped=False),
    Endpoint(
        "scheme-json",
        "get",
        lambda o: "/rights/immigration/2024.1.json",
        public=True,
        scoped=False,
    ),
    Endpoint(
        "api-qe-get",
        "get",
        lambda o: "/api/v1/rights/immigration/qe-check",
        api=True,
        public=True,
        scoped=False,
        editor_status=405,
    ),
    Endpoint(
        "api-qe",
        "post",
        lambda o: "/api/v1/rights/immigration/qe-check",
        data=lambda o: QE_PLAN,
        api=True,
        public=True,
        scoped=False,
    ),
    Endpoint(
        "api-portfolio-get",
        "get",
        lambda o: "/api/v1/rights/immigration/portfolio-check",
        api=True,
        public=True,
        scoped=False,
        editor_status=405,
    ),
    Endpoint(
        "api-portfolio",
        "post",
        lambda o: "/api/v1/rights/immigration/portfolio-check",
        data=lambda o: {"application_date": "2026-06-01", "sheets": []},
        api=True,
        public=True,
        scoped=False,
    ),
    # the applicant's own (anyone signed in may start their own: the page, not the POST, here)
    Endpoint(
        "apply",
        "get",
        lambda o: "/rights/immigration/apply/",
        scoped=False,
        editor="applicant",
        editor_status=302,
        reader_status=200,
        outsider_status=200,
    ),
    Endpoint("application", "get", _app(), **APPLICANT),
    Endpoint("experience", "get", _app("experience/"), **APPLICANT),
    Endpoint("period-add-page", "get", _app("experience/add/"), **APPLICANT),
    Endpoint(
        "period-add",
        "post",
        _app("experience/add/"),
        data=_period_data,
        write=True,
        editor_status=302,
        written=lambda o: o["application"].periods.filter(hours=777).exists(),
        **APPLICANT,
    ),
    Endpoint(
        "preview-get",
        "get",
        _app("experience/preview/"),
        editor="applicant",
        editor_status=405,
        outsider_status=405,
    ),
    Endpoint("preview", "post", _app("experience/preview/"), data=_period_data, **APPLICANT),
    Endpoint(
        "change-preview-get",
        "get",
        _period("preview/"),
        editor="applicant",
        editor_status=405,
        outsider_status=405,
    ),
    Endpoint("change-preview", "post", _period("preview/"), data=_period_data, **APPLICANT),
    Endpoint("period-change-page", "get", _period("change/"), **APPLICANT),
    Endpoint(
        "period-change",
        "post",
        _period("change/"),
        data=lambda o: _period_data(o, version=True),
        write=True,
        editor_status=302,
        written=lambda o: o["application"].periods.filter(hours=777).exists(),
        **APPLICANT,
    ),
    Endpoint("period-remove-page", "get", _period("remove/"), **APPLICANT),
    Endpoint(
        "period-remove",
        "post",
        _period("remove/"),
        data=lambda o: sent(confirmed="yes"),
        write=True,
        editor_status=302,
        written=lambda o: not o["application"].periods.exists(),
        **APPLICANT,
    ),
    Endpoint("submit-page", "get", _app("experience/submit/"), **APPLICANT),
    Endpoint(
        "submit",
        "post",
        _app("experience/submit/"),
        data=lambda o: sent(confirmed="yes", version=o["application"].version),
        write=True,
        editor_status=302,
        written=_state("application", "submitted"),
        **APPLICANT,
    ),
    Endpoint(
        "reopen-get",
        "get",
        _app("experience/reopen/"),
        editor="applicant",
        editor_status=405,
        outsider_status=405,
    ),
    Endpoint(
        "reopen",
        "post",
        _app("experience/reopen/"),
        data=lambda o: sent(),
        write=True,
        editor_status=302,
        **APPLICANT,  # a draft: refused with a message, nothing written
    ),
    # step 1, technical knowledge
    Endpoint("knowledge", "get", _app("knowledge/"), **APPLICANT),
    Endpoint(
        "knowledge-save",
        "post",
        _app("knowledge/"),
        data=_evidence_data,
        write=True,
        editor_status=302,
        written=lambda o: (
            Application.objects.get(pk=o["application"].pk).knowledge_route == "accredited"
        ),
        **APPLICANT,
    ),
    Endpoint("knowledge-submit-page", "get", _app("knowledge/submit/"), **APPLICANT),
    Endpoint(
        "knowledge-submit",
        "post",
        _app("knowledge/submit/"),
        data=lambda o: sent(confirmed="yes", version=o["application"].version),
        write=True,
        editor_status=302,
        written=_knowledge_state("application", "submitted"),
        **APPLICANT,
    ),
    Endpoint(
        "knowledge-reopen-get",
        "get",
        _app("knowledge/reopen/"),
        editor="applicant",
        editor_status=405,
        outsider_status=405,
    ),
    Endpoint(
        "knowledge-reopen",
        "post",
        _app("knowledge/reopen/"),
        data=lambda o: sent(),
        write=True,
        editor_status=302,
        **APPLICANT,  # a draft: refused with a message, nothing written
    ),
    # the applicant and the regulator's officers may both have it: tried here as the officer
    # (the applicant's own download is in test_knowledge_pages)
    Endpoint("knowledge-document-officer", "get", _document("submitted"), reader_status=404),
    # a decision letter, as the document above: tried here as the officer (the applicant's own
    # download is in test_letters)
    Endpoint("letter-officer", "get", _letter, reader_status=404),
    Endpoint("reference-request-page", "get", _app("experience/reference/"), **APPLICANT),
    Endpoint(
        "reference-request",
        "post",
        _app("experience/reference/"),
        data=lambda o: sent(name="Cy Dee", email="cy.dee@example.org"),
        write=True,
        editor_status=302,
        written=lambda o: o["application"].references.filter(supervisor_name="Cy Dee").exists(),
        **APPLICANT,
    ),
    Endpoint("reference-withdraw-page", "get", _withdraw, **APPLICANT),
    Endpoint(
        "reference-withdraw",
        "post",
        _withdraw,
        data=lambda o: sent(confirmed="yes"),
        write=True,
        editor_status=302,
        written=lambda o: o["application"].references.filter(state="withdrawn").exists(),
        **APPLICANT,
    ),
    # the supervisor, through the emailed link (no account: the link is the permission)
    Endpoint("reference-give", "get", _link, public=True, scoped=False),
    Endpoint(
        "reference-give-incomplete",
        "post",
        _link,
        data=lambda o: sent(employer="Somewhere"),
        public=True,
        scoped=False,
        editor_status=400,
    ),
    Endpoint(
        "reference-give-unknown",
        "get",
        lambda o: "/rights/reference/not-a-token/",
        public=True,
        scoped=False,
        editor_status=404,
    ),
    Endpoint(
        "reference-given", "get", lambda o: "/rights/reference/given/", public=True, scoped=False
    ),
    # the regulator's officers
    Endpoint("staff-payment-page", "get", _payment, reader_status=404),
    Endpoint(
        "staff-payment",
        "post",
        _payment,
        data=lambda o: sent(
            **{
                "paid_on-day": str(date.today().day),
                "paid_on-month": str(date.today().month),
                "paid_on-year": str(date.today().year),
            }
        ),
        write=True,
        editor_status=302,
        reader_status=404,
        written=lambda o: invoices_for(o["submitted"]).get().paid,
    ),
    Endpoint("staff-list", "get", lambda o: "/rights/staff/", scoped=False, reader_status=404),
    Endpoint("staff-case", "get", _staff(), reader_status=404),
    Endpoint("staff-decide-page", "get", _staff("decide/"), reader_status=404),
    Endpoint(
        "staff-decide",
        "post",
        _staff("decide/"),
        data=lambda o: sent(action="meets", version=o["submitted"].version),
        write=True,
        editor_status=302,
        reader_status=404,
        written=_state("submitted", "met"),
    ),
    Endpoint("staff-knowledge-page", "get", _staff("knowledge/decide/"), reader_status=404),
    Endpoint(
        "staff-knowledge-decide",
        "post",
        _staff("knowledge/decide/"),
        data=lambda o: sent(action="meets", version=o["submitted"].version),
        write=True,
        editor_status=302,
        reader_status=404,
        written=_knowledge_state("submitted", "met"),
    ),
)

MATRIX = PermissionMatrix(
    endpoints=ENDPOINTS
    + PORTFOLIO_ENDPOINTS
    + APPLICATION_ENDPOINTS
    + DECLARATION_ENDPOINTS
    + COMMITTEE_ENDPOINTS,
    urlconfs=("touchstone.rights.urls", "touchstone.rights.api.urls"),
    apps=("rights", "core"),
    secret=SECRET.encode(),
    readers_see_records=False,  # the regulator's other staff see no application
    refused_as_readers=("applicant", "editor"),
    never_offered_to_readers=(b"Record the decision</button>",),
)


def _recognition(applicant, application) -> None:
    knowledge_evidence_set(
        acting_user=applicant,
        application=application,
        route="recognition",
        description=f"LLB (Hons), awarded while at {SECRET}",
        file=uploaded(sample_pdf("Transcript"), name="transcript.pdf"),
    )


def build() -> dict:
    organisation = new_organisation("ips")
    officer = new_user("officer", (organisation, Role.OFFICER))
    applicant = new_user("matrix-applicant")
    application = application_start(
        acting_user=applicant, regulator=organisation, scheme="immigration"
    )
    period = experience_period_add(acting_user=applicant, application=application, **_work())
    _recognition(applicant, application)
    references.given(application)
    asked = references.requested(application, name="Bo Chen", email="bo.chen@example.org")
    other = new_user("matrix-submitter")
    submitted = application_start(acting_user=other, regulator=organisation, scheme="immigration")
    experience_period_add(acting_user=other, application=submitted, **_work())
    references.given(submitted)
    experience_submit(acting_user=other, application=submitted)
    _recognition(other, submitted)
    knowledge_submit(acting_user=other, application=submitted)
    supervisor = supervised(application)
    evidence = with_evidence(application, "2.3", matter=SECRET).evidence.get()
    supervised(submitted)
    submitted_evidence = with_evidence(submitted, "2.3", matter=SECRET).evidence.get()
    letter = DecisionLetter.objects.create(
        application=submitted,
        step="knowledge",
        decision="does_not_meet",
        upload=letter_store(
            organisation=organisation, filename="decision.pdf", pdf=sample_pdf(SECRET)
        ),
    )
    declaration = declared(submitted)
    # Step 4 under assessment (its moves there have their own tests): the officer may decide.
    Application.objects.filter(pk=submitted.pk).update(
        application_state="under_assessment", application_submitted_on=timezone.localdate()
    )
    referred = referred_case(organisation, officer, new_user("matrix-referred"))
    application.refresh_from_db()
    submitted.refresh_from_db()
    return {
        **declaration,
        "referred": referred,
        "letter": letter,
        "supervisor": supervisor,
        "evidence": evidence,
        "submitted_evidence": submitted_evidence,
        "organisation": organisation,
        "editor": officer,
        "applicant": applicant,
        "application": application,
        "period": period,
        "asked": asked,
        "submitted": submitted,
    }


globals().update(records_once(build))  # objs: built once, each test in a savepoint
globals().update(MATRIX.tests())  # test_anonymous, test_outsider, … (core.testing)
