from django.urls import path

from touchstone.standards.views import coverage, frameworks

app_name = "standards"

urlpatterns = [
    path("", frameworks.framework_list, name="frameworks"),
    path("frameworks/<slug:ref_id>/", frameworks.framework_detail, name="framework"),
    path(
        "frameworks/<slug:ref_id>/download/",
        frameworks.framework_download,
        name="framework-download",
    ),
    path(
        "frameworks/<slug:ref_id>/coverage/",
        coverage.framework_coverage,
        name="framework-coverage",
    ),
    path(
        "frameworks/<slug:held_ref_id>/mapped-to/<slug:ref_id>/",
        coverage.clauses_mapped_to,
        name="clauses-mapped",
    ),
]
