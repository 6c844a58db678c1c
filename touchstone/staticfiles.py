"""Django's static files app, configured for this project (named in INSTALLED_APPS)."""

from django.contrib.staticfiles.apps import StaticFilesConfig as StaticFilesAppConfig


class StaticFilesConfig(StaticFilesAppConfig):
    """`collectstatic` leaves out ReDoc (the API documentation is served with Swagger UI):
    the largest of the bundled front-ends, which every deploy would otherwise hash and
    compress for nothing."""

    ignore_patterns = [*StaticFilesAppConfig.ignore_patterns, "redoc"]
