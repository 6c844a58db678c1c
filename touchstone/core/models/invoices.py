"""Invoices a regulator raises for a fee (an assessment fee, say), numbered in sequence per
organisation and year, with the record it was raised for and, once paid, when and how."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Invoice(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="invoices"
    )
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField(help_text="1, 2, … in the organisation's year.")
    number = models.CharField(max_length=40, unique=True)
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="invoices"
    )
    description = models.CharField(max_length=300)
    amount = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="None while the organisation has not set the fee: to be confirmed.",
    )
    raised_on = models.DateField()
    paid_on = models.DateField(null=True, blank=True)
    payment_reference = models.CharField(max_length=100, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-raised_on", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "sequence"], name="core_invoice_in_sequence"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"Invoice {self.number}"

    @property
    def paid(self) -> bool:
        return self.paid_on is not None
