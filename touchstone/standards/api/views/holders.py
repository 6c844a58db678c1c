"""Public verification: does a provider hold the framework's accreditation? Anyone may ask,
by name; the answer is each current holder's name, status and registered-until date, nothing
else. Cacheable for a minute and rate-limited per client like the rest of the public API."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError

from touchstone.core.api.schema import BAD_INPUT, not_found
from touchstone.standards.api.serializers.holders import HolderSerializer
from touchstone.standards.api.views.frameworks import FRAMEWORK, PublicStandardsBase
from touchstone.standards.models import Accreditation
from touchstone.standards.selectors import has_accreditation_scheme, holders_public
from touchstone.standards.selectors.holders import MAX_QUERY

QUERY = OpenApiParameter(
    "q",
    {"type": "string", "maxLength": MAX_QUERY},
    description="Words of the provider's name (any case; every word must appear). Empty: "
    "every current holder.",
)


class PublicHolders(PublicStandardsBase, generics.ListAPIView):
    serializer_class = HolderSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema: no framework to read
            return Accreditation.objects.none()
        ref_id = self.kwargs["ref_id"]
        if not has_accreditation_scheme(ref_id):  # only such a framework has holders
            raise NotFound(f'No framework "{ref_id[:60]}" with an accreditation scheme.')
        q = self.request.query_params.get("q", "")
        if len(q) > MAX_QUERY:
            raise ValidationError({"q": [f"Enter at most {MAX_QUERY} characters"]})
        return holders_public(framework_ref=ref_id, q=q, as_of=timezone.localdate())

    @extend_schema(
        operation_id="standards_holders_list",
        auth=[],
        parameters=[FRAMEWORK, QUERY],
        responses={200: HolderSerializer(many=True), 400: BAD_INPUT, 404: not_found("framework")},
        description="The current holders of the framework's accreditation whose name matches "
        "`q`: each one's name, status and registered-until date. A terminated or lapsed "
        "accreditation is not listed.",
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
