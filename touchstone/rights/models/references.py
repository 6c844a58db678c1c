"""The supervisor's reference for step 2 (§21-25): asked for by the applicant, given by the
supervisor through an emailed link (they need no account), kept with what the register said
of them when they gave it."""

from django.db import models

from touchstone.core.models import AccessLink, Organisation
from touchstone.rights.models.applications import Application

REFERENCE_STATES = {
    "invited": "Asked for, not yet given",
    "given": "Given",
    "withdrawn": "Withdrawn",
    "lapsed": "Not given in time",
}
REGISTER_FINDINGS = {
    "matched": "On the register as an authorised person, under the name given",
    "name_differs": "On the register as an authorised person, under a different name",
    "not_authorised": "On the register, but not as an authorised person",
    "not_found": "Not on this register (a solicitor, barrister or other authorised person)",
}


class SupervisorReference(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="references"
    )
    state = models.CharField(
        max_length=20, choices=list(REFERENCE_STATES.items()), default="invited"
    )
    supervisor_name = models.CharField(max_length=200)
    supervisor_email = models.EmailField()
    link = models.OneToOneField(
        AccessLink, on_delete=models.PROTECT, related_name="rights_reference"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # What the supervisor gives (§24-25)
    qualification = models.CharField(max_length=200, blank=True)
    membership_number = models.CharField(max_length=40, blank=True)
    employer = models.CharField(max_length=200, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    confirms_authorised = models.BooleanField(default=False)
    comments = models.JSONField(default=dict, blank=True, help_text="A comment per §25 point.")
    given_at = models.DateTimeField(null=True, blank=True)
    given_from = models.GenericIPAddressField(null=True, blank=True)
    register_finding = models.CharField(
        max_length=20, choices=list(REGISTER_FINDINGS.items()), blank=True
    )
    register_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-invited_at", "-pk"]

    def __str__(self) -> str:
        return f"Reference from {self.supervisor_name}"

    @property
    def organisation(self) -> Organisation:
        return self.application.regulator

    @property
    def state_words(self) -> str:
        return REFERENCE_STATES[self.state]

    @property
    def finding_words(self) -> str:
        return REGISTER_FINDINGS.get(self.register_finding, "")
