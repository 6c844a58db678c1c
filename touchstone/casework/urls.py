from django.urls import path

from touchstone.casework.views import (
    cases,
    council,
    decisions,
    follow,
    public,
    queues,
    scorecard,
    service_complaints,
)

app_name = "casework"

urlpatterns = [
    path("scorecard/", scorecard.scorecard_page, name="scorecard"),
    path("scorecard.csv", scorecard.scorecard_csv, name="scorecard-csv"),
    path("service-complaints/", service_complaints.service_complaints, name="service-complaints"),
    path(
        "service-complaints/<int:pk>/",
        service_complaints.service_complaint_decide,
        name="service-complaint-decide",
    ),
    # The public's side: the web complaint form, and following a case by its emailed link.
    path("complain/", public.start, name="complain"),
    path("complain/provider/", public.provider, name="complain-provider"),
    path("complain/complaining-first/", public.rules_page, name="complain-rules"),
    path("complain/evidence/", public.evidence, name="complain-evidence"),
    path("complain/check/", public.check, name="complain-check"),
    path("complain/sent/", public.sent, name="complain-sent"),
    path("complain/save/", public.save_for_later, name="complain-save"),
    path("complain/return/<str:token>/", public.come_back, name="complain-return"),
    path("complain/<slug:page>/", public.question, name="complain-page"),
    path("<slug:organisation>/complain/", public.start, name="complain-for"),
    path("case/new-link/", follow.new_link, name="follow-new-link"),
    path("case/<str:token>/", follow.follow, name="follow"),
    path(
        "case/<str:token>/evidence/<uuid:upload_id>/",
        follow.follow_evidence,
        name="follow-evidence",
    ),
    path(
        "case/<str:token>/service-complaint/",
        follow.service_complaint,
        name="follow-service-complaint",
    ),
    path("survey/<str:token>/", follow.survey, name="survey"),
    path("staff/", queues.queue_page, name="staff-queue"),
    path("staff/cases.csv", queues.queue_export, {"fmt": "csv"}, name="staff-queue-csv"),
    path("staff/cases.xlsx", queues.queue_export, {"fmt": "xlsx"}, name="staff-queue-xlsx"),
    path("staff/council/", council.council_page, name="staff-council"),
    path("staff/council/<int:pk>/end/", council.council_end, name="staff-council-end"),
    path("staff/cases/<int:pk>/", cases.case_page, name="staff-case"),
    path("staff/cases/<int:pk>/assign/", cases.case_assign, name="staff-case-assign"),
    path("staff/cases/<int:pk>/accept/", cases.case_accept, name="staff-case-accept"),
    path("staff/cases/<int:pk>/triage/", cases.case_triage, name="staff-case-triage"),
    path("staff/cases/<int:pk>/move/", cases.case_move, name="staff-case-move"),
    path("staff/cases/<int:pk>/note/", cases.case_note, name="staff-case-note"),
    path("staff/cases/<int:pk>/request/", cases.case_request, name="staff-case-request"),
    path(
        "staff/cases/<int:pk>/requests/<int:request_pk>/received/",
        cases.case_information_received,
        name="staff-case-received",
    ),
    path("staff/cases/<int:pk>/reopen/", cases.case_reopen, name="staff-case-reopen"),
    path("staff/cases/<int:pk>/panel/", cases.case_panel, name="staff-case-panel"),
    path("staff/cases/<int:pk>/decide/", decisions.case_decide, name="staff-case-decide"),
    path(
        "staff/cases/<int:pk>/decisions/<int:decision_pk>/letter.pdf",
        decisions.decision_letter,
        name="staff-decision-letter",
    ),
]
