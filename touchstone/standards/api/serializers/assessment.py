"""The self-assessment check's JSON, for the API's schema: what the check reads and what it
answers. The rules (`standards.rules`) validate the input; these describe it."""

from rest_framework import serializers

from touchstone.standards.rules import ANSWERS, ERROR_CODES, STATUSES


class AssessmentInputSerializer(serializers.Serializer):
    submitted_on = serializers.DateField(help_text="The day the assessment is submitted.")
    corporate_member = serializers.BooleanField(
        help_text="Whether the provider is a corporate member of the standards body (the fee "
        "depends on it)."
    )
    answers = serializers.DictField(
        child=serializers.ChoiceField(choices=ANSWERS),
        help_text='Each standard\'s answer by its number as text: {"1": "complied", …}. Every '
        "assessable standard needs one; n/a is not allowed for a mandatory standard (IQS 55).",
    )


class AssessmentErrorSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ERROR_CODES)
    standard = serializers.JSONField(
        help_text="The standard's number (an integer), or the key as given when it is not one."
    )
    message = serializers.CharField()


class AssessmentResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=STATUSES)
    remediation_deadline = serializers.DateField(
        allow_null=True,
        help_text="7 calendar months after submission (clamped to the month's end) when "
        "partially compliant; otherwise null.",
    )
    fee = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        coerce_to_string=False,
        help_text="The fee for 12 months' accreditation in pounds, in force on submitted_on.",
    )
    non_compliant = serializers.ListField(
        child=serializers.IntegerField(),
        allow_null=True,
        help_text="The standards whose effective answer (the worst of their own and their "
        "sub-items') is partial or not complied, ascending; null when incomplete.",
    )
    errors = AssessmentErrorSerializer(many=True)
