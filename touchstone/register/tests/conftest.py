from touchstone.register.tests.fixtures import PRIVATE_VALUES, register  # noqa: F401
