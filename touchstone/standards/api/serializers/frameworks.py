"""The framework library's API shapes: the JSON export (`exports.framework_json`), and the
list of frameworks held. Output only: the API writes nothing."""

from rest_framework import serializers


class FrameworkSerializer(serializers.Serializer):
    id = serializers.CharField(source="ref_id", help_text="The framework's id, e.g. iqs-2012.")
    name = serializers.CharField()
    short_name = serializers.CharField(help_text="The name its mappings go by: LSC, Lexcel.")
    edition = serializers.CharField()
    publisher = serializers.CharField()
    text_held = serializers.BooleanField(help_text="False when only the clause codes are held.")


class FrameworkAboutSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    edition = serializers.CharField()


class StandardSerializer(serializers.Serializer):
    number = serializers.IntegerField(allow_null=True, help_text="Null for a clause code only.")
    section = serializers.CharField(allow_null=True, help_text="The section's title.")
    heading = serializers.CharField(allow_null=True, help_text="The heading it sits under.")
    text = serializers.CharField()
    parent = serializers.IntegerField(
        allow_null=True, help_text="The number of the standard this one is a sub-item of."
    )
    mappings = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text='The clause codes it is mapped to, by framework: {"LSC": ["F1", "F2"], ...}.',
    )


class FrameworkStandardsSerializer(serializers.Serializer):
    framework = FrameworkAboutSerializer()
    standards = StandardSerializer(many=True)
