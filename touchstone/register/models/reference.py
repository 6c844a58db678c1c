"""Reference data shipped with the product (reference/register.yaml)."""

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
    registered = models.BooleanField(
        default=True, help_text="False for a status that means they have left the register."
    )
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
