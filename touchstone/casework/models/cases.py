"""A case: a complaint to the ombudsman or a conduct allegation to a regulator, moved through
its scheme's stages by the services, with its parties and its timeline."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from touchstone.casework.models.schemes import Scheme
from touchstone.core.models import OrganisationKind, Versioned

SCHEME_ORGANISATION = {
    Scheme.OMBUDSMAN: OrganisationKind.OMBUDSMAN,
    Scheme.CONDUCT: OrganisationKind.REGULATOR,
}


class Jurisdiction(models.TextChoices):
    LEGAL = "legal", "Legal services"
    CMC = "cmc", "Claims management"


class Complexity(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class Case(Versioned):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="cases"
    )
    reference = models.CharField(max_length=40)
    scheme = models.CharField(max_length=20, choices=Scheme.choices)
    jurisdiction = models.CharField(max_length=10, choices=Jurisdiction.choices)
    complexity = models.CharField(
        max_length=10, choices=Complexity.choices, blank=True, help_text="Set at triage."
    )
    stage = models.CharField(max_length=40)
    provider = models.ForeignKey(
        "register.Registrant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        help_text="The register entry complained about, where there is one.",
    )
    provider_name = models.CharField(max_length=200, blank=True)
    provider_unregulated = models.BooleanField(
        default=False, help_text="The provider is not on the register."
    )
    area_of_law = models.CharField(max_length=100, blank=True)
    received_on = models.DateField()
    accepted_on = models.DateField(null=True, blank=True, help_text="The timeliness clock starts.")
    concluded_on = models.DateField(null=True, blank=True)
    days_to_conclude = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="Concluded on − accepted on, in days."
    )
    outcome = models.CharField(max_length=40, blank=True)
    remedy = models.CharField(max_length=40, blank=True, help_text="Remedy or sanction.")
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
    )

    class Meta:
        ordering = ["-received_on", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"],
                name="casework_case_reference",
                violation_error_message="The organisation already has a case with this reference.",
            ),
            models.CheckConstraint(
                condition=Q(accepted_on__isnull=True) | Q(accepted_on__gte=F("received_on")),
                name="casework_case_accepted_after_received",
            ),
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True) | Q(concluded_on__gte=F("received_on")),
                name="casework_case_concluded_after_received",
            ),
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True)
                | Q(accepted_on__isnull=True)
                | Q(concluded_on__gte=F("accepted_on")),
                name="casework_case_concluded_after_accepted",
            ),
            models.CheckConstraint(
                condition=Q(concluded_on__isnull=True, outcome="")
                | (Q(concluded_on__isnull=False) & ~Q(outcome="")),
                name="casework_case_outcome_when_concluded",
            ),
            models.CheckConstraint(
                condition=Q(days_to_conclude__isnull=True)
                | Q(concluded_on__isnull=False, accepted_on__isnull=False),
                name="casework_case_days_when_concluded",
            ),
            models.CheckConstraint(
                condition=~Q(provider_name="") | Q(provider__isnull=False),
                name="casework_case_provider_named",
            ),
        ]
        indexes = [
            # Covers every column the scorecard reads of the cases concluded in a period
            # (and of those open at its end), so its counts never touch the table itself.
            models.Index(
                fields=[
                    "organisation",
                    "scheme",
                    "concluded_on",
                    "jurisdiction",
                    "complexity",
                    "days_to_conclude",
                    "accepted_on",
                ],
                name="casework_case_concluded",
            ),
            models.Index(
                fields=["organisation", "scheme", "accepted_on", "concluded_on"],
                name="casework_case_accepted",
            ),
            # The caseworkers' queue: a page of the open cases (or of one stage's, or of all)
            # in the order received, read from an index rather than sorted.
            models.Index(
                fields=["organisation", "scheme", "stage", "received_on"],
                name="casework_case_stage",
            ),
            models.Index(
                fields=["organisation", "scheme", "received_on"],
                condition=Q(concluded_on__isnull=True),
                name="casework_case_open",
            ),
            models.Index(
                fields=["organisation", "scheme", "received_on"], name="casework_case_received"
            ),
            models.Index(
                fields=["caseworker", "organisation", "scheme", "received_on"],
                name="casework_case_caseworker",
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.reference}"

    def clean(self) -> None:
        errors = {}
        organisation = getattr(self, "organisation", None)
        wanted = SCHEME_ORGANISATION.get(self.scheme)
        if organisation is not None and wanted and organisation.kind != wanted:
            errors["organisation"] = (
                f"{Scheme(self.scheme).label} cases are run by an organisation of kind {wanted}."
            )
        if self.provider_id is not None and self.provider_unregulated:
            errors["provider_unregulated"] = "A provider on the register is not unregulated."
        expected = None
        if self.concluded_on and self.accepted_on:
            expected = (self.concluded_on - self.accepted_on).days
        if self.days_to_conclude != expected:
            errors["days_to_conclude"] = "The days to conclude do not match the case's dates."
        if errors:
            raise ValidationError(errors)

    @property
    def is_concluded(self) -> bool:
        return self.concluded_on is not None


class PartyRole(models.TextChoices):
    COMPLAINANT = "complainant", "Complainant"
    PROVIDER = "provider", "Provider"
    REPRESENTATIVE = "representative", "Representative"


class Party(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    represents = models.CharField(
        max_length=20,
        choices=PartyRole.choices,
        blank=True,
        help_text="For a representative: the party they act for.",
    )

    class Meta:
        ordering = ["case", "role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role="representative", represents__in=["complainant", "provider"])
                | (~Q(role="representative") & Q(represents="")),
                name="casework_party_represents",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display().lower()})"


class EventKind(models.TextChoices):
    RECEIVED = "received", "Received"
    ACCEPTED = "accepted", "Accepted"
    TRIAGED = "triaged", "Triaged"
    MOVED = "moved", "Moved to a stage"
    ASSIGNED = "assigned", "Assigned"
    CONCLUDED = "concluded", "Concluded"
    REOPENED = "reopened", "Reopened"
    RECORDED = "recorded", "Recorded from an import"
    NOTE = "note", "Investigation note"
    INFORMATION_REQUESTED = "information_requested", "Information requested"
    INFORMATION_RECEIVED = "information_received", "Information received"
    PANEL_MEMBER_ADDED = "panel_member_added", "Panel member added"
    LETTER_SENT = "letter_sent", "Decision letter sent"


class CaseEvent(models.Model):
    """One entry of a case's timeline, written by the service that made the change."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    from_stage = models.CharField(max_length=40, blank=True)
    to_stage = models.CharField(max_length=40, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["case", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: case {self.case_id}"
