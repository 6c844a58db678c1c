"""The register: who is authorised, for what, under which conditions, and any findings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from touchstone.core.models import Versioned
from touchstone.register.models.reference import Category, RightType, Status


class Kind(models.TextChoices):
    INDIVIDUAL = "individual", "Individual"
    ENTITY = "entity", "Firm"


def display_name(
    *, kind: str, title: str, given_names: str, family_name: str, entity_name: str
) -> str:
    """A registrant's name as the register shows it: an entity's name, or a person's title,
    given names and family name."""
    if kind == Kind.ENTITY:
        return entity_name
    return " ".join(p for p in (title, given_names, family_name) if p)


# What every way in answers for an entity that is not an entity of the registrant's own
# regulator (or that the caller cannot see): the staff API's 400 on "entity" says it too.
NO_SUCH_ENTITY = "No such entity on this register."


class Registrant(Versioned):
    """An authorised person or entity. Fields marked private never leave staff pages."""

    PUBLIC_FIELDS = ("number", "kind", "name", "category", "status", "entity", "town")
    # Reference data its audit events name by code that is not a field of its own (the
    # history page shows the right's name).
    history_references = {"right": "register.RightType"}

    regulator = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="registrants"
    )
    number = models.CharField(max_length=20, unique=True, help_text="Stored in capitals.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=20, blank=True)
    given_names = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    entity_name = models.CharField(max_length=200, blank=True)
    trading_names = models.CharField(max_length=300, blank=True)
    authorised_activities = models.TextField(
        blank=True, help_text="An entity's authorised activities, in words (public)."
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, null=True, blank=True)
    status = models.ForeignKey(Status, on_delete=models.PROTECT)
    status_since = models.DateField(null=True, blank=True)
    admitted_on = models.DateField(null=True, blank=True)
    entity = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # Private: staff only.
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    home_address = models.TextField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrant",
    )
    # Search and order: the name in register order ("smith john": family name first, no
    # title), the folded postcode ("sw1a1aa") and town.
    search_name = models.CharField(max_length=300, editable=False)
    search_postcode = models.CharField(max_length=10, db_index=True, editable=False)
    search_town = models.CharField(max_length=100, editable=False, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["search_name", "number"]
        # Each public filter has an index in name order, so a page of matches is read in
        # order rather than sorted (see selectors.public).
        indexes = [
            models.Index(fields=["search_name", "number"], name="register_name_order"),
            models.Index(fields=["status", "search_name", "number"], name="register_status_order"),
            models.Index(
                fields=["category", "search_name", "number"], name="register_category_order"
            ),
            models.Index(
                fields=["search_town", "search_name", "number"], name="register_town_order"
            ),
            # PostgreSQL: check a name's holders against the filters without reading their rows.
            models.Index(
                fields=["id"],
                include=["status", "category", "search_town", "search_postcode"],
                name="register_public_filters",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"

    def clean(self) -> None:
        """A registrant's entity is an entity (not an individual) on the same regulator's
        register, and not the registrant itself. Every service saving a registrant runs this
        through `full_clean()`, so the web, the API, commands and imports all get it."""
        super().clean()
        if self.entity_id is None:
            return
        if self.pk is not None and self.entity_id == self.pk:
            raise ValidationError({"entity": "A registrant cannot be their own entity"})
        try:
            entity = self.entity  # no query when the caller passed the entity itself
        except Registrant.DoesNotExist:
            entity = None
        if entity is None or entity.kind != Kind.ENTITY or entity.regulator_id != self.regulator_id:
            raise ValidationError({"entity": NO_SUCH_ENTITY})

    @property
    def name(self) -> str:
        return display_name(
            kind=self.kind,
            title=self.title,
            given_names=self.given_names,
            family_name=self.family_name,
            entity_name=self.entity_name,
        )

    @property
    def organisation(self):
        return self.regulator


class EntityOffice(models.Model):
    """An office of an entity (public): the register lists where an entity practises."""

    entity = models.ForeignKey(Registrant, on_delete=models.CASCADE, related_name="offices")
    town = models.CharField(max_length=100)
    postcode = models.CharField(max_length=10, blank=True)
    head_office = models.BooleanField(default=False)

    class Meta:
        ordering = ["-head_office", "town", "id"]

    def __str__(self) -> str:
        return f"{self.town} {self.postcode}".strip()

    @property
    def organisation(self):
        return self.entity.regulator


class StatusChange(models.Model):
    registrant = models.ForeignKey(
        Registrant, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.ForeignKey(Status, on_delete=models.PROTECT)
    effective_on = models.DateField()
    reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_on", "-id"]

    def __str__(self) -> str:
        return f"{self.status} from {self.effective_on:%d %b %Y}"


class PracticeRight(models.Model):
    registrant = models.ForeignKey(Registrant, on_delete=models.CASCADE, related_name="rights")
    right_type = models.ForeignKey(RightType, on_delete=models.PROTECT)
    granted_on = models.DateField()
    scope = models.TextField(blank=True)
    conditions = models.TextField(blank=True)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["right_type__position"]
        indexes = [
            models.Index(
                fields=["right_type", "registrant", "granted_on", "ended_on"],
                name="register_right_holders",
            )
        ]

    def __str__(self) -> str:
        return f"{self.right_type} ({self.registrant.number})"

    @property
    def organisation(self):
        return self.registrant.regulator


class Finding(Versioned):
    """A fitness-to-practise finding. Public only while published and inside its period."""

    registrant = models.ForeignKey(Registrant, on_delete=models.CASCADE, related_name="findings")
    decided_on = models.DateField()
    body = models.CharField(
        max_length=200, help_text="The decision body, e.g. Disciplinary Tribunal."
    )
    summary = models.TextField()
    sanction = models.CharField(max_length=200)
    publish = models.BooleanField(default=False)
    publish_from = models.DateField(null=True, blank=True)
    publish_until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-decided_on", "-id"]
        indexes = [models.Index(fields=["registrant", "publish"])]

    def __str__(self) -> str:
        return f"{self.decided_on:%d %b %Y}: {self.sanction}"

    @property
    def organisation(self):
        return self.registrant.regulator
