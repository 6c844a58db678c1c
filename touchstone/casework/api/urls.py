from django.urls import path

from touchstone.casework.api.views import scorecard

urlpatterns = [
    path("scorecard/", scorecard.Scorecard.as_view(), name="api-casework-scorecard"),
]
