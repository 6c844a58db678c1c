"""On PostgreSQL, refuse TRUNCATE on the audit table too.

Row triggers (migration 0002) do not fire on TRUNCATE, so without this a role allowed to
truncate could empty the trail in one statement. The statement-level trigger fires for every
role, the owner included; only a superuser session with `session_replication_role = replica`
(which skips ordinary triggers) can get past it, which is what the test suite's flush between
transactional tests does.
"""

from django.db import migrations

CREATE = """
CREATE TRIGGER core_auditevent_no_truncate
    BEFORE TRUNCATE ON core_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_append_only();
"""

DROP = "DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent;"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_pending_imports")]
    operations = [migrations.RunPython(forwards, backwards)]
