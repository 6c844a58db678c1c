"""The forms of steps 1 and 2 (technical knowledge, qualifying experience) and the officers'
decisions on them."""

from django import forms

from touchstone.core.dates import TODAY, DateInputField
from touchstone.core.forms import GovukForm, govuk_select, govuk_textarea
from touchstone.core.uploads import ACCEPT
from touchstone.core.writes import VersionedForm
from touchstone.rights.rules.knowledge import ROUTES
from touchstone.rights.rules.states import EXPERIENCE_MOVES, KNOWLEDGE_MOVES


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


def _officer_actions(table) -> frozenset[str]:
    return frozenset(m.action for moves in table.values() for m in moves if m.by == "officer")


class OfficerDecisionForm(VersionedForm, GovukForm):
    """An officer's decision on a submitted step: the moves its state offers, and reasons."""

    nouns = {"reasons": "reasons"}
    officer_actions: frozenset[str] = frozenset()
    reasons_help = "For the letter to the applicant. Needed unless the requirement is met."

    action = forms.ChoiceField(label="Decision", widget=forms.RadioSelect)
    reasons = forms.CharField(label="Reasons", required=False, widget=govuk_textarea(rows=4))

    def add_instance_fields(self) -> None:
        # Before the fields are described, so the hint is shown and the box points at it.
        self.fields["reasons"].help_text = self.reasons_help

    def __init__(self, *args, moves, **kwargs):
        super().__init__(*args, **kwargs)
        action = self.fields["action"]
        action.choices = [(m.action, m.words) for m in moves]  # what this state offers
        # Any decision is accepted as sent: the service says if the application has moved on
        # since the page was opened (a stale version) or cannot take it in its state.
        action.valid_value = lambda value: value in self.officer_actions


class DecisionForm(OfficerDecisionForm):
    """An officer's decision on submitted qualifying experience (§26-28)."""

    officer_actions = _officer_actions(EXPERIENCE_MOVES)

    hearing_on = DateInputField(
        label="Committee hearing date",
        noun="hearing date",
        required=False,
        help_text="Only when referring to the committee.",
    )


class KnowledgeForm(VersionedForm, GovukForm):
    """Step 1's evidence (§12-16): an accredited qualification and its certificate, or a
    request to recognise prior legal qualifications with a document. The file is checked by
    the service (`core.services.upload_store`), by its content."""

    nouns = {"qualification": "accredited qualification", "description": "qualifications"}

    route = forms.ChoiceField(
        label="How do you show your technical knowledge?",
        choices=list(ROUTES.items()),
        widget=forms.RadioSelect,
    )
    qualification = forms.ChoiceField(
        label="Your accredited qualification (accredited qualification only)",
        required=False,
        widget=govuk_select(),
    )
    description = forms.CharField(
        label="The legal qualifications you want recognised (recognition only)",
        help_text="Each qualification, who awarded it and when, for example "
        "LLB (Hons) Law, University of Leeds, 2009.",
        max_length=5000,
        required=False,
        widget=govuk_textarea(rows=5),
    )
    document = forms.FileField(
        label="Upload your certificate, or a document showing your qualifications",
        help_text="A PDF, Word document, PNG or JPEG, up to 10 MB. If you have uploaded one "
        "already, leave this empty to keep it.",
        required=False,
        widget=forms.FileInput(attrs={"class": "govuk-file-upload", "accept": ACCEPT}),
    )

    def __init__(self, *args, qualifications, limit_words: str = "10 MB", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification"].choices = [("", "Choose a qualification"), *qualifications]
        self.fields["document"].help_text = self.fields["document"].help_text.replace(
            "10 MB", limit_words
        )

    def clean(self):
        data = super().clean()
        if data.get("route") == "accredited" and not data.get("qualification"):
            self.add_error("qualification", "Choose your accredited qualification")
        if data.get("route") == "recognition" and not (data.get("description") or "").strip():
            self.add_error("description", "Describe the legal qualifications you want recognised")
        return data


class KnowledgeDecisionForm(OfficerDecisionForm):
    """An officer's decision on submitted technical knowledge (§12-16)."""

    officer_actions = _officer_actions(KNOWLEDGE_MOVES)
