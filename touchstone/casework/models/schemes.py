from django.db import models


class Scheme(models.TextChoices):
    OMBUDSMAN = "ombudsman", "Ombudsman complaints"
    CONDUCT = "conduct", "Conduct (fitness to practise)"


class SchemeDefinition(models.Model):
    """A scheme as shipped in `casework/reference/<code>.yaml`, checked by `rules.scheme_read`
    and stored as that plain data (stages, moves, outcomes, remedies or sanctions, time
    targets, roles): the services read it here, so changing a scheme is changing its file."""

    code = models.CharField(max_length=20, choices=Scheme.choices, unique=True)
    name = models.CharField(max_length=200)
    organisation_kind = models.CharField(max_length=20)
    data = models.JSONField()
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name
