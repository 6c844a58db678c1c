"""The officers' queue of applications, filtered by the state of their qualifying experience
(core.filters: declared once, as every list's filters are)."""

from django_filters import ChoiceFilter

from touchstone.core.filters import ListFilters
from touchstone.core.forms import govuk_select
from touchstone.rights.models import Application
from touchstone.rights.rules import EXPERIENCE_STATES
from touchstone.rights.selectors import applications_for_officer


class ApplicationFilters(ListFilters):
    """`/rights/staff/?state=submitted`: the applications made to the officer's regulators."""

    state = ChoiceFilter(
        label="Qualifying experience",
        choices=list(EXPERIENCE_STATES.items()),
        empty_label="Any",
        widget=govuk_select(),
    )

    class Meta(ListFilters.Meta):
        model = Application

    def search(self, queryset, *, state="", **values):
        return applications_for_officer(self.request.user, state=state or None)
