from django.urls import path

from touchstone.casework.views import follow, public, scorecard, service_complaints

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
]
