from django.urls import path

from touchstone.casework.views import scorecard

app_name = "casework"

urlpatterns = [
    path("scorecard/", scorecard.scorecard_page, name="scorecard"),
    path("scorecard.csv", scorecard.scorecard_csv, name="scorecard-csv"),
]
