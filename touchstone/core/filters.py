"""The filters of a list, declared once for its page and its API (django-filter FilterSets).

A module declares each list's filters as a `ListFilters` subclass in its `filters.py`: the
fields (label and GOV.UK widget for the page, `help_text` and, where a filter accepts more
than its form field shows, an `extend_schema_field` schema for the API's documentation) and
`search()`, which hands the cleaned values to the module's selector. Then

- the page builds `MyFilters(request.GET or None, request=request).for_page()`, renders `.form` (a
  `GovukForm`: messages in words, errors linked to their fields) and lists `.qs` when
  `.is_valid()`; unbound, nothing was asked;
- the API view sets `filterset_class = MyFilters` and `filter_backends = [StrictFilters]`
  (`core.api.filters`): the same fields validate its query parameters (400 by field), name
  its documented parameters, and refuse any parameter that is neither a filter nor paging.

A selector refuses a value its field cannot know (an unknown code) with `FilterRejected`,
which becomes that field's message on the page and in the API alike.
"""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.http import QueryDict
from drf_spectacular.utils import extend_schema_field

from touchstone.core.forms import GovukForm
from touchstone.core.inputs import PLAIN_TEXT_PATTERN


class FilterRejected(ValueError):
    """A filter value that names nothing the selector knows; `field` is the filter's name."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def documented(filter_, description: str, **schema):
    """`filter_` as the API documents it: a string query parameter with `description` (the
    page shows the filter's label instead) and any further schema (`enum`, `maxLength`).
    Free text carries the plain-text pattern: GovukForm refuses control characters."""
    schema = {"type": "string", **schema}
    if schema["type"] == "string" and "enum" not in schema:
        schema.setdefault("pattern", PLAIN_TEXT_PATTERN)
    return extend_schema_field({"description": description, **schema})(filter_)


class ChoicesWhenDrawn(forms.Select):
    """A GOV.UK select whose choices are read only for a page (`ListFilters.for_page()`; an
    API call, which draws nothing, asks nothing): `choices_of()` gives them, "Any" first."""

    def __init__(self, choices_of: Callable[[], list[tuple[str, str]]] | None = None):
        super().__init__(attrs={"class": "govuk-select"})
        self.choices_of = choices_of

    def draw(self) -> None:
        self.choices = [("", "Any"), *(self.choices_of() if self.choices_of else [])]


class IntegerFilter(django_filters.Filter):
    """A whole-number filter (django-filter's NumberFilter gives a Decimal)."""

    field_class = forms.IntegerField


class ListFilters(django_filters.FilterSet):
    """A list's filters: a FilterSet whose `qs` is whatever the module's selector returns for
    the cleaned values (a queryset, or a search result that pages like one)."""

    class Meta:
        form = GovukForm
        fields: list[str] = []

    _form_classes: dict[type, type] = {}

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # As django-filter's, without a deep copy of the filters for every request: the
        # selector filters the rows, the filters only declare the form and the parameters.
        self.is_bound = data is not None
        self.data = data or QueryDict()
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = self.base_filters

    def get_form_class(self):
        """The form of the filters, made once for each FilterSet class."""
        made = ListFilters._form_classes.get(type(self))
        if made is None:
            made = ListFilters._form_classes[type(self)] = super().get_form_class()
        return made

    def search(self, queryset, **values):
        """The rows for the cleaned `values` (every declared filter, blank when not given)."""
        raise NotImplementedError

    def is_valid(self) -> bool:
        if not (self.is_bound and self.form.is_valid()):
            return False
        if not hasattr(self, "_found"):
            try:
                self._found = self.search(self.queryset, **self.form.cleaned_data)
            except FilterRejected as exc:
                field = exc.field if exc.field in self.form.fields else None
                self.form.add_error(field, str(exc))
                return False
        return True

    def for_page(self) -> ListFilters:
        """The filters for a page: their selects' choices read now, in the view (where a
        database that does not answer is met as such), not halfway through the template."""
        for field in self.form.fields.values():
            if isinstance(field.widget, ChoicesWhenDrawn):
                field.widget.draw()
        return self

    def chosen(self) -> dict:
        """The filters given a valid value (a page lists by these, showing the others'
        errors beside them, so one bad filter does not empty the list)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {
            name: self.form.cleaned_data[name]
            for name in self.filters
            if self.form.cleaned_data.get(name) not in (None, "")
        }

    def value_label(self, name: str, value) -> str:
        """A filter's value as the page shows it: its choice's label, else the value."""
        field = self.form.fields[name]
        choices_of = getattr(field.widget, "choices_of", None)
        choices = choices_of() if choices_of else getattr(field, "choices", [])
        return {str(code): label for code, label in choices}.get(str(value), str(value))

    @property
    def asked(self) -> bool:
        """Whether any filter was given a value (an empty search asks nothing)."""
        return self.is_valid() and any(self.form.cleaned_data.values())

    @property
    def qs(self):
        if not self.is_valid():
            raise ValueError("the filters are not valid: check is_valid() first")
        return self._found
