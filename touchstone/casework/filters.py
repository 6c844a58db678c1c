"""The scorecard's choices, declared once for its page, its API and its command: the
jurisdiction (none: all), the scheme (none: the ombudsman's), and the period's checks where a
person types it (the page): its end not before its start, ten years at most. And the
caseworkers' queue's filters, declared once for its page and its API."""

from datetime import date

from django_filters import CharFilter, ChoiceFilter

from touchstone.casework.models import Case, Jurisdiction, Scheme
from touchstone.casework.reference import read_scheme_file, scheme_files
from touchstone.casework.rules import queue
from touchstone.casework.selectors.queues import case_queue, queue_stages
from touchstone.core.filters import ChoicesWhenDrawn, ListFilters, documented
from touchstone.core.forms import govuk_input, govuk_select

LONGEST_PERIOD_DAYS = 3660  # ten years of history: the longest a scorecard covers
JURISDICTIONS = tuple(Jurisdiction.values)
# Every stage code of the shipped schemes, for the API's schema (a stage of another scheme
# than the organisation's lists no case).
STAGE_CODES = list(
    dict.fromkeys(
        stage["code"] for path in scheme_files() for stage in read_scheme_file(path)["stages"]
    )
)
SCHEMES = tuple(Scheme.values)


def period_refusal(date_from: date, date_to: date) -> dict[str, str]:
    """What is wrong with a scorecard's period, by field ({}: nothing)."""
    if date_to < date_from:
        return {"to": "The end of the period must be the same as or after its start"}
    if (date_to - date_from).days > LONGEST_PERIOD_DAYS:
        return {"to": "The period can be at most ten years long"}
    return {}


def year_of(date_from: date) -> int:
    """The target year (April to March) a period starting on `date_from` falls in."""
    return date_from.year if date_from.month >= 4 else date_from.year - 1


class CaseQueueFilters(ListFilters):
    """The caseworkers' queue, `/casework/staff/` and `/api/v1/casework/cases/`: the acting
    organisation's cases under the scheme it runs (`request.acting_organisation`)."""

    state = documented(
        ChoiceFilter(
            label="Open or concluded",
            choices=list(queue.STATES.items()),
            empty_label=None,
            widget=govuk_select(),
        ),
        "open (the default), concluded or all.",
        enum=list(queue.STATES),
    )
    stage = documented(
        CharFilter(label="Stage", max_length=40, widget=ChoicesWhenDrawn()),
        "A stage code of the organisation's scheme (a stage of another scheme lists no case).",
        enum=STAGE_CODES,
    )
    complexity = documented(
        ChoiceFilter(
            label="Complexity",
            choices=list(queue.COMPLEXITIES.items()),
            empty_label="Any",
            widget=govuk_select(),
        ),
        "high, medium, low, or none (not triaged yet).",
        enum=list(queue.COMPLEXITIES),
    )
    assigned = documented(
        ChoiceFilter(
            label="Assigned",
            choices=list(queue.ASSIGNED.items()),
            empty_label="Anyone or no one",
            widget=govuk_select(),
        ),
        "me (assigned to you) or none (not assigned).",
        enum=list(queue.ASSIGNED),
    )
    q = documented(
        CharFilter(label="Reference", max_length=40, widget=govuk_input()),
        "A case's reference (in any case).",
        maxLength=40,
    )
    sort = documented(
        ChoiceFilter(
            label="Order",
            choices=list(queue.SORTS.items()),
            empty_label=None,
            widget=govuk_select(),
        ),
        "oldest (received; the default), newest, accepted or reference.",
        enum=list(queue.SORTS),
    )

    class Meta(ListFilters.Meta):
        model = Case

    def for_page(self) -> "CaseQueueFilters":
        organisation = self.request.acting_organisation
        self.form.fields["stage"].widget.choices_of = lambda: queue_stages(organisation)
        return super().for_page()

    def search(self, queryset, **values):
        return case_queue(self.request.user, self.request.acting_organisation, **values)
