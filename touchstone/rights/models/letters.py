"""The decision letters sent to an applicant: one for each decision an officer records on
step 1 (technical knowledge), step 2 (qualifying experience) or the application (step 4),
kept as a PDF upload."""

from django.db import models

from touchstone.core.models import Organisation, Upload
from touchstone.rights.models.applications import Application

LETTER_STEPS = {
    "knowledge": "Technical knowledge",
    "experience": "Qualifying experience",
    "application": "Application",
}
LETTER_DECISIONS = {
    "meets": "Meets the requirement",
    "does_not_meet": "Does not meet the requirement",
    "refer": "Referred to the Admissions and Licensing Committee",
    "approve": "Approved",
    "request_information": "Further information requested",
    "refuse": "Refused",
}


class DecisionLetter(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    step = models.CharField(max_length=20, choices=list(LETTER_STEPS.items()))
    decision = models.CharField(max_length=20, choices=list(LETTER_DECISIONS.items()))
    upload = models.ForeignKey(Upload, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.upload.original_name

    @property
    def organisation(self) -> Organisation:
        return self.application.regulator
