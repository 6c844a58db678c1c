"""The scheme checks' JSON, for the API's schema: what the checks read and what they answer.
The checks themselves (`rights.rules`) validate the input; these describe it."""

from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from touchstone.rights.imports import read_scheme_file
from touchstone.rights.reference import scheme_files
from touchstone.rights.rules.common import MAX_HOURS


def _shipped_codes() -> tuple[list[str], list[str], list[str]]:
    """The codes the shipped schemes accept (for the schema's enums): course kinds, qualifying
    tasks and kinds of evidence, over every version of every scheme file."""
    courses, tasks, kinds = {}, {}, {}
    for path in scheme_files():
        for version in read_scheme_file(path):
            courses.update(dict.fromkeys(c["code"] for c in version["courses"]))
            tasks.update(dict.fromkeys(t["code"] for t in version["qualifying_tasks"]))
            kinds.update(dict.fromkeys(version["evidence_kinds"]))
    return list(courses), list(tasks), list(kinds)


COURSE_KINDS, QUALIFYING_TASKS, EVIDENCE_KINDS = _shipped_codes()
SCHEME_CODES = [read_scheme_file(path)[0]["code"] for path in scheme_files()]


def _text(**kwargs) -> serializers.CharField:
    """A text the checks read if given: missing, null or any text."""
    return serializers.CharField(required=False, allow_blank=True, allow_null=True, **kwargs)


class _PeriodBase(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField(
        allow_null=True,
        required=False,
        help_text="The last day, or null (or left out) for a period still going on: counted "
        "to as_of. Not before the start.",
    )
    employer = _text()
    role = _text()


class WorkPeriodSerializer(_PeriodBase):
    kind = serializers.ChoiceField(choices=["work"])
    hours = serializers.FloatField(
        min_value=0, max_value=MAX_HOURS, help_text="The total hours worked in the period."
    )
    tasks = serializers.ListField(
        child=serializers.ChoiceField(choices=QUALIFYING_TASKS),
        help_text="The qualifying tasks done (handbook §17); none, and the work does not count.",
    )


class CoursePeriodSerializer(_PeriodBase):
    kind = serializers.ChoiceField(choices=COURSE_KINDS)
    passed = serializers.BooleanField()


PERIOD = PolymorphicProxySerializer(
    component_name="Period",
    serializers=[WorkPeriodSerializer, CoursePeriodSerializer],
    resource_type_field_name=None,
    many=True,
)


class QeInputSerializer(serializers.Serializer):
    as_of = serializers.DateField(help_text="The day the experience is counted to.")
    periods = PERIOD


class QeIssueSerializer(serializers.Serializer):
    code = serializers.CharField()
    period = serializers.IntegerField(allow_null=True)
    message = serializers.CharField()


class QeResultSerializer(serializers.Serializer):
    meets_requirement = serializers.BooleanField()
    required_hours = serializers.FloatField()
    credited_hours = serializers.FloatField()
    shortfall_hours = serializers.FloatField()
    anticipated_date = serializers.DateField(allow_null=True)
    scheme_version = serializers.CharField()
    issues = QeIssueSerializer(many=True)


class EvidenceSerializer(serializers.Serializer):
    description = _text()
    date = serializers.DateField()
    kind = serializers.ChoiceField(choices=EVIDENCE_KINDS)


class SheetSerializer(serializers.Serializer):
    example = serializers.CharField(
        allow_blank=True, help_text='The example it evidences: "1.1(2)" or "2.3".'
    )
    type = serializers.ChoiceField(choices=["logbook", "personal_statement"])
    matter = _text()
    document_type = _text()
    evidence = EvidenceSerializer(
        many=True, required=False, allow_null=True, help_text="Logbook sheets."
    )
    explanation = _text()
    reflection = _text()
    supervisor = _text()
    age_explanation = _text()
    reason = _text(help_text="Personal statements: why there is no document.")
    work_date = serializers.DateField(
        required=False, allow_null=True, help_text="Personal statements: when the work was done."
    )


class ApplicantSerializer(serializers.Serializer):
    name = _text()
    membership_number = _text()


class SupervisorSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True)
    authorised = serializers.BooleanField(help_text="An authorised person (handbook §24).")
    current = serializers.BooleanField()
    declaration_examples = serializers.ListField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        allow_null=True,
        help_text="A former supervisor: the examples their declaration covers.",
    )


class PortfolioInputSerializer(serializers.Serializer):
    application_date = serializers.DateField()
    include_optional = serializers.BooleanField(required=False, allow_null=True)
    applicant = ApplicantSerializer(required=False, allow_null=True)
    supervisors = SupervisorSerializer(many=True, required=False, allow_null=True)
    sheets = SheetSerializer(many=True)


class PortfolioProblemSerializer(serializers.Serializer):
    code = serializers.CharField()
    ref = serializers.CharField(allow_null=True)
    message = serializers.CharField()


class PortfolioResultSerializer(serializers.Serializer):
    complete = serializers.BooleanField()
    required_examples = serializers.IntegerField()
    provided_examples = serializers.IntegerField()
    personal_statements = serializers.IntegerField()
    scheme_version = serializers.CharField()
    errors = PortfolioProblemSerializer(many=True)
    warnings = PortfolioProblemSerializer(many=True)
