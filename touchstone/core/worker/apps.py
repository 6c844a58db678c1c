from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "touchstone.core.worker"
    label = "touchstone_worker"
    verbose_name = "Task worker"
