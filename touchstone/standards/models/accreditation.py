"""A provider's accreditation by a standards body against a framework (IQS), and the
self-assessments it rests on: the initial one and one each year at renewal, each with one
answer per assessable standard, a note and evidence. Written only by the services in
`services/accreditation.py`; what moves an accreditation from state to state is there."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from touchstone.core.models import Invoice, Organisation, Upload, Versioned
from touchstone.standards.models.frameworks import Framework, Node


class AccreditationState(models.TextChoices):
    APPLIED = "applied", "Applied"
    PROVISIONAL = "provisional", "Provisionally registered"
    REGISTERED = "registered", "Registered"
    TERMINATED = "terminated", "Terminated"
    LAPSED = "lapsed", "Lapsed"


OPEN_STATES = (
    AccreditationState.APPLIED,
    AccreditationState.PROVISIONAL,
    AccreditationState.REGISTERED,
)


class Accreditation(Versioned, models.Model):
    """One provider's accreditation against a framework, from application to its end. While
    it is open (applied, provisional or registered) it is the provider's only one for that
    framework id; a terminated or lapsed one stays as history and a new one may be applied for."""

    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="standards_accreditations"
    )
    standards_body = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="standards_accreditations_held"
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    framework_ref = models.SlugField(
        "Framework id", max_length=60, help_text="The framework's id, kept across its editions."
    )
    state = models.CharField(
        max_length=20, choices=AccreditationState.choices, default=AccreditationState.APPLIED
    )
    corporate_member = models.BooleanField(
        "Corporate member", default=False, help_text="Of the standards body (the lower fee)."
    )
    applied_on = models.DateField()
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_from = models.DateField(null=True, blank=True)
    registered_until = models.DateField(null=True, blank=True)
    remediation_deadline = models.DateField(null=True, blank=True)
    ended_on = models.DateField(
        null=True, blank=True, help_text="The day it was terminated or lapsed."
    )

    class Meta:
        ordering = ["provider__name", "-applied_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "framework_ref"],
                condition=Q(state__in=[str(state) for state in OPEN_STATES]),
                name="standards_one_open_accreditation",
            ),
            models.CheckConstraint(
                condition=~Q(state="provisional") | Q(remediation_deadline__isnull=False),
                name="standards_provisional_has_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(state="registered") | Q(registered_until__isnull=False),
                name="standards_registered_has_end",
            ),
        ]
        indexes = [models.Index(fields=["state", "remediation_deadline"])]

    def __str__(self) -> str:
        return f"{self.provider.name}: {self.framework.short_name} accreditation"

    @property
    def organisation(self) -> Organisation:
        """The body whose record this is (the audit log's organisation)."""
        return self.standards_body

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class AssessmentKind(models.TextChoices):
    INITIAL = "initial", "Initial"
    RENEWAL = "renewal", "Renewal"


class AssessmentStatus(models.TextChoices):
    """The rules' verdict as stored (`rules.assessment_check`)."""

    COMPLIANT = "compliant", "Compliant"
    PARTIALLY_COMPLIANT = "partially_compliant", "Partially compliant"


class Assessment(Versioned, models.Model):
    """A self-assessment: its answers are saved as the provider goes, it is submitted once the
    fee is paid and every standard is answered, and may be submitted again while provisional.
    The latest verdict is kept here; each submission is in the audit log."""

    accreditation = models.ForeignKey(
        Accreditation, on_delete=models.CASCADE, related_name="assessments"
    )
    kind = models.CharField(max_length=10, choices=AssessmentKind.choices)
    started_on = models.DateField()
    submitted_on = models.DateField(null=True, blank=True)
    submissions = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        max_length=20, choices=AssessmentStatus.choices, blank=True, default=""
    )
    non_compliant = models.JSONField(
        default=list, blank=True, help_text="The standards not complied with, by number."
    )
    remediation_deadline = models.DateField(null=True, blank=True)
    fee = models.DecimalField(max_digits=10, decimal_places=2)
    invoice = models.OneToOneField(
        Invoice, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed = models.BooleanField(
        default=False, help_text="Settled (registered) or ended: its answers no longer change."
    )

    class Meta:
        ordering = ["accreditation", "started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["accreditation"],
                condition=Q(closed=False),
                name="standards_one_open_assessment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} assessment of {self.accreditation}"

    @property
    def organisation(self) -> Organisation:
        return self.accreditation.standards_body


class AnswerValue(models.TextChoices):
    COMPLIED = "complied", "Complied"
    PARTIAL = "partial", "Partially complied"
    NOT_COMPLIED = "not_complied", "Not complied"
    NOT_APPLICABLE = "n/a", "Not applicable"


class Answer(models.Model):
    """The provider's answer to one assessable standard; blank until answered. At renewal it
    starts from last year's and must be re-confirmed (or changed) before submitting."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    node = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()
    answer = models.CharField(max_length=20, choices=AnswerValue.choices, blank=True, default="")
    note = models.TextField(blank=True, max_length=4000)
    reconfirmed = models.BooleanField(
        default=True, help_text="False for a renewal answer carried over and not yet confirmed."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["assessment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "node"], name="standards_one_answer_per_standard"
            ),
            models.UniqueConstraint(
                fields=["assessment", "number"], name="standards_one_answer_per_number"
            ),
        ]

    def __str__(self) -> str:
        return f"Standard {self.number}: {self.get_answer_display() or 'not answered'}"


class Evidence(models.Model):
    """A document the provider gives for an answer (core's uploads: checked and stored)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="evidence")
    upload = models.ForeignKey(Upload, on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["answer", "added_at", "id"]

    def __str__(self) -> str:
        return self.upload.original_name
