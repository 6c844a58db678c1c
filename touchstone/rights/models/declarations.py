"""The declarations signed once the application's fee is paid ("How will my application be
assessed?" 1; §47, §52): the applicant's and the supervisor's, each through an emailed link
(no account needed), kept with who signed, when, from where and a SHA-256 of the exact text
they signed."""

from django.db import models

from touchstone.core.models import AccessLink, Organisation
from touchstone.rights.models.applications import Application

DECLARATION_ROLES = {"applicant": "The applicant", "supervisor": "The supervisor"}
DECLARATION_STATES = {
    "invited": "Sent, not yet signed",
    "signed": "Signed",
    "withdrawn": "Withdrawn",
}


class Declaration(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="declarations"
    )
    role = models.CharField(max_length=20, choices=list(DECLARATION_ROLES.items()))
    state = models.CharField(
        max_length=20, choices=list(DECLARATION_STATES.items()), default="invited"
    )
    name = models.CharField(max_length=200, help_text="Whom it was sent to.")
    email = models.EmailField()
    link = models.OneToOneField(
        AccessLink, on_delete=models.PROTECT, related_name="rights_declaration"
    )
    statement = models.TextField(help_text="The exact text to be signed.")
    statement_sha256 = models.CharField(max_length=64)
    sent_at = models.DateTimeField(auto_now_add=True)
    signed_name = models.CharField(max_length=200, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_from = models.GenericIPAddressField(null=True, blank=True)
    signed_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["role", "-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{DECLARATION_ROLES[self.role]}'s declaration ({self.name})"

    @property
    def organisation(self) -> Organisation:
        return self.application.regulator

    @property
    def state_words(self) -> str:
        return DECLARATION_STATES[self.state]

    @property
    def role_words(self) -> str:
        return DECLARATION_ROLES[self.role]
