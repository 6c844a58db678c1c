from django.urls import path

from touchstone.rights.api.views import checks

urlpatterns = [
    path("<slug:scheme>/qe-check", checks.QeCheck.as_view(), name="api-rights-qe-check"),
    path(
        "<slug:scheme>/portfolio-check",
        checks.PortfolioCheck.as_view(),
        name="api-rights-portfolio-check",
    ),
]
