from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from touchstone.core.api.views import api_not_found

api_v1 = [
    path("", include("touchstone.core.api.urls")),
    path("plans/", include("touchstone.plans.api.urls")),
    path("", include("touchstone.register.api.urls")),
    path("rights/", include("touchstone.rights.api.urls")),
    path("casework/", include("touchstone.casework.api.urls")),
    path("standards/", include("touchstone.standards.api.urls")),
    path("public/standards/", include("touchstone.standards.api.public_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file, so CSP needs no inline script.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api_docs.html"),
        name="api-docs",
    ),
    re_path(r"^.*$", api_not_found),
]

urlpatterns = [
    path("", include("touchstone.core.urls")),
    path("plans/", include("touchstone.plans.urls")),
    path("register/", include("touchstone.register.urls")),
    path("rights/", include("touchstone.rights.urls")),
    path("casework/", include("touchstone.casework.urls")),
    path("standards/", include("touchstone.standards.urls")),
    path("api/v1/", include(api_v1)),
]

# API paths answer JSON even for errors raised outside a view; a database that cannot be
# reached is a 503 with Retry-After (touchstone.core.error_pages).
handler400 = "touchstone.core.error_pages.bad_request"
handler403 = "touchstone.core.error_pages.permission_denied"
handler404 = "touchstone.core.error_pages.page_not_found"
handler500 = "touchstone.core.error_pages.server_error"
