"""The scorecard API's query and answer, as its contract states them."""

from rest_framework import serializers

from touchstone.casework.filters import JURISDICTIONS
from touchstone.core.api.fields import StrictDateField

# "from" is a Python keyword, so the query's fields are declared by name.
ScorecardQuerySerializer = type(
    "ScorecardQuerySerializer",
    (serializers.Serializer,),
    {
        "from": StrictDateField(help_text="The period's first day, YYYY-MM-DD."),
        "to": StrictDateField(help_text="The period's last day, YYYY-MM-DD (inclusive)."),
        "jurisdiction": serializers.ChoiceField(
            choices=JURISDICTIONS, required=False, help_text="Leave out for all jurisdictions."
        ),
    },
)


def _pct(help_text: str) -> serializers.FloatField:
    return serializers.FloatField(allow_null=True, help_text=help_text + " (1 dp; null: none)")


class TimelinessSerializer(serializers.Serializer):
    concluded = serializers.IntegerField(help_text="Cases concluded in the period, accepted.")
    within_90_pct = _pct("% concluded within 90 days of acceptance")
    within_180_pct = _pct("% concluded within 180 days of acceptance")
    within_365_pct = _pct("% concluded within 365 days of acceptance")
    median_days = _pct("Median days from acceptance to conclusion")


class TimelinessGroupsSerializer(serializers.Serializer):
    high = TimelinessSerializer()
    medium = TimelinessSerializer()
    low = TimelinessSerializer()
    all = TimelinessSerializer()


class SatisfactionSideSerializer(serializers.Serializer):
    responses = serializers.IntegerField(help_text="Responses answering both questions.")
    service_satisfied_pct = _pct("% of them satisfied with the service")


class SatisfactionPartySerializer(serializers.Serializer):
    satisfied_with_outcome = SatisfactionSideSerializer()
    dissatisfied_with_outcome = SatisfactionSideSerializer()


class SatisfactionSerializer(serializers.Serializer):
    complainant = SatisfactionPartySerializer()
    provider = SatisfactionPartySerializer()


class ServiceComplaintsSerializer(serializers.Serializer):
    decided = serializers.IntegerField(help_text="Upheld or not upheld, on cases concluded.")
    upheld_pct = _pct("% of them upheld")


def _target(help_text: str) -> serializers.FloatField:
    return serializers.FloatField(allow_null=True, help_text=help_text + " (null: none set)")


class TimelinessTargetSerializer(serializers.Serializer):
    within_90_pct = _target("Target % within 90 days")
    within_180_pct = _target("Target % within 180 days")
    within_365_pct = _target("Target % within 365 days")


class TimelinessTargetsSerializer(serializers.Serializer):
    high = TimelinessTargetSerializer()
    medium = TimelinessTargetSerializer()
    low = TimelinessTargetSerializer()
    all = TimelinessTargetSerializer()


class SatisfactionTargetsSerializer(serializers.Serializer):
    satisfied_with_outcome = _target("Target % satisfied with the service")
    dissatisfied_with_outcome = _target("Target % satisfied with the service")


class TargetsSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="The target year the period starts in (April).")
    timeliness = TimelinessTargetsSerializer()
    satisfaction = SatisfactionTargetsSerializer()
    upheld_pct = _target("Target % of service complaints upheld")


ScorecardSerializer = type(
    "ScorecardSerializer",
    (serializers.Serializer,),
    {
        "from": serializers.DateField(),
        "to": serializers.DateField(),
        "jurisdiction": serializers.ChoiceField(choices=JURISDICTIONS, allow_null=True),
        "accepted_in_period": serializers.IntegerField(),
        "open_at_end": serializers.IntegerField(),
        "concluded": serializers.IntegerField(),
        "timeliness": TimelinessGroupsSerializer(),
        "satisfaction": SatisfactionSerializer(),
        "service_complaints": ServiceComplaintsSerializer(),
        "targets": TargetsSerializer(help_text="The targets for the year (beyond the contract)."),
    },
)
