"""The public verification of a holder: its name, status and the day its registration runs
to. Nothing else about a provider is public."""

from rest_framework import serializers

from touchstone.standards.models import AccreditationState

PUBLIC_STATUSES = [AccreditationState.REGISTERED.value, AccreditationState.PROVISIONAL.value]


class HolderSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The provider's name.")
    status = serializers.ChoiceField(
        choices=PUBLIC_STATUSES,
        help_text="registered, or provisional: registered while it puts right, by its "
        "remediation deadline, what it does not yet comply with.",
    )
    registered_until = serializers.DateField(
        help_text="The last day of the registration; for a provisional one, its remediation "
        "deadline."
    )
