from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from touchstone.core.models import Organisation, Upload, Versioned
from touchstone.rights.rules import (
    APPLICATION_STATES,
    EXPERIENCE_STATES,
    KNOWLEDGE_STATES,
    ROUTES,
)


class Application(Versioned, models.Model):
    """One person's application for a practice right under a scheme (Immigration), kept by the
    regulator that grants it. The steps follow the handbook; each has its state here."""

    regulator = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="rights_applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="rights_applications"
    )
    scheme = models.SlugField(max_length=40)
    # Step 1, technical knowledge (§12-16): an accredited qualification and its certificate,
    # or recognition of prior legal qualifications (a description and a document).
    knowledge_route = models.CharField(
        max_length=20, choices=list(ROUTES.items()), blank=True, default=""
    )
    knowledge_qualification = models.CharField(
        max_length=80, blank=True, help_text="The code of one of the scheme's §14 qualifications."
    )
    knowledge_description = models.TextField(blank=True)
    knowledge_document = models.ForeignKey(
        Upload, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    knowledge_state = models.CharField(
        max_length=20, choices=list(KNOWLEDGE_STATES.items()), default="draft"
    )
    knowledge_submitted_on = models.DateField(null=True, blank=True)
    knowledge_decided_on = models.DateField(null=True, blank=True)
    knowledge_reasons = models.TextField(blank=True)
    experience_state = models.CharField(
        max_length=20, choices=list(EXPERIENCE_STATES.items()), default="draft"
    )
    experience_submitted_on = models.DateField(null=True, blank=True)
    experience_decided_on = models.DateField(null=True, blank=True)
    experience_reasons = models.TextField(blank=True)
    alc_hearing_on = models.DateField(null=True, blank=True)
    # Step 3, the portfolio (§29-57): its sheets, evidence and supervisors are rows of their own.
    portfolio_include_optional = models.BooleanField(
        default=False, help_text="Outcome 6.5, which is optional, is evidenced too."
    )
    # Step 4, the application (§58-64): the form's answers, what went with it (the reference
    # and the letter confirming the qualifying experience), the declarations (rows of their
    # own) and the assessment.
    form_answers = models.JSONField(default=dict, blank=True, help_text="The application form.")
    application_state = models.CharField(
        max_length=30, choices=list(APPLICATION_STATES.items()), default="draft"
    )
    application_submitted_on = models.DateField(
        null=True, blank=True, help_text="The application date the portfolio is checked on."
    )
    application_reference = models.ForeignKey(
        "rights.SupervisorReference",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The supervisor's reference sent with the application (§62).",
    )
    experience_letter = models.ForeignKey(
        "rights.DecisionLetter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The letter confirming the qualifying experience (§59).",
    )
    application_hearing_on = models.DateField(null=True, blank=True)
    information_due_on = models.DateField(null=True, blank=True)
    application_decided_on = models.DateField(null=True, blank=True)
    application_reasons = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history_references = {"letter": "core.Upload"}  # a decision's letter, by its file name

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One open application each; one refused leaves the way open to apply again.
            models.UniqueConstraint(
                fields=["applicant", "regulator", "scheme"],
                condition=~models.Q(application_state="refused"),
                name="rights_one_open_application_each",
            )
        ]

    def __str__(self) -> str:
        name = self.applicant.get_full_name() or self.applicant.get_username()
        return f"{name}: {self.scheme} application"

    @property
    def organisation(self) -> Organisation:
        return self.regulator


class ExperiencePeriod(models.Model):
    """A period of work or of a course on the applicant's qualifying experience (§17-20), as the
    qualifying-experience check reads it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="periods")
    kind = models.CharField(max_length=20, help_text='"work" or a course of the scheme.')
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="None while it goes on.")
    hours = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    tasks = models.JSONField(default=list, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    employer = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} from {self.start.isoformat()}"

    @property
    def organisation(self) -> Organisation:
        return self.application.regulator

    def clean(self) -> None:
        errors = {}
        if self.end is not None and self.start is not None and self.end < self.start:
            errors["end"] = "The end date must be on or after the start date."
        if self.kind == "work":
            if self.hours is None:
                errors["hours"] = "Enter the hours worked in the period."
            self.passed = None
        else:
            if self.passed is None:
                errors["passed"] = "Say whether you passed the course."
            self.hours, self.tasks = None, []
        if errors:
            raise ValidationError(errors)

    def as_check_input(self) -> dict:
        """The period as the qualifying-experience check reads it."""
        data = {
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "employer": self.employer,
            "role": self.role,
        }
        if self.kind == "work":
            return {**data, "hours": float(self.hours), "tasks": list(self.tasks)}
        return {**data, "passed": bool(self.passed)}
