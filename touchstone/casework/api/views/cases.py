"""The caseworkers' queue as JSON: the acting organisation's cases under the scheme it runs,
by the same filters as the page (`filters.CaseQueueFilters`). Anyone who is not casework staff
of an organisation running a scheme is refused (403)."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics

from touchstone.casework.api.serializers.cases import QueueCaseSerializer
from touchstone.casework.filters import CaseQueueFilters
from touchstone.casework.models import Case
from touchstone.core.api.filters import StrictFilters
from touchstone.core.web import acting_organisation


@extend_schema(tags=["casework"], summary="The caseworkers' queue of cases")
class CaseList(generics.ListAPIView):
    serializer_class = QueueCaseSerializer
    queryset = Case.objects.none()  # the rows come from the filters' selector
    filterset_class = CaseQueueFilters
    filter_backends = [StrictFilters]

    def get(self, request, *args, **kwargs):
        request.acting_organisation = acting_organisation(request, "casework.view_case")
        return super().get(request, *args, **kwargs)
