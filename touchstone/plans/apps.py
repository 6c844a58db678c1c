from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "touchstone.plans"
    label = "plans"
    verbose_name = "Plans"
    navigation = ("Plans", "plans:list", False)
    home_panels = "touchstone.plans.home.panels"  # see touchstone.core.home
    demo_data = "touchstone.plans.demo.load"

    def ready(self) -> None:
        from touchstone.plans import permissions  # noqa: F401  (registers the rules predicates)
