from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegisterConfig(AppConfig):
    name = "touchstone.register"
    label = "register"
    verbose_name = "Register"
    navigation = ("Register", "register:search", True)
    home_panels = "touchstone.register.home.panels"  # see touchstone.core.home
    demo_data = "touchstone.register.demo.load"

    def ready(self) -> None:
        from touchstone.register import permissions  # noqa: F401  (registers the rules)
        from touchstone.register.reference import load_reference_data

        post_migrate.connect(load_reference_data, sender=self)
