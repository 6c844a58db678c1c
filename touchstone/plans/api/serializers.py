from rest_framework import serializers

from touchstone.plans.models import Action, ActionStatus, Plan, Rag


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


class ActionSerializer(serializers.ModelSerializer):
    area = serializers.CharField(source="target.area.name", read_only=True)
    target = serializers.CharField(source="target.text", read_only=True)
    action = serializers.CharField(source="text", read_only=True)
    rag = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()

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
        ]

    def get_rag(self, action) -> str | None:
        return action.rag or None

    def get_progress(self, action) -> str | None:
        updates = list(action.progress_updates.all())
        return updates[0].text if updates else None

    def get_overdue(self, action) -> bool:
        return action.pk in self.context.get("overdue_ids", set())


class ActionUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ActionStatus.choices, required=False)
    rag = serializers.ChoiceField(
        choices=[("", "None"), *Rag.choices], required=False, allow_blank=True
    )
    comment = serializers.CharField(required=False, allow_blank=True)
    due_text = serializers.CharField(required=False, allow_blank=True, max_length=100)
    leads_text = serializers.CharField(required=False, allow_blank=True, max_length=200)


class ProgressSerializer(serializers.Serializer):
    text = serializers.CharField()
    recorded_on = serializers.DateField(required=False)
    status = serializers.ChoiceField(choices=ActionStatus.choices, required=False)
    rag = serializers.ChoiceField(choices=Rag.choices, required=False)


class ActionFilterSerializer(serializers.Serializer):
    area = serializers.IntegerField(required=False, min_value=1)
    status = serializers.ChoiceField(choices=ActionStatus.choices, required=False)
    rag = serializers.ChoiceField(choices=[*Rag.choices, ("none", "None")], required=False)
    lead = serializers.CharField(required=False, max_length=100)
    q = serializers.CharField(required=False, max_length=200)
    as_of = serializers.DateField(required=False)
