"""A case's reasoned decision in the standard format (seed 000, key target 5): the complaint
or allegation, the facts found, the findings, the outcome with its remedy or sanction, and the
reasons; who decided (an ombudsman, a delegated officer, or a named panel or tribunal), its
letter, and for a conduct finding its publication on the register. And what independence
needs recorded: the members of a conduct case's panel, and who sits on the professional
body's council (the regulator's board is a core role)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class DecisionMaker(models.TextChoices):
    OMBUDSMAN = "ombudsman", "An ombudsman"
    DELEGATED = "delegated", "A delegated officer"
    PANEL = "panel", "A panel"
    TRIBUNAL = "tribunal", "The tribunal"


class Decision(models.Model):
    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="decisions")
    allegation = models.TextField(help_text="The complaint or allegation decided.")
    facts_found = models.TextField()
    findings = models.TextField()
    outcome = models.CharField(max_length=40)
    remedy = models.CharField(max_length=40, blank=True, help_text="Remedy or sanction.")
    reasons = models.TextField()
    decided_on = models.DateField()
    decided_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    maker = models.CharField(max_length=20, choices=DecisionMaker.choices)
    panel = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    letter = models.ForeignKey(
        "core.Upload", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    publish = models.BooleanField(default=False, help_text="Published on the register.")
    publish_from = models.DateField(null=True, blank=True)
    publish_until = models.DateField(null=True, blank=True)
    finding = models.ForeignKey(
        "register.Finding",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The finding written to the register, where one was published.",
    )

    class Meta:
        ordering = ["case", "-decided_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(publish=False) | Q(publish_from__isnull=False),
                name="casework_decision_published_from",
            )
        ]

    def __str__(self) -> str:
        return f"Decision on case {self.case_id}: {self.outcome}"


class PanelMember(models.Model):
    """A named member of the panel or tribunal that will decide a conduct case."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="panel_members"
    )
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "member"],
                name="casework_panel_member_once",
                violation_error_message="They are already on the case's panel.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} on the panel of case {self.case_id}"


class CouncilSeat(models.Model):
    """A person the regulator records as sitting on the professional body's council, from
    `started_on` until `ended_on` (open: still sitting). While sitting they take no part in a
    conduct case, as the regulator's board members (core `Role.BOARD_MEMBER`) take none."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="council_seats"
    )
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["organisation", "-started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="casework_council_seat_dates",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} on the council ({self.organisation})"
