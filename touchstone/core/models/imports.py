"""Uploads waiting for confirmation: the file a person previewed, held until they import it."""

import uuid

from django.conf import settings
from django.db import models


class PendingImport(models.Model):
    """An uploaded file that has been checked and shown as a preview, kept (for a few hours at
    most) so that confirming imports exactly the bytes that were previewed. Only the person who
    uploaded it can take it; taking it removes it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=60, help_text="Which import, e.g. plans.plan.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    options = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["created_by", "kind"])]

    def __str__(self) -> str:
        return f"{self.filename} ({self.kind})"
