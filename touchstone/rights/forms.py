"""The practice-rights module's forms."""

from django import forms

from touchstone.core.dates import TODAY, DateInputField
from touchstone.core.forms import GovukForm
from touchstone.core.writes import VersionedForm
from touchstone.rights.rules.states import EXPERIENCE_MOVES


class SchemeOnForm(GovukForm):
    """Which version of a scheme applies on a date: an application is checked against the
    version in force on its application date."""

    on = DateInputField(
        required=False,
        label="Application date",
        noun="application date",
        help_text="The version in force on this date applies.",
    )


class PeriodForm(GovukForm):
    """A period of work or of a course on the qualifying experience (§17-20). The kinds and
    tasks are the scheme's."""

    nouns = {"hours": "hours worked", "employer": "employer", "role": "role"}

    kind = forms.ChoiceField(label="What was it?", widget=forms.RadioSelect)
    start = DateInputField(label="Start date", noun="start date", latest=TODAY)
    end = DateInputField(
        label="End date",
        noun="end date",
        required=False,
        help_text="Leave it empty if it is still going on.",
    )
    employer = forms.CharField(
        label="Employer or course provider",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
    )
    role = forms.CharField(
        label="Your role",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-!-width-two-thirds"}),
    )
    hours = forms.DecimalField(
        label="Hours worked in the period (work only)",
        help_text="All the hours over the whole period, for example 1400.",
        required=False,
        min_value=0,
        max_value=1_000_000,
        decimal_places=2,
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}
        ),
    )
    tasks = forms.MultipleChoiceField(
        label="Which of these did the work include? (work only)",
        help_text="Work counts only when it includes at least one (handbook §17).",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    passed = forms.TypedChoiceField(
        label="Did you pass the course? (courses only)",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("work", "Work")] + [
            (code, name) for code, name, *_ in scheme.courses
        ]
        self.fields["tasks"].choices = list(scheme.qualifying_tasks)

    def clean(self):
        data = super().clean()
        if data.get("kind") == "work" and data.get("hours") is None:
            self.add_error("hours", "Enter the hours worked in the period, for example 1400")
        if data.get("kind") and data["kind"] != "work" and data.get("passed") is None:
            self.add_error("passed", "Select yes if you passed the course")
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {k: data[k] for k in ("kind", "start", "end", "employer", "role")}
        if data["kind"] == "work":
            return {**fields, "hours": data["hours"], "tasks": data["tasks"], "passed": None}
        return {**fields, "hours": None, "tasks": [], "passed": data["passed"]}


class PeriodChangeForm(VersionedForm, PeriodForm):
    """A period changed: the application's version as it was opened travels with the form."""


OFFICER_ACTIONS = frozenset(
    m.action for moves in EXPERIENCE_MOVES.values() for m in moves if m.by == "officer"
)


class DecisionForm(VersionedForm, GovukForm):
    """An officer's decision on submitted qualifying experience (§26-28)."""

    nouns = {"reasons": "reasons"}

    action = forms.ChoiceField(label="Decision", widget=forms.RadioSelect)
    reasons = forms.CharField(
        label="Reasons",
        help_text="For the letter to the applicant. Needed unless the requirement is met.",
        required=False,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}),
    )
    hearing_on = DateInputField(
        label="Committee hearing date",
        noun="hearing date",
        required=False,
        help_text="Only when referring to the committee.",
    )

    def __init__(self, *args, moves, **kwargs):
        super().__init__(*args, **kwargs)
        action = self.fields["action"]
        action.choices = [(m.action, m.words) for m in moves]  # what this state offers
        # Any decision is accepted as sent: the service says if the application has moved on
        # since the page was opened (a stale version) or cannot take it in its state.
        action.valid_value = lambda value: value in OFFICER_ACTIONS
