"""Due dates any module can register against any object, and the notifications they cause."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Deadline(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        MET = "met", "Met"
        CANCELLED = "cancelled", "Cancelled"

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="deadlines"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(max_length=60, help_text="What is due, e.g. plans.action.")
    label = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    due_on = models.DateField(db_index=True)
    warn_days = models.PositiveSmallIntegerField(
        default=14, help_text="Warn the people responsible this many days before."
    )
    warnings = models.JSONField(
        default=list,
        blank=True,
        help_text="Days before the due date to warn on, each once (e.g. [91, 30, 7]); when "
        "empty, one warning `warn_days` before.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    responsible = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "kind"], name="core_deadline_one_per_kind"
            )
        ]
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self) -> str:
        return f"{self.label} (due {self.due_on:%d %b %Y})"


class Notification(models.Model):
    """A message to one user. `key` makes sending idempotent: one key, one notification."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(max_length=200, unique=True)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    attachment = models.ForeignKey(
        "core.Upload",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="A file sent with the email (a letter), if any.",
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject
