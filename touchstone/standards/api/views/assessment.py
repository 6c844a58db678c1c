"""The self-assessment check as a public API: anyone may post a draft assessment and read what
the framework's rules say of it (the status, the remediation deadline, the fee, what is not
complied). Rate-limited per client like the framework pages; nothing is stored."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.core.api.schema import BAD_INPUT, not_found
from touchstone.core.api.throttling import SharedScopedRateThrottle
from touchstone.standards.api.serializers.assessment import (
    AssessmentInputSerializer,
    AssessmentResultSerializer,
)
from touchstone.standards.api.views.frameworks import FRAMEWORK
from touchstone.standards.selectors import UnknownFramework, assessment_check_for


class AssessmentCheck(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [SharedScopedRateThrottle]
    throttle_scope = "public_standards"

    @extend_schema(
        operation_id="standards_assessment_check",
        auth=[],
        parameters=[FRAMEWORK],
        request=AssessmentInputSerializer,
        responses={200: AssessmentResultSerializer, 400: BAD_INPUT, 404: not_found("framework")},
        description="Check a self-assessment against the framework's current edition: every "
        "standard answered, n/a only where allowed, the status (compliant, partially_compliant "
        "or incomplete), the remediation deadline and the fee in force on submitted_on. The "
        "verdict is a 200 whatever it is; a document the check cannot read is a 400 naming "
        "the place.",
    )
    def post(self, request, ref_id: str):
        try:
            result = assessment_check_for(ref_id, request.data)  # MalformedInput: a 400
        except UnknownFramework as exc:
            raise NotFound(f'No framework "{ref_id}" with an accreditation scheme.') from exc
        return Response(result)
