from django.urls import path

from touchstone.casework.views import cases, council, decisions, queues, scorecard

app_name = "casework"

urlpatterns = [
    path("scorecard/", scorecard.scorecard_page, name="scorecard"),
    path("scorecard.csv", scorecard.scorecard_csv, name="scorecard-csv"),
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
