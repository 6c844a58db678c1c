"""The scheme checks as a public API: anyone may post a plan of their qualifying experience or
a draft portfolio and read what the scheme in force on its date says of it. Rate-limited per
client like the public register API; nothing is stored."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.core.api.schema import BAD_INPUT, not_found
from touchstone.core.api.throttling import SharedScopedRateThrottle
from touchstone.rights.api.serializers.checks import (
    SCHEME_CODES,
    PortfolioInputSerializer,
    PortfolioResultSerializer,
    QeInputSerializer,
    QeResultSerializer,
)
from touchstone.rights.selectors import UnknownScheme, portfolio_check_for, qe_check_for

NOT_FOUND = not_found("scheme")
SCHEME = OpenApiParameter(
    "scheme",
    {"type": "string", "enum": SCHEME_CODES},
    location=OpenApiParameter.PATH,
    description="The scheme's code: immigration.",
)


class SchemeCheck(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [SharedScopedRateThrottle]
    throttle_scope = "public_rights_checks"
    check = None  # the selector that runs the check (a staticmethod)

    def post(self, request, scheme: str):
        try:
            result = self.check(scheme, request.data)  # MalformedInput: a 400 (core.api.errors)
        except UnknownScheme as exc:
            raise NotFound(f'No scheme "{scheme}".') from exc
        return Response(result)


def _documented(operation_id: str, request, result, description: str):
    return extend_schema_view(
        post=extend_schema(
            operation_id=operation_id,
            auth=[],
            parameters=[SCHEME],
            request=request,
            responses={200: result, 400: BAD_INPUT, 404: NOT_FOUND},
            description=description,
        )
    )


@_documented(
    "rights_qe_check",
    QeInputSerializer,
    QeResultSerializer,
    "Qualifying experience (step 2): the hours credited under the scheme in force on `as_of`, "
    "any shortfall and the date it is expected to be met.",
)
class QeCheck(SchemeCheck):
    check = staticmethod(qe_check_for)


@_documented(
    "rights_portfolio_check",
    PortfolioInputSerializer,
    PortfolioResultSerializer,
    "Portfolio of evidence (step 3): the examples missing and every rule a sheet breaks, "
    "under the scheme in force on `application_date`.",
)
class PortfolioCheck(SchemeCheck):
    check = staticmethod(portfolio_check_for)
