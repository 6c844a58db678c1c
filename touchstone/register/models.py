"""The register: who is authorised, for what, under which conditions, and any findings."""

from django.conf import settings
from django.db import models


class Category(models.Model):
    """Membership category (reference data: Student, Associate, ... CILEX Practitioner)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Status(models.Model):
    """Registration status (reference data). Only an `authorised` status lets rights be used."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    authorised = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "statuses"

    def __str__(self) -> str:
        return self.name


class RightType(models.Model):
    """A practice right (reference data), e.g. immigration, with its scope in words."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    plain = models.CharField(max_length=100, help_text='In plain words: "immigration work".')
    scope = models.TextField(blank=True)
    specialist_register = models.CharField(max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class Kind(models.TextChoices):
    INDIVIDUAL = "individual", "Individual"
    ENTITY = "entity", "Entity"


class Registrant(models.Model):
    """An authorised person or entity. Fields marked private never leave staff pages."""

    PUBLIC_FIELDS = ("number", "kind", "name", "category", "status", "entity", "town")

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
    # Search: the normalised name ("john smith") and postcode ("sw1a1aa").
    search_name = models.CharField(max_length=300, db_index=True, editable=False)
    search_postcode = models.CharField(max_length=10, db_index=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["search_name", "number"]
        indexes = [
            models.Index(fields=["status", "search_name"]),
            models.Index(fields=["town"]),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"

    @property
    def name(self) -> str:
        if self.kind == Kind.ENTITY:
            return self.entity_name
        return " ".join(p for p in (self.title, self.given_names, self.family_name) if p)

    @property
    def organisation(self):
        return self.regulator


class NameToken(models.Model):
    """Search keys for tolerant name search: each name word and its one-letter deletions."""

    registrant = models.ForeignKey(Registrant, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=60)

    class Meta:
        indexes = [models.Index(fields=["key", "registrant"])]

    def __str__(self) -> str:
        return self.key


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
        indexes = [models.Index(fields=["right_type", "ended_on"])]

    def __str__(self) -> str:
        return f"{self.right_type} ({self.registrant.number})"

    @property
    def organisation(self):
        return self.registrant.regulator


class Finding(models.Model):
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


class CpdActivity(models.Model):
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
