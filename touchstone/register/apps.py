from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "touchstone.register"
    label = "register"
    verbose_name = "Register"
    navigation = ("Register", "register:search", True)
