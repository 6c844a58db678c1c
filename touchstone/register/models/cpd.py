"""Continuing professional development: the scheme (data with an effective date), each
member's yearly record, and the annual monitoring sample."""

from django.conf import settings
from django.db import models

from touchstone.core.models import Versioned
from touchstone.register.models.registrants import Registrant


class CpdScheme(models.Model):
    """CPD requirements, as data with an effective date (the scheme in force on 1 January)."""

    effective_from = models.DateField(unique=True)
    minimum_hours = models.DecimalField(max_digits=5, decimal_places=1)
    required_types = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"CPD scheme from {self.effective_from:%d %b %Y}: {self.minimum_hours} hours"


class CpdRecord(models.Model):
    """One registrant's CPD for one year; `submitted_on` is set when they declare it."""

    registrant = models.ForeignKey(Registrant, on_delete=models.CASCADE, related_name="cpd")
    year = models.PositiveSmallIntegerField()
    submitted_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["registrant", "year"], name="register_cpd_one_per_year")
        ]

    def __str__(self) -> str:
        return f"CPD {self.year} ({self.registrant.number})"

    @property
    def organisation(self):
        return self.registrant.regulator


class CpdActivity(Versioned):
    """One thing a member did, in the record of its year; its member may change or remove it
    until the year is submitted (the regulator may still correct it)."""

    record = models.ForeignKey(CpdRecord, on_delete=models.CASCADE, related_name="activities")
    done_on = models.DateField()
    hours = models.DecimalField(max_digits=4, decimal_places=1)
    activity_type = models.CharField(max_length=60)
    description = models.TextField()
    reflection = models.TextField(blank=True)

    class Meta:
        ordering = ["done_on", "id"]

    def __str__(self) -> str:
        return f"{self.done_on:%d %b %Y}: {self.hours}h {self.activity_type}"


class CpdSample(models.Model):
    """The annual monitoring sample. The seed is kept (and audited) so the same seed over the
    same population gives the same sample: anyone can check the draw was not hand-picked."""

    regulator = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    seed = models.BigIntegerField()
    size = models.PositiveIntegerField()
    population = models.PositiveIntegerField()
    numbers = models.JSONField(default=list)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-drawn_at"]

    def __str__(self) -> str:
        return (
            f"CPD sample {self.year} (seed {self.seed}): {len(self.numbers)} of {self.population}"
        )

    @property
    def organisation(self):
        return self.regulator
