"""Step 3, the portfolio of evidence (§29-57): one logbook sheet or personal statement per
example, each logbook sheet with its evidence (uploaded documents, with the personal data the
redaction check found left in them), and the supervisors the sheets name."""

from django.db import models

from touchstone.core.models import Organisation, Upload
from touchstone.rights.models.applications import Application

SHEET_KINDS = {"logbook": "Logbook sheet", "personal_statement": "Personal statement"}
TEXT_READ = {
    "read": "Read for personal data",
    "image": "An image: not read, check it yourself",
    "unreadable": "Its text could not be read: check it yourself",
}


class PortfolioSheet(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="sheets")
    example = models.CharField(max_length=20, help_text='As normalised: "1.1(2)" or "2.3".')
    kind = models.CharField(max_length=20, choices=list(SHEET_KINDS.items()), default="logbook")
    matter = models.CharField(max_length=200, blank=True)
    document_type = models.CharField(max_length=200, blank=True)
    explanation = models.TextField(blank=True)
    reflection = models.TextField(blank=True)
    supervisor = models.CharField(max_length=200, blank=True)
    age_explanation = models.TextField(blank=True)
    reason = models.TextField(blank=True, help_text="A personal statement's reason (§48).")
    work_date = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "example"], name="rights_one_sheet_per_example"
            )
        ]

    def __str__(self) -> str:
        return f"{SHEET_KINDS[self.kind]} {self.example}"

    @property
    def organisation(self) -> Organisation:
        return self.application.regulator

    @property
    def statement(self) -> bool:
        return self.kind == "personal_statement"

    def as_check_input(self, evidence: list["SheetEvidence"]) -> dict:
        """The sheet as the portfolio check reads it."""
        data = {
            "example": self.example,
            "type": self.kind,
            "explanation": self.explanation,
            "reflection": self.reflection,
            "supervisor": self.supervisor,
        }
        if self.statement:
            work_date = self.work_date.isoformat() if self.work_date else None
            return {**data, "reason": self.reason, "work_date": work_date}
        return {
            **data,
            "matter": self.matter,
            "document_type": self.document_type,
            "age_explanation": self.age_explanation or None,
            "evidence": [e.as_check_input() for e in evidence],
        }


class SheetEvidence(models.Model):
    sheet = models.ForeignKey(PortfolioSheet, on_delete=models.CASCADE, related_name="evidence")
    description = models.CharField(max_length=300)
    date = models.DateField(help_text="The date of the document.")
    kind = models.CharField(max_length=40, help_text="One of the scheme's kinds of evidence.")
    document = models.ForeignKey(Upload, on_delete=models.PROTECT, related_name="+")
    text_read = models.CharField(max_length=20, choices=list(TEXT_READ.items()))
    findings = models.JSONField(
        default=list, blank=True, help_text="Likely personal data left in it: kind, text, context."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.description

    @property
    def organisation(self) -> Organisation:
        return self.sheet.application.regulator

    def as_check_input(self) -> dict:
        return {"description": self.description, "date": self.date.isoformat(), "kind": self.kind}


class PortfolioSupervisor(models.Model):
    """A supervisor the sheets may name (§53): whether they are an authorised person, whether
    they supervise the applicant now, and the examples a former supervisor has declared."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="supervisors"
    )
    name = models.CharField(max_length=200)
    authorised = models.BooleanField(help_text="An authorised person (§24).")
    current = models.BooleanField(help_text="Supervises the applicant now.")
    declaration_examples = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "name"], name="rights_supervisor_named_once"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation(self) -> Organisation:
        return self.application.regulator

    def as_check_input(self) -> dict:
        return {
            "name": self.name,
            "authorised": self.authorised,
            "current": self.current,
            "declaration_examples": list(self.declaration_examples),
        }
