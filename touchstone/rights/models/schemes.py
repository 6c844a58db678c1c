from django.db import models


class SchemeVersion(models.Model):
    """One version of a practice-rights scheme (the Immigration scheme, say) as it is shipped in
    `rights/reference/*.yaml`: its numbers, competencies and lists, resolved (a later version
    inherits what it does not change) and stored as `rules.scheme_from_dict` reads them. An
    application is checked against the version in force on its application date."""

    scheme = models.SlugField(max_length=40)
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=40)
    effective_from = models.DateField()
    data = models.JSONField()
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["scheme", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "version"], name="rights_scheme_version"),
            models.UniqueConstraint(
                fields=["scheme", "effective_from"], name="rights_scheme_effective_from"
            ),
        ]

    def __str__(self) -> str:
        since = f"{self.effective_from.day} {self.effective_from:%B %Y}"
        return f"{self.name} scheme, version {self.version} (in force from {since})"
