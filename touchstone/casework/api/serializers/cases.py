"""A case as the caseworkers' queue lists it."""

from rest_framework import serializers

from touchstone.casework.models import Case


class QueueCaseSerializer(serializers.ModelSerializer):
    caseworker = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "scheme",
            "jurisdiction",
            "stage",
            "complexity",
            "provider_name",
            "provider_unregulated",
            "area_of_law",
            "received_on",
            "accepted_on",
            "concluded_on",
            "outcome",
            "caseworker",
            "version",
        ]
        read_only_fields = fields

    def get_caseworker(self, case: Case) -> str | None:
        worker = case.caseworker
        return (worker.get_full_name() or worker.username) if worker else None
