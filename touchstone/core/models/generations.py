from django.db import models


class Generation(models.Model):
    """A counter for one kind of cached data, raised in the same transaction as every write that
    makes such data stale. Cache keys carry it, so every process drops the stale entries the
    moment the write commits (see touchstone.core.generations)."""

    name = models.CharField(max_length=50, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name} {self.value}"
