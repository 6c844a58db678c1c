"""A framework edition (IQS January 2012, the LSC Quality Mark's clauses, ...), its nodes in
order (sections, headings and the standards under them) and its mapping sets to the clauses of
other frameworks. Written only by `services.framework_load`, from a library file."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class NodeKind(models.TextChoices):
    SECTION = "section", "Section"
    HEADING = "heading", "Heading"
    STANDARD = "standard", "Standard"


class Relationship(models.TextChoices):
    """How a standard relates to the clause it is mapped to (CISO Assistant's set)."""

    EQUAL = "equal", "Equal"
    SUBSET = "subset", "Subset"
    SUPERSET = "superset", "Superset"
    INTERSECT = "intersect", "Intersect"
    NOT_RELATED = "not_related", "Not related"


class Framework(models.Model):
    """One edition of a framework. `ref_id` names the framework (`iqs-2012`); several editions
    of it may be stored side by side, and the one marked current is the one shown and
    exported."""

    ref_id = models.SlugField("Framework id", max_length=60)
    edition = models.CharField("Edition", max_length=100)
    name = models.CharField("Name", max_length=300)
    short_name = models.CharField("Short name", max_length=40)
    publisher = models.CharField("Publisher", max_length=200, blank=True)
    text_held = models.BooleanField(
        "Text held", default=True, help_text="False when only the clause codes are known."
    )
    description = models.TextField("Description", blank=True)
    current = models.BooleanField("Current edition", default=True)
    digest = models.CharField("Digest of the library file", max_length=64)
    loaded_at = models.DateTimeField("Loaded", auto_now=True)

    class Meta:
        ordering = ["ref_id", "-current", "-loaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["ref_id", "edition"], name="standards_one_edition"),
            models.UniqueConstraint(
                fields=["ref_id"], condition=Q(current=True), name="standards_one_current"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.edition})"


class Node(models.Model):
    """A section, heading or standard of a framework edition, in the framework's order.
    Headings carry the guidance printed under them; a sub-item's parent is its standard."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="nodes")
    ref_id = models.CharField("Reference", max_length=60)
    number = models.PositiveIntegerField("Number", null=True, blank=True)
    kind = models.CharField("Kind", max_length=10, choices=NodeKind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    assessable = models.BooleanField("Assessable", default=False)
    na_allowed = models.BooleanField(
        "May be answered n/a", default=True, help_text="False where the standard is mandatory."
    )
    text = models.TextField("Text", blank=True)
    guidance = models.TextField("Guidance", blank=True)
    order = models.PositiveIntegerField("Order")

    class Meta:
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "ref_id"], name="standards_node_ref"),
        ]

    def __str__(self) -> str:
        return f"{self.framework.short_name} {self.ref_id}"

    def clean(self) -> None:
        if self.parent_id is not None and self.parent.framework_id != self.framework_id:
            raise ValidationError({"parent": "The parent is a node of another framework."})
        if self.kind == NodeKind.STANDARD and self.framework.text_held and not self.text:
            raise ValidationError(
                {"text": "A standard of a framework whose text is held has text."}
            )


class MappingSet(models.Model):
    """The mappings of one framework edition's standards to the clauses of another."""

    source = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="mapping_sets")
    target = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="mapped_from")
    relationship = models.CharField(
        "Usual relationship",
        max_length=12,
        choices=Relationship.choices,
        default=Relationship.INTERSECT,
        help_text="What a mapping of the set is unless it says otherwise.",
    )
    order = models.PositiveIntegerField("Order")

    class Meta:
        ordering = ["source", "order"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="standards_one_set"),
        ]

    def __str__(self) -> str:
        return f"{self.source.short_name} → {self.target.short_name}"


class Mapping(models.Model):
    mapping_set = models.ForeignKey(MappingSet, on_delete=models.CASCADE, related_name="mappings")
    source = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="mappings")
    target = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="mapped_from")
    relationship = models.CharField(
        "Relationship", max_length=12, choices=Relationship.choices, default=Relationship.INTERSECT
    )
    order = models.PositiveIntegerField("Order")

    class Meta:
        ordering = ["mapping_set", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["mapping_set", "source", "target"], name="standards_one_mapping"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    def clean(self) -> None:
        if self.source.framework_id != self.mapping_set.source_id:
            raise ValidationError({"source": "The standard is not of the set's framework."})
        if self.target.framework_id != self.mapping_set.target_id:
            raise ValidationError({"target": "The clause is not of the set's target framework."})
