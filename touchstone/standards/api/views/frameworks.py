"""The framework library as a public API: the frameworks held, and a framework's standards in
the export's JSON shape (filtered as the page is). No sign-in, cacheable, rate-limited per
client."""

from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.core.api.filters import OwnPageSchema, StrictFilters
from touchstone.core.api.schema import BAD_INPUT, not_found
from touchstone.core.api.throttling import SharedScopedRateThrottle
from touchstone.standards.api.serializers.frameworks import (
    FrameworkSerializer,
    FrameworkStandardsSerializer,
)
from touchstone.standards.exports import framework_json
from touchstone.standards.filters import StandardFilters
from touchstone.standards.models import Node
from touchstone.standards.selectors import (
    FrameworkTable,
    UnknownFramework,
    framework_current,
    framework_table,
    frameworks_current,
)

CACHE_SECONDS = 60
FRAMEWORK = OpenApiParameter(
    "ref_id",
    {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
    location=OpenApiParameter.PATH,
    description="The framework's id: iqs-2012, lsc-gqm, lexcel, iso-9000, iba-principles.",
)


class PublicStandardsBase(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [SharedScopedRateThrottle]
    throttle_scope = "public_standards"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response


class FrameworkList(PublicStandardsBase):
    @extend_schema(
        operation_id="standards_frameworks_list",
        auth=[],
        responses=FrameworkSerializer(many=True),
        description="The frameworks held, each in its current edition.",
    )
    def get(self, request):
        return Response(FrameworkSerializer(frameworks_current(), many=True).data)


class FrameworkStandards(PublicStandardsBase, generics.GenericAPIView):
    filterset_class = StandardFilters
    filter_backends = [StrictFilters]
    pagination_class = None
    schema = OwnPageSchema()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema: the standards' fields
            return Node.objects.none()
        return getattr(self, "_table", None)

    @extend_schema(
        operation_id="standards_framework_retrieve",
        auth=[],
        parameters=[FRAMEWORK],
        responses={
            200: FrameworkStandardsSerializer,
            400: BAD_INPUT,
            404: not_found("framework"),
        },
        description="A framework's current edition: its standards in order with their "
        "section, heading, parent standard and mappings (as `touchstone standards export`).",
    )
    def get(self, request, ref_id: str):
        try:
            framework = framework_current(ref_id)
        except UnknownFramework as exc:
            raise NotFound(f'No framework "{ref_id[:60]}".') from exc
        self._table = framework_table(framework)
        shown = self.filter_queryset(self._table)
        return Response(
            framework_json(
                FrameworkTable(
                    framework=framework,
                    targets=self._table.targets,
                    nodes=self._table.nodes,
                    standards=list(shown),
                )
            )
        )
