"""Access links: a secure, single-use, expiring address sent by email to someone with no
account (a supervisor giving a reference, a signatory of a declaration). Only the SHA-256 of
the random token is kept, so the address cannot be read back from the database."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AccessLink(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="access_links"
    )
    purpose = models.CharField(
        max_length=60, help_text='What the link is for, e.g. "rights.reference".'
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    name = models.CharField(max_length=200, help_text="Who the link was sent to.")
    email = models.EmailField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_from = models.GenericIPAddressField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.purpose} link for {self.name}"

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()
