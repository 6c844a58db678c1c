from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "touchstone.core"
    label = "core"
    verbose_name = "Core"
    demo_data = "touchstone.core.demo.load"

    def ready(self) -> None:
        from touchstone.core import checks, permissions  # noqa: F401  (they register themselves)
