from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RightsConfig(AppConfig):
    name = "touchstone.rights"
    label = "rights"
    verbose_name = "Practice rights"
    navigation = ("Practice rights", "rights:schemes", True)
    home_panels = "touchstone.rights.home.panels"  # see touchstone.core.home
    demo_data = "touchstone.rights.demo.load"

    def ready(self) -> None:
        from touchstone.rights import permissions  # noqa: F401  (registers the rules)
        from touchstone.rights.reference import load_reference_data

        post_migrate.connect(load_reference_data, sender=self)
