"""The public register API: no sign-in, cacheable, rate-limited per client."""

import re

from django.utils import timezone
from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from touchstone.core.api.pagination import StandardPagination
from touchstone.core.api.throttling import SharedScopedRateThrottle
from touchstone.register.api.serializers.public import PublicItemSerializer, PublicPageSerializer
from touchstone.register.models import Registrant
from touchstone.register.reference import reference_codes
from touchstone.register.selectors import (
    NUMBER_PATTERN,
    BadFilter,
    PublicFilters,
    public_get_item,
    public_items,
    public_search,
)

ALLOWED_PARAMETERS = {"q", "right", "category", "status", "town", "page", "page_size"}
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


class PublicRegisterList(PublicRegisterBase):
    """Search the public register by name (tolerant of typos), number, right, category,
    status and town or postcode."""

    @extend_schema(
        operation_id="public_register_list",
        auth=[],
        parameters=[
            OpenApiParameter("q", str, description="Name or membership/entity number"),
            OpenApiParameter(
                "right",
                {"type": "string", "enum": reference_codes("right_types")},
                description="Right code, e.g. immigration",
            ),
            OpenApiParameter(
                "category",
                {"type": "string", "enum": reference_codes("categories")},
                description="Category code (the name is accepted too)",
            ),
            OpenApiParameter(
                "status",
                {"type": "string", "enum": reference_codes("statuses")},
                description="Status code (the name is accepted too)",
            ),
            OpenApiParameter("town", str, description="Town, or the start of a postcode"),
            OpenApiParameter("page", {"type": "integer", "minimum": 1}),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": 100},
                description="1 to 100",
            ),
        ],
        responses=PublicPageSerializer,
    )
    def get(self, request):
        unknown = sorted(set(request.query_params) - ALLOWED_PARAMETERS)
        if unknown:
            raise ValidationError({"detail": f"unknown parameter: {', '.join(unknown)}"})
        params = {k: request.query_params.get(k, "")[:200] for k in ALLOWED_PARAMETERS}
        as_at = timezone.now()
        try:
            queryset = public_search(
                PublicFilters(
                    q=params["q"],
                    right=params["right"],
                    category=params["category"],
                    status=params["status"],
                    town=params["town"],
                ),
                as_of=timezone.localdate(),
            )
        except BadFilter as exc:
            raise ValidationError({exc.field: [str(exc)]}) from exc
        paginator = StandardPagination()
        page = paginator.paginate_queryset(queryset.values(), request, view=self)
        return paginator.get_paginated_response(
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
