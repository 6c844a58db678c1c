"""The plans' list filters, declared once for the dashboard and the API (core.filters)."""

from django.core.exceptions import ValidationError
from django_filters import CharFilter, ChoiceFilter

from touchstone.core.dates import DateInputField
from touchstone.core.filters import ChoicesWhenDrawn, IntegerFilter, ListFilters, documented
from touchstone.core.forms import GovukForm, govuk_input, govuk_select
from touchstone.plans.models import NOT_RATED, Action, ActionStatus, Rag
from touchstone.plans.selectors import actions_for_plan, plan_leads

RAG_CHOICES = [*Rag.choices, ("none", NOT_RATED)]


def _codes(what: str, choices) -> str:
    """'Status: `not_started` (Not started), …' for the API's documentation."""
    return f"{what}: " + ", ".join(f"`{code}` ({label})" for code, label in choices) + "."


class ActionFilters(ListFilters):
    """A plan's actions: the dashboard (`/plans/<pk>/`) and `/api/v1/plans/<pk>/actions/`."""

    q = documented(
        CharFilter(label="Search actions", max_length=200, widget=govuk_input()),
        "Text or exact ref.",
        maxLength=200,
    )
    area = documented(
        IntegerFilter(label="Area", min_value=1, widget=ChoicesWhenDrawn()),
        "Area id.",
        type="integer",
        minimum=1,
    )
    lead = documented(
        CharFilter(label="Lead", max_length=100, widget=ChoicesWhenDrawn()),
        "Initials, e.g. BB.",
        maxLength=100,
    )
    status = documented(
        ChoiceFilter(
            label="Status", choices=ActionStatus.choices, empty_label="Any", widget=govuk_select()
        ),
        _codes("Status", ActionStatus.choices),
        enum=list(ActionStatus.values),
    )
    rag = documented(
        ChoiceFilter(label="RAG", choices=RAG_CHOICES, empty_label="Any", widget=govuk_select()),
        _codes('RAG, "none" for actions with no RAG', RAG_CHOICES),
        enum=[code for code, _ in RAG_CHOICES],
    )

    class Meta(ListFilters.Meta):
        model = Action

    def __init__(self, data=None, queryset=None, *, plan, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.plan = plan
        fields = self.form.fields
        fields["area"].widget.choices_of = lambda: [(str(a.pk), str(a)) for a in plan.areas.all()]
        fields["lead"].widget.choices_of = lambda: [(lead, lead) for lead in plan_leads(plan)]

    def search(self, queryset, **values):
        return actions_for_plan(self.plan, filters={k: v for k, v in values.items() if v})


class DashboardForm(GovukForm):
    """The dashboard's form: the action filters and the day to measure them against."""

    field_order = ["q", "area", "lead", "status", "rag", "as_of"]
    as_of = DateInputField(
        label="As of",
        noun="date to measure against",
        required=False,
        help_text="The day to measure overdue, due soon and stale actions against.",
    )


class DashboardFilters(ActionFilters):
    """The dashboard's filters: the same as the API's, with the `as_of` date input; the area
    is one of the plan's (its select offers no other), where the API finds none for another."""

    class Meta(ActionFilters.Meta):
        form = DashboardForm

    def __init__(self, data=None, queryset=None, *, plan, request=None, prefix=None):
        super().__init__(data, queryset, plan=plan, request=request, prefix=prefix)
        self.form.fields["area"].validators.append(self._an_area_of_the_plan)

    def _an_area_of_the_plan(self, value: int) -> None:
        if not self.plan.areas.filter(pk=value).exists():
            raise ValidationError("Choose an area of this plan", code="invalid_choice")
