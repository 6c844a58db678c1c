from django.urls import path

from touchstone.casework.api.views import cases, scorecard

urlpatterns = [
    path("scorecard/", scorecard.Scorecard.as_view(), name="api-casework-scorecard"),
    path("cases/", cases.CaseList.as_view(), name="api-casework-cases"),
]
