"""An individual's postcode is private: the public search column no longer holds it."""

from django.db import migrations


def forwards(apps, schema_editor):
    Registrant = apps.get_model("register", "Registrant")
    Registrant.objects.filter(kind="individual").exclude(search_postcode="").update(
        search_postcode=""
    )


class Migration(migrations.Migration):
    dependencies = [("register", "0006_order_by_family_name")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
