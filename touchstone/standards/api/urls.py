from django.urls import path

from touchstone.standards.api.views import assessment, frameworks

urlpatterns = [
    path("frameworks/", frameworks.FrameworkList.as_view(), name="api-standards-frameworks"),
    path(
        "frameworks/<slug:ref_id>/",
        frameworks.FrameworkStandards.as_view(),
        name="api-standards-framework",
    ),
    path(
        "<slug:ref_id>/assessment-check",
        assessment.AssessmentCheck.as_view(),
        name="api-standards-assessment-check",
    ),
]
