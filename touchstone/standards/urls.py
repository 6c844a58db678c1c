from django.urls import path

from touchstone.standards.views import frameworks

app_name = "standards"

urlpatterns = [
    path("", frameworks.framework_list, name="frameworks"),
    path("frameworks/<slug:ref_id>/", frameworks.framework_detail, name="framework"),
    path(
        "frameworks/<slug:ref_id>/download/",
        frameworks.framework_download,
        name="framework-download",
    ),
]
