"""Governance plans: plan → area → key target → action, with progress history."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from touchstone.core.models import Versioned
from touchstone.plans.rules import RAG_VALUES, STATUS_LABELS


class PlanKind(models.TextChoices):
    BUSINESS_PLAN = "business_plan", "Business plan"
    SERVICE_IMPROVEMENT_PLAN = "service_improvement_plan", "Service improvement plan"


ActionStatus = models.TextChoices(
    "ActionStatus", [(code, (code, label)) for code, label in STATUS_LABELS.items()]
)
Rag = models.TextChoices("Rag", [(code, (code, code.capitalize())) for code in RAG_VALUES])
# What an action without a RAG rating reads as, everywhere: pages, board report, API labels.
NOT_RATED = "Not rated"


class Plan(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="plans"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=PlanKind.choices)
    period = models.CharField(max_length=40, blank=True, help_text='As written, e.g. "2009-10".')
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "title"], name="plans_plan_unique_title"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": "The end of the plan's period must be the same as or after its start"}
            )


class Area(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="areas")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.name or "(no area)"

    @property
    def organisation(self):
        return self.plan.organisation


class KeyAim(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="aims")
    position = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["area", "position"]

    def __str__(self) -> str:
        return self.text


class KeyTarget(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveIntegerField()
    number = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["area", "position"]

    def __str__(self) -> str:
        if self.number is None:
            return self.text
        return (
            f"Key target {self.number}: {self.text}" if self.text else f"Key target {self.number}"
        )


class Action(Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    target = models.ForeignKey(KeyTarget, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveIntegerField(help_text="Order in the source plan.")
    ref = models.CharField(max_length=40, blank=True)
    text = models.TextField("action")
    due_text = models.CharField(
        "due as written", max_length=100, blank=True, help_text="The due date as written."
    )
    due_date = models.DateField(null=True, blank=True, db_index=True)
    recurring = models.BooleanField(default=False)
    leads_text = models.CharField(
        "leads as written", max_length=200, blank=True, help_text="Leads as written."
    )
    leads = models.JSONField(default=list, blank=True)
    lead_people = models.ManyToManyField("core.Person", blank=True, related_name="plan_actions")
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.not_started
    )
    rag = models.CharField("RAG", max_length=5, choices=Rag.choices, blank=True)
    comment = models.TextField(blank=True)
    last_progress_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # A progress event on the action records the progress note's fields (core's history page).
    history_records = {"record_progress": "plans.ProgressUpdate"}

    class Meta:
        ordering = ["plan", "position"]
        indexes = [models.Index(fields=["plan", "status"]), models.Index(fields=["plan", "rag"])]

    def __str__(self) -> str:
        label = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"{self.ref} {label}".strip()

    @property
    def rag_label(self) -> str:
        """The RAG in words: "Green", …, or "Not rated"."""
        return self.get_rag_display() if self.rag else NOT_RATED

    @property
    def organisation(self):
        return self.plan.organisation


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    recorded_on = models.DateField("date of the progress")
    text = models.TextField("progress made")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_label = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_on", "-id"]

    def __str__(self) -> str:
        return f"{self.recorded_on:%d %b %Y}: {self.text[:60]}"

    @property
    def organisation(self):
        return self.action.plan.organisation
