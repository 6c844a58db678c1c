"""The API side of `core.filters.ListFilters`: a list view's query parameters are its
FilterSet's filters, checked by the FilterSet's own form, plus paging; anything else is a 400."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from rest_framework.exceptions import ValidationError


class StrictFilters(DjangoFilterBackend):
    """DjangoFilterBackend that refuses a query parameter the list does not take (a typo, or
    `ordering=date_of_birth`) instead of ignoring it. A view may take a few parameters that
    are not filters (`also_takes`, e.g. `as_of`), and give its FilterSet more arguments
    (`filterset_kwargs()`, e.g. the plan whose actions are filtered)."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        extra = getattr(view, "filterset_kwargs", None)
        return {**kwargs, **(extra() if extra else {})}

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        taken = set(filterset_class.base_filters) if filterset_class else set()
        taken |= set(getattr(view, "also_takes", ()))
        paginator = getattr(view, "paginator", None)
        for name in ("page_query_param", "page_size_query_param"):
            if getattr(paginator, name, None):
                taken.add(getattr(paginator, name))
        unknown = sorted(set(request.query_params) - taken)
        if unknown:
            raise ValidationError({"detail": f"unknown parameter: {', '.join(unknown)}"})
        return super().filter_queryset(request, queryset, view)


class OwnPageSchema(AutoSchema):
    """The schema of a list view that answers with a page shape of its own (not DRF's
    paginated wrapper of a serializer): its filters and paging are documented all the same."""

    def get_filter_backends(self):
        return getattr(self.view, "filter_backends", []) if self.method == "GET" else []

    def _get_pagination_parameters(self):
        paginator = self._get_paginator()
        if paginator is None or self.method != "GET":
            return []
        return paginator.get_schema_operation_parameters(self.view)
