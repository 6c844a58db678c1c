"""The filters of a framework's standards (core.filters: declared once for the page and the
API): words in a standard's text, and the framework it has an equivalent in; and of the
accreditations a user may see: their state."""

from django_filters import CharFilter, ChoiceFilter

from touchstone.core.filters import ListFilters, documented
from touchstone.core.forms import govuk_select
from touchstone.standards.models import Accreditation, AccreditationState
from touchstone.standards.selectors import accreditations_list


def _words(text: str) -> list[str]:
    return text.casefold().split()


class StandardFilters(ListFilters):
    """`?q=complaint&maps_to=Lexcel`: the standards whose text holds every word, and that have
    an equivalent in that framework. The rows are the framework table's (`FrameworkTable`),
    passed as the queryset; the choices of `maps_to` are its mapping targets."""

    q = documented(
        CharFilter(label="Words in the standard", max_length=100),
        "Words that must all appear in the standard's text (any case).",
        maxLength=100,
    )
    maps_to = documented(
        ChoiceFilter(
            label="Has an equivalent in", choices=[], empty_label="Any", widget=govuk_select()
        ),
        "The short name of a framework mapped to (LSC, Lexcel, ISO 9000, IBA).",
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # the targets are the framework's own: the form is made for this table
        self.form.fields["maps_to"].choices = [
            (name, name) for name in getattr(queryset, "targets", ())
        ]

    def search(self, table, *, q="", maps_to="", **values):
        words = _words(q or "")
        return [
            row
            for row in table.standards
            if all(word in row.text.casefold() for word in words)
            and (not maps_to or row.mappings.get(maps_to))
        ]

    @property
    def qs(self):
        return self._found if self.is_valid() else self.queryset.standards


class AccreditationFilters(ListFilters):
    """`?state=provisional`: the accreditations the user may see, in one state or all."""

    state = documented(
        ChoiceFilter(
            label="State",
            choices=AccreditationState.choices,
            empty_label="Any",
            widget=govuk_select(),
        ),
        "The accreditation's state.",
        enum=list(AccreditationState.values),
    )

    class Meta(ListFilters.Meta):
        model = Accreditation

    def search(self, queryset, *, state="", **values):
        return accreditations_list(self.request.user, state=state or "")
