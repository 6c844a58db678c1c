"""A request for information from a party to a case, with the date it is due: the caseworker
is reminded through core's deadlines, the party by email when they have an address."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class InformationRequest(models.Model):
    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="information_requests"
    )
    party = models.ForeignKey(
        "casework.Party", on_delete=models.PROTECT, related_name="information_requests"
    )
    asked = models.TextField(help_text="What the party is asked to send.")
    due_on = models.DateField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField()
    party_reminded_on = models.DateField(
        null=True, blank=True, help_text="When the party was last reminded by email."
    )
    received_on = models.DateField(null=True, blank=True)
    received_note = models.TextField(blank=True)

    class Meta:
        ordering = ["case", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(received_on__isnull=False) | Q(received_note=""),
                name="casework_information_note_when_received",
            )
        ]
        indexes = [
            models.Index(
                fields=["due_on"],
                condition=Q(received_on__isnull=True),
                name="casework_information_open",
            )
        ]

    def __str__(self) -> str:
        return f"Information from {self.party.name} (case {self.case_id})"

    @property
    def is_open(self) -> bool:
        return self.received_on is None
