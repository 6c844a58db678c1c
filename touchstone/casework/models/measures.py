"""What the scorecard measures besides the cases themselves: the parties' satisfaction, the
service complaints about how a case was handled, and the KPI targets (kept with their
revisions)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from touchstone.casework.models.cases import Case, Jurisdiction
from touchstone.core.models import Versioned


class SurveyRole(models.TextChoices):
    COMPLAINANT = "complainant", "Complainant"
    PROVIDER = "provider", "Provider"


class SatisfactionResponse(models.Model):
    """A party's two answers at closure: satisfied with the outcome? with the service? Each is
    yes, no or not answered (null)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="satisfaction")
    party_role = models.CharField(max_length=20, choices=SurveyRole.choices)
    outcome_satisfied = models.BooleanField(null=True, blank=True)
    service_satisfied = models.BooleanField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["case", "party_role"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "party_role"], name="casework_satisfaction_once"
            )
        ]
        indexes = [  # the scorecard's counts read the answers from the index alone
            models.Index(
                fields=["case", "party_role", "outcome_satisfied", "service_satisfied"],
                name="casework_satisfaction_answers",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_party_role_display()}'s satisfaction with case {self.case_id}"


class ComplaintOutcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    PENDING = "pending", "Pending"


class ServiceComplaint(models.Model):
    """A party's complaint about how their case was handled, decided by an independent
    adjudicator."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="service_complaints")
    party_role = models.CharField(max_length=20, choices=SurveyRole.choices)
    outcome = models.CharField(
        max_length=20, choices=ComplaintOutcome.choices, default=ComplaintOutcome.PENDING
    )
    decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["case", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "party_role"], name="casework_service_complaint_once"
            ),
            models.CheckConstraint(
                condition=Q(outcome="pending", decided_on__isnull=True)
                | Q(outcome__in=["upheld", "not_upheld"]),
                name="casework_service_complaint_decided",
            ),
        ]

    def __str__(self) -> str:
        return f"Service complaint on case {self.case_id}: {self.get_outcome_display().lower()}"


class Measure(models.TextChoices):
    WITHIN_90 = "within_90_pct", "% concluded within 90 days"
    WITHIN_180 = "within_180_pct", "% concluded within 180 days"
    WITHIN_365 = "within_365_pct", "% concluded within 365 days"
    SATISFIED_SERVICE = "satisfied_with_outcome", "% satisfied with the service (outcome satisfied)"
    DISSATISFIED_SERVICE = (
        "dissatisfied_with_outcome",
        "% satisfied with the service (outcome dissatisfied)",
    )
    UPHELD = "upheld_pct", "% of service complaints upheld"


class TargetComplexity(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"
    ALL = "all", "All cases"


class KpiTarget(Versioned):
    """A KPI target for a year (the year it starts, April to March: 2019 is 2019/20), a
    jurisdiction and a complexity (or all cases). Revising it keeps the value before, with the
    reason, as a `KpiTargetRevision`."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="kpi_targets"
    )
    year = models.PositiveSmallIntegerField()
    jurisdiction = models.CharField(max_length=10, choices=Jurisdiction.choices)
    complexity = models.CharField(max_length=10, choices=TargetComplexity.choices)
    measure = models.CharField(max_length=40, choices=Measure.choices)
    value = models.DecimalField(max_digits=5, decimal_places=1)

    class Meta:
        ordering = ["organisation", "-year", "jurisdiction", "measure", "complexity"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "jurisdiction", "complexity", "measure"],
                name="casework_kpi_target_once",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0) & Q(value__lte=100), name="casework_kpi_target_pct"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="casework_kpi_target_year"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_measure_display()} target {self.year}/{(self.year + 1) % 100:02d} "
            f"({self.jurisdiction}, {self.complexity}): {self.value}"
        )


class KpiTargetRevision(models.Model):
    target = models.ForeignKey(KpiTarget, on_delete=models.CASCADE, related_name="revisions")
    value_before = models.DecimalField(max_digits=5, decimal_places=1)
    value = models.DecimalField(max_digits=5, decimal_places=1)
    reason = models.TextField()
    revised_at = models.DateTimeField()
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["target", "revised_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="casework_revision_reason")
        ]

    def __str__(self) -> str:
        return f"Revision of target {self.target_id}: {self.value_before} → {self.value}"
