"""Every casework address, web and API, tried as anonymous, an officer of another body, the
ombudsman's caseworker and committee member, its manager and its ombudsman (an officer)
(core.testing.PermissionMatrix): the scorecard is its own organisation's staff's, the queue and
the cases its casework staff's, and no one else sees its figures, its cases or its name."""

from datetime import timedelta

from django.utils import timezone

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
    received = new_case(ombudsman, "M-2", complainant_email="alex@example.com")
    asked = services.information_request(
        acting_user=None,
        case=received,
        party=received.parties.get(),
        asked="Your engagement letter",
        due_on=timezone.localdate() + timedelta(days=10),
    )
    decided = services.case_decide(
        acting_user=None,
        case=new_case(ombudsman, "M-3"),
        allegation="Delay",
        facts_found="Six months' delay",
        findings="Poor service",
        outcome="remedy",
        remedy="apology",
        reasons="The firm did not keep the complainant informed",
        decided_on=timezone.localdate(),
    )
    regulator = new_organisation("matrix-regulator", OrganisationKind.REGULATOR)
    regulator_admin = new_user("matrix-regulator-admin", (regulator, Role.ADMIN))
    seat = services.council_member_record(
        acting_user=None,
        organisation=regulator,
        member=new_user("matrix-council", (regulator, Role.OFFICER)),
        started_on=timezone.localdate(),
    )
    return {
        "organisation": ombudsman,
        "case": case,
        "follow": follow,
        "upload": evidence.upload_id,
        "survey": services.survey_send(case)[0],
        "draft": draft_token,
        "editor": new_user("matrix-manager", (ombudsman, Role.MANAGER)),
        "adjudicator": new_user("matrix-adjudicator", (ombudsman, Role.OFFICER)),
        "decided": decided,
        "regulator_admin": regulator_admin,
        "seat": seat,
        "received": received,
        "asked": asked,
        "decider": new_user("matrix-decider", (ombudsman, Role.OFFICER)),
    }


def _on_case(name: str, path: str, key: str = "received", **options) -> Endpoint:
    """A page of a case, the officer's to use; a caseworker may use it too unless
    `reader_statuses` says otherwise."""
    return Endpoint(
        name,
        "get",
        lambda o: f"/casework/staff/cases/{o[key].pk}/{path}",
        editor="decider",
        **options,
    )


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
# not a role of the ombudsman's stages, nor one that accepts or triages (casework.handle_case)
NOT_FOR_PANELS_HERE = (("committee_member", 403),)
ASSIGNERS_ONLY = (("caseworker", 403), ("committee_member", 403))
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
        # An officer of another body sees the queue of their own body (an empty one), never
        # this ombudsman's cases or name.
        Endpoint(
            "queue page",
            "get",
            lambda o: "/casework/staff/?state=all",
            scoped=False,
            editor="decider",
        ),
        Endpoint(
            "queue csv",
            "get",
            lambda o: "/casework/staff/cases.csv?state=all",
            scoped=False,
            editor="decider",
        ),
        Endpoint(
            "queue xlsx",
            "get",
            lambda o: "/casework/staff/cases.xlsx",
            scoped=False,
            editor="decider",
        ),
        Endpoint(
            "queue api",
            "get",
            lambda o: "/api/v1/casework/cases/?state=all",
            api=True,
            scoped=False,
            editor="decider",
        ),
        _on_case("case page", "", key="case"),
        _on_case("assign", "assign/", reader_statuses=ASSIGNERS_ONLY),
        _on_case("accept", "accept/", reader_statuses=NOT_FOR_PANELS_HERE),
        _on_case("triage", "triage/", reader_statuses=NOT_FOR_PANELS_HERE),
        _on_case("move on", "move/", reader_statuses=NOT_FOR_PANELS_HERE),
        _on_case("note", "note/"),
        _on_case("request information", "request/"),
        Endpoint(
            "information received",
            "get",
            lambda o: (
                f"/casework/staff/cases/{o['received'].pk}/requests/{o['asked'].pk}/received/"
            ),
            editor="decider",
        ),
        _on_case("reopen", "reopen/", key="case", reader_statuses=NOT_FOR_PANELS_HERE),
        _on_case("decide", "decide/", reader_statuses=NOT_FOR_PANELS_HERE),
        # an ombudsman's case has no panel: refused to all its staff
        _on_case("panel", "panel/", editor_status=403, reader_status=403),
        # the council is a regulator's record, its administrators' alone
        Endpoint(
            "council",
            "get",
            lambda o: "/casework/staff/council/",
            scoped=False,
            editor="regulator_admin",
            reader_status=404,
            outsider_status=404,
        ),
        Endpoint(
            "council seat ended",
            "get",
            lambda o: f"/casework/staff/council/{o['seat'].pk}/end/",
            editor="regulator_admin",
            reader_status=404,
        ),
        Endpoint(
            "decision letter",
            "get",
            lambda o: (
                f"/casework/staff/cases/{o['decided'].case_id}/decisions/"
                f"{o['decided'].pk}/letter.pdf"
            ),
            editor="decider",
        ),
        Endpoint(
            "assign refused to a caseworker",
            "post",
            lambda o: f"/casework/staff/cases/{o['received'].pk}/assign/",
            data=lambda o: sent(version=o["received"].version, caseworker=""),
            write=True,
            editor="decider",
            editor_status=302,
        ),
    ),
    urlconfs=("touchstone.casework.urls", "touchstone.casework.api.urls"),
    apps=("casework",),
    secret=b"Matrix Ombudsman",
)

globals().update(records_once(build))
globals().update(MATRIX.tests())
