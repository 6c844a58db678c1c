"""`touchstone db_worker`: django-tasks-db's worker with a lease, orphan recovery, periodic
schedules and reconnection with back-off. A separate app so that it can stand before
`django_tasks_db` in INSTALLED_APPS (the first app naming a command provides it)."""
