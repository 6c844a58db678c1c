from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CaseworkConfig(AppConfig):
    name = "touchstone.casework"
    label = "casework"
    verbose_name = "Complaints and conduct casework"
    navigation = ("Casework", "casework:scorecard", False)
    home_panels = "touchstone.casework.home.panels"  # see touchstone.core.home
    demo_data = "touchstone.casework.demo.load"

    def ready(self) -> None:
        from touchstone.casework import permissions  # noqa: F401  (registers the rules)
        from touchstone.casework.reference import load_reference_data

        post_migrate.connect(load_reference_data, sender=self)
