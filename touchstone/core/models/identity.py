"""Organisations, people, users and their roles in each organisation."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class OrganisationKind(models.TextChoices):
    REGULATOR = "regulator", "Regulator"
    OMBUDSMAN = "ombudsman", "Ombudsman"
    STANDARDS_BODY = "standards_body", "Standards body"
    PROVIDER = "provider", "Legal service provider"
    CLIENT_BODY = "client_body", "Client body"


class Role(models.TextChoices):
    """What a user does in an organisation. A user may hold several roles in several bodies."""

    ADMIN = "admin", "Administrator"
    OFFICER = "officer", "Officer"
    CASEWORKER = "caseworker", "Caseworker"
    COMMITTEE_MEMBER = "committee_member", "Committee member"
    BOARD_MEMBER = "board_member", "Board member"
    MANAGER = "manager", "Manager"
    PROVIDER_ADMIN = "provider_admin", "Provider administrator"
    PUBLIC = "public", "Member of the public"


class Organisation(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in. Their powers come from memberships, never from is_staff."""

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="core_membership_unique_role"
            )
        ]
        ordering = ["organisation__name", "role"]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} at {self.organisation}"


class Person(models.Model):
    """Someone named in the work (a lead, a supervisor), who may or may not have a user account.

    Plans name their leads by initials as written ("BB", "IW"); a Person with those initials in
    the same organisation lets Touchstone notify the right user.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="people", null=True, blank=True
    )
    full_name = models.CharField(max_length=200)
    initials = models.CharField(max_length=12, blank=True)
    email = models.EmailField(blank=True)
    user = models.OneToOneField(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="person"
    )

    class Meta:
        ordering = ["full_name"]
        indexes = [models.Index(fields=["organisation", "initials"])]

    def __str__(self) -> str:
        return self.full_name


class LoginAttempt(models.Model):
    """Sign-in attempts, kept in the database so throttling holds across web processes."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    attempted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip_address", "attempted_at"])]

    def __str__(self) -> str:
        outcome = "succeeded" if self.succeeded else "failed"
        return f"sign-in by {self.username} {outcome}"
