"""Plans API shapes. Input serializers only check input; the services decide and write."""

from django.conf import settings
from rest_framework import serializers

from touchstone.core.api.fields import StrictCharField, StrictDateField
from touchstone.plans.models import NOT_RATED, Action, ActionStatus, Plan, Rag


class PlanSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    action_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "title",
            "organisation",
            "kind",
            "period",
            "starts_on",
            "ends_on",
            "action_count",
        ]


class RagCountsSerializer(serializers.Serializer):
    green = serializers.IntegerField()
    amber = serializers.IntegerField()
    red = serializers.IntegerField()
    none = serializers.IntegerField(help_text=f"Actions with no RAG ({NOT_RATED}).")


class AreaSummarySerializer(serializers.Serializer):
    name = serializers.CharField()
    counts = RagCountsSerializer()
    total = serializers.IntegerField()


class PlanDetailSerializer(PlanSerializer):
    """A plan with its structure and the RAG position as of a date (default today)."""

    area_count = serializers.IntegerField(read_only=True)
    target_count = serializers.IntegerField(read_only=True)
    as_of = serializers.DateField(read_only=True)
    rag_totals = RagCountsSerializer(read_only=True)
    areas = AreaSummarySerializer(
        source="area_summaries", many=True, read_only=True, help_text="RAG counts by area."
    )
    overdue = serializers.IntegerField(read_only=True, help_text="Open actions past their date.")
    due_soon = serializers.IntegerField(read_only=True, help_text="Due in the next 30 days.")
    stale = serializers.IntegerField(
        read_only=True,
        help_text=f"No progress for {settings.TOUCHSTONE_PLANS_STALE_DAYS} days (the setting "
        "TOUCHSTONE_PLANS_STALE_DAYS).",
    )

    class Meta(PlanSerializer.Meta):
        fields = [
            *PlanSerializer.Meta.fields,
            "area_count",
            "target_count",
            "as_of",
            "rag_totals",
            "areas",
            "overdue",
            "due_soon",
            "stale",
        ]


class ActionSerializer(serializers.ModelSerializer):
    area = serializers.CharField(source="target.area.name", read_only=True)
    target = serializers.CharField(source="target.text", read_only=True)
    action = serializers.CharField(source="text", read_only=True)
    leads = serializers.ListField(child=serializers.CharField(), read_only=True)
    rag = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField(help_text="The latest progress, or null.")
    overdue = serializers.SerializerMethodField(help_text="Overdue as of the `as_of` date.")

    class Meta:
        model = Action
        fields = [
            "id",
            "ref",
            "area",
            "target",
            "action",
            "due_text",
            "due_date",
            "recurring",
            "leads",
            "status",
            "rag",
            "comment",
            "progress",
            "overdue",
            "version",
        ]
        read_only_fields = ["version"]

    def get_rag(self, action) -> str | None:
        return action.rag or None

    def get_progress(self, action) -> str | None:
        updates = list(action.progress_updates.all())  # prefetched, newest first
        return updates[0].text if updates else None

    def get_overdue(self, action) -> bool:
        return action.pk in self.context.get("overdue_ids", set())


class ActionUpdateSerializer(serializers.Serializer):
    """Fields left out are not changed; `rag: ""` clears the RAG."""

    status = serializers.ChoiceField(choices=ActionStatus.choices, required=False)
    rag = serializers.ChoiceField(
        choices=[("", NOT_RATED), *Rag.choices], required=False, allow_blank=True
    )
    comment = StrictCharField(required=False, allow_blank=True, trim_whitespace=False)
    due_text = StrictCharField(required=False, allow_blank=True, max_length=100)
    leads_text = StrictCharField(required=False, allow_blank=True, max_length=200)


class ProgressSerializer(serializers.Serializer):
    text = StrictCharField(max_length=10_000)
    recorded_on = StrictDateField(required=False, help_text="Default today; not future.")
    status = serializers.ChoiceField(choices=ActionStatus.choices, required=False)
    rag = serializers.ChoiceField(choices=Rag.choices, required=False)


class AsOfSerializer(serializers.Serializer):
    as_of = StrictDateField(required=False, help_text="YYYY-MM-DD; default today.")


class ExportQuerySerializer(AsOfSerializer):
    format = serializers.ChoiceField(choices=[("json", "json")], required=False, default="json")
