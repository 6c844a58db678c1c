"""Schema of the public register API (the data itself comes from selectors.public_items)."""

from rest_framework import serializers


class PublicRightSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    conditions = serializers.CharField()


class PublicFindingSerializer(serializers.Serializer):
    date = serializers.DateField()
    summary = serializers.CharField()
    sanction = serializers.CharField()


class PublicItemSerializer(serializers.Serializer):
    number = serializers.CharField()
    kind = serializers.ChoiceField(choices=["individual", "entity"])
    name = serializers.CharField()
    category = serializers.CharField(allow_null=True)
    status = serializers.CharField()
    rights = PublicRightSerializer(many=True)
    entity = serializers.CharField(allow_null=True)
    town = serializers.CharField()
    findings = PublicFindingSerializer(many=True)
    as_at = serializers.DateTimeField()


class PublicPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = PublicItemSerializer(many=True)
