"""The public register API: no sign-in, cacheable, rate-limited per client."""

import re

from django.utils import timezone
from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.core.api.filters import OwnPageSchema, StrictFilters
from touchstone.core.api.pagination import StandardPagination
from touchstone.core.api.throttling import SharedScopedRateThrottle
from touchstone.register.api.serializers.public import PublicItemSerializer, PublicPageSerializer
from touchstone.register.filters import PublicRegisterFilters
from touchstone.register.models import Registrant
from touchstone.register.selectors import (
    NUMBER_PATTERN,
    public_get_item,
    public_items,
)

CACHE_SECONDS = 60


class PublicRegisterBase(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [SharedScopedRateThrottle]
    throttle_scope = "public_register"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response


class PublicRegisterList(PublicRegisterBase, generics.GenericAPIView):
    """Search the public register by name (tolerant of typos), number, right, category,
    status and town or postcode."""

    queryset = Registrant.objects.none()  # the rows come from the filters' selector
    filterset_class = PublicRegisterFilters
    filter_backends = [StrictFilters]
    pagination_class = StandardPagination
    schema = OwnPageSchema()

    @extend_schema(operation_id="public_register_list", auth=[], responses=PublicPageSerializer)
    def get(self, request):
        as_at = timezone.now()
        results = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(results.values())
        return self.get_paginated_response(
            public_items(page, as_of=timezone.localdate(), as_at=as_at)
        )


class PublicRegisterDetail(PublicRegisterBase):
    @extend_schema(
        operation_id="public_register_retrieve",
        auth=[],
        parameters=[
            OpenApiParameter(
                "number",
                {"type": "string", "pattern": NUMBER_PATTERN},
                location=OpenApiParameter.PATH,
                description="Up to 3 letters, then digits: 100001 or E5000",
            )
        ],
        responses=PublicItemSerializer,
    )
    def get(self, request, number: str):
        if not re.match(NUMBER_PATTERN, number):
            raise ValidationError(
                {"number": "A register number is up to 3 letters, then digits: 100001 or E5000."}
            )
        try:
            item = public_get_item(number, as_of=timezone.localdate(), as_at=timezone.now())
        except Registrant.DoesNotExist as exc:
            raise NotFound(f'No one with the number "{number[:20]}" is on the register.') from exc
        return Response(item)
