"""Files a rolled-back write left in storage are removed by the sweep, once they are an hour
old; files an upload names, and files just stored, stay."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from touchstone.core.models import Upload
from touchstone.core.services import upload_store, uploads_sweep
from touchstone.core.testing import sample_pdf, uploaded

pytestmark = pytest.mark.django_db
LATER = timezone.now() + timedelta(hours=2)


@pytest.fixture(autouse=True)
def _storage_of_its_own(settings):
    """A storage no other test has left files in (the in-memory one lasts the process)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"location": "sweep"},
        },
    }


def _orphan(organisation, officer) -> str:
    """A file stored by a write that a later step then rolled back."""
    try:
        with transaction.atomic():
            upload = upload_store(
                acting_user=officer, organisation=organisation, file=uploaded(sample_pdf("x"))
            )
            raise RuntimeError("a later step fails")
    except RuntimeError:
        pass
    assert not Upload.objects.filter(pk=upload.pk).exists()
    assert default_storage.exists(upload.file.name)
    return upload.file.name


def test_an_orphaned_file_goes_and_a_named_one_stays(organisation, officer):
    orphan = _orphan(organisation, officer)
    kept = upload_store(acting_user=officer, organisation=organisation, file=uploaded(sample_pdf()))
    assert uploads_sweep() == 0  # just stored: a write may still be open
    assert uploads_sweep(now=LATER) == 1
    assert not default_storage.exists(orphan)
    assert default_storage.exists(kept.file.name)
    assert uploads_sweep(now=LATER) == 0  # twice is harmless


def test_the_command_says_how_many(organisation, officer, capsys, monkeypatch):
    _orphan(organisation, officer)
    monkeypatch.setattr("touchstone.core.services.uploads.timezone.now", lambda: LATER)
    call_command("uploads", "sweep")
    assert "1 unreferenced file removed" in capsys.readouterr().out
