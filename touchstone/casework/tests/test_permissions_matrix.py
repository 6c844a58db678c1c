"""Every casework address, web and API, tried as anonymous, an officer of another body, the
ombudsman's read-only staff and its manager (core.testing.PermissionMatrix): the scorecard is
its own organisation's staff's, and no one else sees its figures or its name."""

from touchstone.casework import services
from touchstone.casework.models import ComplaintDraft, ServiceComplaint
from touchstone.casework.tests.build import concluded, new_case
from touchstone.core.models import OrganisationKind, Role
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

PERIOD = "date_from=2025-04-01&date_to=2026-03-31"


def build() -> dict:
    ombudsman = new_organisation("matrix-ombudsman", OrganisationKind.OMBUDSMAN)
    case = concluded(new_case(ombudsman, "M-1"))
    complainant = case.parties.get(role="complainant")
    complainant.email = "alex@example.org"
    complainant.save()
    _link, follow = services.follow_link_send(case=case, party=complainant)
    evidence = services.case_evidence_send(token=follow, file=uploaded(sample_pdf("Bill")))
    services.service_complaint_make(token=follow, text="Nobody answered for months")
    draft = ComplaintDraft.objects.create(organisation=ombudsman, answers={"you": {"name": "A"}})
    _link, draft_token = services.complaint_save_for_later(draft=draft, email="a@example.org")
    return {
        "organisation": ombudsman,
        "case": case,
        "follow": follow,
        "upload": evidence.upload_id,
        "survey": services.survey_send(case)[0],
        "draft": draft_token,
        "editor": new_user("matrix-manager", (ombudsman, Role.MANAGER)),
        "adjudicator": new_user("matrix-adjudicator", (ombudsman, Role.OFFICER)),
    }


NOT_FOR_PANELS = (("committee_member", 404),)


def public(name: str, method: str, url, status: int = 200) -> Endpoint:
    """A page of the public's side: it answers alike whoever is signed in (its own checks are
    the draft in the browser's session and the emailed link). A POST here sends nothing
    filled in, so it is refused (400) or sent back to the start, and writes nothing."""
    return Endpoint(name, method, url, public=True, scoped=False, editor_status=status)


def _follow(o, rest: str = "") -> str:
    return f"/casework/case/{o['follow']}/{rest}"


def _decided(o) -> bool:
    return ServiceComplaint.objects.get(case=o["case"]).outcome == "upheld"


def _decision(o) -> str:
    return f"/casework/service-complaints/{ServiceComplaint.objects.get(case=o['case']).pk}/"


def _decision_data(o) -> dict:
    key = ServiceComplaint.objects.get(case=o["case"]).pk
    return sent({f"complaint-{key}-outcome": "upheld"})


ADJUDICATOR = (
    Endpoint(
        "service complaints",
        "get",
        lambda o: "/casework/service-complaints/",
        scoped=False,
        editor="adjudicator",
        reader_status=404,
    ),
    Endpoint(
        "service complaint decision page",
        "get",
        _decision,
        editor="adjudicator",
        editor_status=302,
        reader_status=404,
    ),
    Endpoint(
        "service complaint decided",
        "post",
        _decision,
        data=_decision_data,
        write=True,
        editor="adjudicator",
        editor_status=302,
        reader_status=404,
        written=_decided,
    ),
)

PUBLIC = (
    public("complaint start", "get", lambda o: "/casework/complain/"),
    public("complaint start for", "get", lambda o: "/casework/matrix-ombudsman/complain/"),
    public("question", "get", lambda o: "/casework/complain/you/"),
    public("question sent", "post", lambda o: "/casework/complain/you/", 400),
    public("later question", "get", lambda o: "/casework/complain/outcome/", 302),
    public("provider", "get", lambda o: "/casework/complain/provider/", 302),
    public("provider sent", "post", lambda o: "/casework/complain/provider/", 302),
    public("rules", "get", lambda o: "/casework/complain/complaining-first/", 302),
    public("evidence", "get", lambda o: "/casework/complain/evidence/", 302),
    public("evidence sent", "post", lambda o: "/casework/complain/evidence/", 302),
    public("check", "get", lambda o: "/casework/complain/check/", 302),
    public("check sent", "post", lambda o: "/casework/complain/check/", 302),
    public("sent", "get", lambda o: "/casework/complain/sent/", 302),
    public("save", "get", lambda o: "/casework/complain/save/", 302),
    public("save sent", "post", lambda o: "/casework/complain/save/", 302),
    public("come back", "get", lambda o: f"/casework/complain/return/{o['draft']}/"),
    public("come back, wrong", "post", lambda o: "/casework/complain/return/wrong/", 404),
    public("new link", "get", lambda o: "/casework/case/new-link/"),
    public("new link sent", "post", lambda o: "/casework/case/new-link/", 400),
    public("follow", "get", _follow),
    public("follow sent", "post", _follow, 400),
    public("follow, wrong", "get", lambda o: "/casework/case/wrong/", 404),
    public("follow evidence", "get", lambda o: _follow(o, f"evidence/{o['upload']}/")),
    public("service complaint", "get", lambda o: _follow(o, "service-complaint/")),
    public("service complaint sent", "post", lambda o: _follow(o, "service-complaint/"), 400),
    public("survey", "get", lambda o: f"/casework/survey/{o['survey']}/"),
    public("survey sent", "post", lambda o: f"/casework/survey/{o['survey']}/", 400),
    public("survey, wrong", "get", lambda o: "/casework/survey/wrong/", 404),
)
MATRIX = PermissionMatrix(
    endpoints=(
        Endpoint(
            "scorecard page",
            "get",
            lambda o: f"/casework/scorecard/?{PERIOD}",
            scoped=False,
            reader_statuses=NOT_FOR_PANELS,
        ),
        Endpoint(
            "scorecard csv",
            "get",
            lambda o: f"/casework/scorecard.csv?{PERIOD}",
            scoped=False,
            reader_statuses=NOT_FOR_PANELS,
        ),
        Endpoint(
            "scorecard api",
            "get",
            lambda o: "/api/v1/casework/scorecard/?from=2025-04-01&to=2026-03-31",
            api=True,
            scoped=False,
            reader_statuses=(("committee_member", 403),),
        ),
        *ADJUDICATOR,
        *PUBLIC,
    ),
    urlconfs=("touchstone.casework.urls", "touchstone.casework.api.urls"),
    apps=("casework",),
    secret=b"Matrix Ombudsman",
)

globals().update(records_once(build))
globals().update(MATRIX.tests())
