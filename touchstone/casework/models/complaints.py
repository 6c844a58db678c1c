"""The public's side of a case: a complaint being written on the web form (kept in the
database, so it can be saved and finished later), the evidence uploaded with it, and the
correspondence between a complainant and the caseworkers."""

from django.db import models
from django.db.models import Q

from touchstone.casework.models.cases import Case


class DraftState(models.TextChoices):
    DRAFT = "draft", "Being written"
    SUBMITTED = "submitted", "Sent"


class ComplaintDraft(models.Model):
    """A complaint on the web form: the answers given so far, page by page. Submitting it
    creates the case once, in the same transaction that marks it submitted."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="complaint_drafts"
    )
    answers = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=20, choices=DraftState.choices, default=DraftState.DRAFT)
    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="draft"
    )
    link = models.OneToOneField(
        "core.AccessLink",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text='The latest "come back later" link emailed for it.',
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="draft", case__isnull=True)
                | Q(state="submitted", case__isnull=False),
                name="casework_draft_case_when_submitted",
            )
        ]

    def __str__(self) -> str:
        return f"Complaint form {self.pk} ({self.get_state_display().lower()})"

    @property
    def is_submitted(self) -> bool:
        return self.state == DraftState.SUBMITTED


class Evidence(models.Model):
    """A document the complainant sent: with the form (then on the draft, and on the case once
    it is submitted) or later from the case's page."""

    draft = models.ForeignKey(
        ComplaintDraft, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    upload = models.OneToOneField("core.Upload", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(draft__isnull=False) | Q(case__isnull=False),
                name="casework_evidence_belongs",
            )
        ]

    def __str__(self) -> str:
        return f"Evidence {self.upload_id}"


class Correspondence(models.Model):
    """A message on a case between the complainant and the caseworkers. A caseworker's
    message reaches the complainant's page only when it is marked shared; the complainant's
    own messages are always on it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="correspondence")
    from_complainant = models.BooleanField()
    author = models.CharField(max_length=200)
    text = models.TextField()
    shared = models.BooleanField(
        default=False, help_text="Shown to the complainant on their case's page."
    )
    about_service = models.BooleanField(
        default=False, help_text="A complaint about how the case was handled."
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "at", "pk"]
        verbose_name_plural = "correspondence"

    def __str__(self) -> str:
        return f"Message on case {self.case_id} from {self.author}"


class PartyLink(models.Model):
    """What an emailed link opens for a party to a case: their case's page (to follow it,
    send messages and evidence) or its closing survey, as the link's purpose says."""

    link = models.OneToOneField("core.AccessLink", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="party_links")
    party = models.ForeignKey("casework.Party", on_delete=models.CASCADE, related_name="links")

    class Meta:
        ordering = ["case", "pk"]

    def __str__(self) -> str:
        return f"Link for {self.party} on case {self.case_id}"
