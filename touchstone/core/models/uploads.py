import secrets
import uuid

from django.conf import settings
from django.db import models

from touchstone.core.uploads import KINDS

UPLOADS_DIR = "uploads"


def stored_name(instance, filename: str) -> str:
    """Where a file is stored: a random name under uploads/, never the uploader's name."""
    return f"{UPLOADS_DIR}/{secrets.token_hex(16)}"


class Upload(models.Model):
    """A file someone uploaded, checked by its content (`core.uploads`) and stored under a
    random name. Its address is its UUID; it is served only as an attachment
    (`core.web.upload_response`), by the views of the module that holds it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="uploads"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uploads",
    )
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=[(k, words) for k, (_, words) in KINDS.items()])
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to=stored_name, max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.original_name
