"""Serializer fields that accept only what the schema says (the REST framework's own turn
`0` into "0" and treat an empty query parameter as one left out)."""

from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """Text, and only text: a number, a boolean or a list is a 400, not its string."""

    default_error_messages = {"not_text": "Enter text (a JSON string), not {kind}"}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_text", kind=type(data).__name__)
        return super().to_internal_value(data)


class StrictDateField(serializers.DateField):
    """A date parameter given empty (`?as_of=`) is a bad date, not a missing one."""

    def get_value(self, dictionary):
        if self.field_name in dictionary and dictionary.get(self.field_name) == "":
            return ""
        return super().get_value(dictionary)

    def validate_empty_values(self, data):
        if data == "":
            self.fail("invalid", format="YYYY-MM-DD")
        return super().validate_empty_values(data)
