"""`touchstone demo-data`: load each module's demo data (idempotent). Development only."""

from django.apps import apps
from django.utils.module_loading import import_string

from touchstone.core.management.base import TouchstoneCommand


class Command(TouchstoneCommand):
    help = "Load demo organisations, users and each module's demo data (safe to run again)."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            loader = getattr(config, "demo_data", None)
            if loader:
                import_string(loader)(self.stdout)
