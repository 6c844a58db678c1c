"""The register's list filters, declared once for each list's page and API (core.filters)."""

from django import forms
from django.utils import timezone
from django_filters import CharFilter

from touchstone.core.filters import ChoicesWhenDrawn, ListFilters, documented
from touchstone.core.forms import govuk_input
from touchstone.register.models import Category, Registrant, RightType, Status
from touchstone.register.reference import reference_codes
from touchstone.register.selectors import PublicFilters, public_search, staff_search


def _reference(label: str, model, codes: str, description: str) -> CharFilter:
    """A filter by a category, status or right: a select of codes on the page; the API
    documents the codes and, like the page, also takes a name in any case (the selector
    knows both, and refuses anything else by the field's name)."""
    return documented(
        CharFilter(
            label=label,
            widget=ChoicesWhenDrawn(lambda: list(model.objects.values_list("code", "name"))),
        ),
        description,
        enum=reference_codes(codes),
    )


class PublicRegisterFilters(ListFilters):
    """The public search: `/register/` and `/api/v1/public/register/`."""

    q = documented(
        CharFilter(
            label="Name or number",
            max_length=200,
            widget=forms.TextInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
        ),
        "Name or membership/entity number",
        maxLength=200,
    )
    town = documented(
        CharFilter(label="Town or postcode", max_length=100, widget=govuk_input()),
        "Town, or the start of a postcode",
        maxLength=100,
    )
    right = _reference("Practice right", RightType, "right_types", "Right code, e.g. immigration")
    category = _reference(
        "Category", Category, "categories", "Category code (the name is accepted too)"
    )
    status = _reference("Status", Status, "statuses", "Status code (the name is accepted too)")

    class Meta(ListFilters.Meta):
        model = Registrant

    def search(self, queryset, **values):
        return public_search(PublicFilters(**values), as_of=timezone.localdate())


class StaffRegisterFilters(ListFilters):
    """The officers' search: `/register/staff/` and `/api/v1/register/registrants/`."""

    q = documented(
        CharFilter(label="Name, number or email", max_length=200, widget=govuk_input()),
        "Name, number or email.",
        maxLength=200,
    )

    class Meta(ListFilters.Meta):
        model = Registrant

    def search(self, queryset, **values):
        return staff_search(self.request.user, q=values["q"])
