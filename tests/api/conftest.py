from touchstone.register.tests.fixtures import register  # noqa: F401  (shared fixture)
