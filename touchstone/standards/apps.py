from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StandardsConfig(AppConfig):
    name = "touchstone.standards"
    label = "standards"
    verbose_name = "Quality standards"
    navigation = ("Quality standards", "standards:frameworks", True)
    home_panels = "touchstone.standards.home.panels"  # see touchstone.core.home
    demo_data = "touchstone.standards.demo.load"

    def ready(self) -> None:
        from touchstone.standards import permissions  # noqa: F401  (registers the rules)
        from touchstone.standards.reference import load_reference_data

        post_migrate.connect(load_reference_data, sender=self)
