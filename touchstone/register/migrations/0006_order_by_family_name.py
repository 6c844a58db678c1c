from django.db import migrations


def order_by_family_name(apps, schema_editor):
    """The register is ordered by family name, then given names (titles no longer count)."""
    from django.db.models import OuterRef, Subquery, Value
    from django.db.models.functions import Concat

    from touchstone.register import rules

    Registrant = apps.get_model("register", "Registrant")
    RegistrantWord = apps.get_model("register", "RegistrantWord")
    batch = []
    for registrant in Registrant.objects.only(
        "kind", "given_names", "family_name", "entity_name", "search_name"
    ).iterator(chunk_size=2000):
        registrant.search_name = rules.order_name(
            kind=registrant.kind,
            given_names=registrant.given_names,
            family_name=registrant.family_name,
            entity_name=registrant.entity_name,
        )
        batch.append(registrant)
        if len(batch) == 2000:
            Registrant.objects.bulk_update(batch, ["search_name"])
            batch = []
    Registrant.objects.bulk_update(batch, ["search_name"])
    place = Registrant.objects.filter(pk=OuterRef("registrant_id")).annotate(
        key=Concat("search_name", Value("\t"), "number")
    )
    RegistrantWord.objects.update(sort_key=Subquery(place.values("key")[:1]))


class Migration(migrations.Migration):
    dependencies = [("register", "0005_public_filters_index")]

    operations = [migrations.RunPython(order_by_family_name, migrations.RunPython.noop)]
