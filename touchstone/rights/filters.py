"""The officers' queue of applications, filtered by the state of any of their steps, by the
step waiting for the officer, and put in order (core.filters: declared once, as every list's
filters are)."""

from django_filters import ChoiceFilter

from touchstone.core.filters import ListFilters
from touchstone.core.forms import govuk_select
from touchstone.rights.models import Application
from touchstone.rights.rules import queue
from touchstone.rights.selectors import applications_for_officer

STATE_CHOICES = [
    (name, [(queue.state_value(step, code), label) for code, label in states.items()])
    for (step, name), states in zip(queue.STEPS.items(), queue.STEP_STATES.values(), strict=True)
]
WAITING_CHOICES = [("any", "Any step"), *queue.STEPS.items()]


class ApplicationFilters(ListFilters):
    """`/rights/staff/?state=application:under_assessment&waiting=any&sort=name`: the
    applications made to the officer's regulators. A bare state (`?state=submitted`, the old
    links) is the qualifying experience's."""

    state = ChoiceFilter(
        label="State of a step",
        choices=STATE_CHOICES,
        empty_label="Any",
        widget=govuk_select(),
    )
    waiting = ChoiceFilter(
        label="Waiting for you at",
        choices=WAITING_CHOICES,
        empty_label="Any step or none",
        widget=govuk_select(),
    )
    sort = ChoiceFilter(
        label="Order",
        choices=list(queue.SORTS.items()),
        empty_label=None,
        widget=govuk_select(),
    )

    class Meta(ListFilters.Meta):
        model = Application

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and ":" not in data.get("state", ":"):
            chosen = queue.state_choice(data["state"])
            if chosen is not None:  # an old link: the qualifying experience's state
                data = data.copy()
                data["state"] = queue.state_value(*chosen)
        super().__init__(data, *args, **kwargs)

    def search(self, queryset, *, state="", waiting="", sort="", **values):
        return applications_for_officer(
            self.request.user, state=state or None, waiting=waiting or None, sort=sort or None
        )
