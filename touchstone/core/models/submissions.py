"""Writes made once: the submissions already handled, and the version every editable record
carries so an edit of an out-of-date copy is refused rather than silently undoing another's."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class Submission(models.Model):
    """One state-changing request, named by the one-time token its form carried (web) or the
    `Idempotency-Key` its client chose (API). The row is inserted before the write and
    completed after it, in the write's own transaction, so a repeat of the same submission
    finds the first one's outcome instead of writing again; a failed write leaves no row, so
    the same token can be sent again once the problem is put right."""

    class Channel(models.TextChoices):
        WEB = "web", "Form"
        API = "api", "API"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    channel = models.CharField(max_length=3, choices=Channel.choices)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    fingerprint = models.CharField(
        max_length=64, help_text="SHA-256 of the method, path and data sent."
    )
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    headers = models.JSONField(default=dict, blank=True, help_text="Location, ETag.")
    body = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="core_submission_one_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.method} {self.path} ({self.key})"


class Versioned(models.Model):
    """An editable record's version: it goes up by one with every saved change, forms carry
    it in a hidden field and the API as an ETag, and a service given an `expected_version`
    refuses to change a record that has moved on (`core.services.lock_for_change`)."""

    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up by one with every saved change."
    )

    class Meta:
        abstract = True
