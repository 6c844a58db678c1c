"""Staff register API shapes. Output serializers read what the staff selectors fetched; input
serializers only check input; the services decide and write."""

from collections.abc import Mapping

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from touchstone.core.api.fields import StrictCharField
from touchstone.register.models import Kind, Registrant
from touchstone.register.reference import reference_codes


def _coded(kind: str, *, nullable: bool = False, **kwargs) -> StrictCharField:
    """Text naming reference data: documented as its codes (a name is accepted too)."""
    codes = reference_codes(kind) + ([""] if nullable else [])
    schema = {"type": "string", "enum": codes, **({"nullable": True} if nullable else {})}
    field_class = extend_schema_field(schema)(type("CodedField", (StrictCharField,), {}))
    return field_class(**kwargs)


class StaffRegistrantSerializer(serializers.ModelSerializer):
    """A registrant in a staff search, private fields included."""

    kind = serializers.ChoiceField(
        choices=[Kind.INDIVIDUAL.value, Kind.ENTITY.value], read_only=True
    )
    name = serializers.CharField(read_only=True)
    category = serializers.CharField(source="category.name", read_only=True, allow_null=True)
    status = serializers.CharField(source="status.name", read_only=True)
    email = serializers.CharField(read_only=True)

    class Meta:
        model = Registrant
        fields = [
            "id",
            "number",
            "kind",
            "name",
            "category",
            "status",
            "town",
            "postcode",
            "email",
            "phone",
            "date_of_birth",
        ]
        read_only_fields = fields


class StaffRightSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField(source="right_type.code")
    name = serializers.CharField(source="right_type.name")
    granted_on = serializers.DateField()
    ended_on = serializers.DateField(allow_null=True)
    scope = serializers.CharField()
    conditions = serializers.CharField()


class StaffFindingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    decided_on = serializers.DateField()
    body = serializers.CharField()
    summary = serializers.CharField()
    sanction = serializers.CharField()
    publish = serializers.BooleanField()
    publish_from = serializers.DateField(allow_null=True)
    publish_until = serializers.DateField(allow_null=True)


class StaffStatusChangeSerializer(serializers.Serializer):
    status = serializers.CharField(source="status.name")
    effective_on = serializers.DateField()
    reason = serializers.CharField()


class StaffOfficeSerializer(serializers.Serializer):
    town = serializers.CharField()
    postcode = serializers.CharField()
    head_office = serializers.BooleanField()


class StaffEntityLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    name = serializers.CharField()


class StaffRegistrantDetailSerializer(StaffRegistrantSerializer):
    """One registrant with everything about them: private fields, current and ended rights,
    every finding (published or not), the status history and, for an entity, its offices."""

    entity = StaffEntityLinkSerializer(read_only=True, allow_null=True)
    rights = StaffRightSerializer(many=True, read_only=True, help_text="Current and ended.")
    findings = StaffFindingSerializer(many=True, read_only=True, help_text="Published or not.")
    status_history = StaffStatusChangeSerializer(
        source="status_changes", many=True, read_only=True, help_text="Newest first."
    )
    offices = StaffOfficeSerializer(
        many=True, read_only=True, help_text="An entity's offices, head office first."
    )

    class Meta(StaffRegistrantSerializer.Meta):
        fields = [
            *StaffRegistrantSerializer.Meta.fields,
            "title",
            "given_names",
            "family_name",
            "entity_name",
            "trading_names",
            "authorised_activities",
            "status_since",
            "admitted_on",
            "entity",
            "home_address",
            "rights",
            "findings",
            "status_history",
            "offices",
            "version",
        ]
        read_only_fields = fields


class RegistrantUpdateSerializer(serializers.Serializer):
    """The editable details (number, kind and status have their own ways). Fields left out are
    not changed; any other field is refused."""

    title = StrictCharField(required=False, allow_blank=True, max_length=20)
    given_names = StrictCharField(required=False, allow_blank=True, max_length=100)
    family_name = StrictCharField(required=False, allow_blank=True, max_length=100)
    entity_name = StrictCharField(required=False, allow_blank=True, max_length=200)
    trading_names = StrictCharField(required=False, allow_blank=True, max_length=300)
    authorised_activities = StrictCharField(required=False, allow_blank=True)
    category = _coded(
        "categories",
        nullable=True,
        required=False,
        allow_blank=True,
        allow_null=True,
        max_length=100,
        help_text="Category code or name; null or empty for none.",
    )
    admitted_on = serializers.DateField(required=False, allow_null=True)
    entity = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text="Id of the entity; null for none."
    )
    town = StrictCharField(required=False, allow_blank=True, max_length=100)
    postcode = StrictCharField(required=False, allow_blank=True, max_length=10)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = StrictCharField(required=False, allow_blank=True, max_length=40)
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    home_address = StrictCharField(required=False, allow_blank=True)

    def to_internal_value(self, data):
        unknown = sorted(set(data) - set(self.fields)) if isinstance(data, Mapping) else []
        errors = {name: ["This field cannot be changed here."] for name in unknown}
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if isinstance(exc.detail, dict):
                exc.detail.update(errors)
            raise
        if errors:
            raise serializers.ValidationError(errors)
        return value


class StatusChangeSerializer(serializers.Serializer):
    status = _coded("statuses", max_length=100, help_text="Status code or name.")
    effective_on = serializers.DateField()
    reason = StrictCharField(required=False, allow_blank=True, default="")


class RightGrantSerializer(serializers.Serializer):
    code = _coded("right_types", max_length=40, help_text="Right code, e.g. immigration.")
    granted_on = serializers.DateField()
    scope = StrictCharField(
        required=False, allow_blank=True, default="", help_text="Empty for the standard scope."
    )
    conditions = StrictCharField(required=False, allow_blank=True, default="")


class RightEndSerializer(serializers.Serializer):
    ended_on = serializers.DateField()


class FindingSerializer(serializers.Serializer):
    decided_on = serializers.DateField()
    body = StrictCharField(max_length=200, help_text="The decision body.")
    summary = StrictCharField()
    sanction = StrictCharField(max_length=200)
    publish = serializers.BooleanField()
    publish_from = serializers.DateField(
        required=False, allow_null=True, help_text="Default the decision date when published."
    )
    publish_until = serializers.DateField(required=False, allow_null=True)
