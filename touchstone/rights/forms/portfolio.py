"""Step 3's forms: a sheet (logbook or personal statement), a document of evidence, a
supervisor the sheets name, and whether optional outcome 6.5 is evidenced."""

from django import forms

from touchstone.core.dates import TODAY, DateInputField
from touchstone.core.forms import GovukForm, govuk_input, govuk_select, govuk_textarea
from touchstone.core.uploads import ACCEPT
from touchstone.core.writes import VersionedForm
from touchstone.rights.models.portfolio import SHEET_KINDS

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class SheetForm(VersionedForm, GovukForm):
    """One example's sheet (§33-50). Every text may be left to finish later: the check lists
    what is still missing."""

    kind = forms.ChoiceField(
        label="What is it?",
        choices=list(SHEET_KINDS.items()),
        widget=forms.RadioSelect,
        help_text="A personal statement stands in for evidence you cannot give, at most 4 "
        "(handbook §47-49).",
    )
    matter = forms.CharField(
        label="Matter (logbook sheets)",
        help_text="The client matter it comes from, e.g. its file reference. Competency 1's "
        "examples of an outcome must come from different matters (§44).",
        max_length=200,
        required=False,
        widget=govuk_input(),
    )
    document_type = forms.CharField(
        label="Type of document (logbook sheets)",
        help_text="e.g. letter of advice, witness statement. Competency 1's examples of an "
        "outcome must be different types of document (§44).",
        max_length=200,
        required=False,
        widget=govuk_input(),
    )
    reason = forms.CharField(
        label="Why there is no evidence (personal statements)",
        help_text="e.g. the advice was given in a conversation (§48).",
        required=False,
        widget=govuk_textarea(3),
    )
    work_date = DateInputField(
        label="When the work was done (personal statements)",
        noun="date of the work",
        required=False,
        latest=TODAY,
    )
    explanation = forms.CharField(
        label="How the work meets the outcome",
        help_text="Explain how it meets each of the outcome's assessment criteria.",
        required=False,
        widget=govuk_textarea(6),
    )
    reflection = forms.CharField(
        label="Your reflection",
        help_text="What you learnt, and what you would do differently.",
        required=False,
        widget=govuk_textarea(4),
    )
    supervisor = forms.ChoiceField(
        label="Supervisor who confirms it",
        required=False,
        widget=govuk_select(),
    )
    age_explanation = forms.CharField(
        label="If the evidence is over 2 years old, why (logbook sheets)",
        help_text="Evidence 2 to 3 years old is accepted only in exceptional circumstances (§41).",
        required=False,
        widget=govuk_textarea(3),
    )

    def __init__(self, *args, supervisors, **kwargs):
        self.supervisor_names = list(supervisors)
        super().__init__(*args, **kwargs)

    def add_instance_fields(self) -> None:
        self.fields["supervisor"].choices = [("", "Choose a supervisor")] + [
            (name, name) for name in self.supervisor_names
        ]

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in self.fields if name != "version"}


class EvidenceForm(GovukForm):
    """A document of evidence on a logbook sheet (§36-42)."""

    description = forms.CharField(
        label="What is the document?",
        help_text="e.g. Letter of advice to the client about their visa application.",
        max_length=300,
        widget=govuk_input(),
    )
    date = DateInputField(label="Date of the document", noun="date of the document", latest=TODAY)
    kind = forms.ChoiceField(label="Kind of document", widget=govuk_select())
    file = forms.FileField(
        label="Upload the document",
        help_text="A PDF, Word document, PNG or JPEG. Remove clients' personal data first "
        "(§38): we check for what is left.",
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload", "accept": ACCEPT}),
    )

    def __init__(self, *args, kinds, **kwargs):
        self.kinds = kinds
        super().__init__(*args, **kwargs)

    def add_instance_fields(self) -> None:
        self.fields["kind"].choices = [("", "Choose a kind")] + [
            (k.code, k.text[:1].upper() + k.text[1:]) for k in self.kinds
        ]


class SupervisorForm(GovukForm):
    """A supervisor the sheets name (§24, §53)."""

    nouns = {"name": "supervisor's full name"}

    name = forms.CharField(label="Supervisor's full name", max_length=200, widget=govuk_input())
    authorised = _yes_no(
        "Are they an authorised person?",
        "A Chartered Legal Executive, CILEX Practitioner, solicitor, barrister or licensed "
        "conveyancer (§24).",
    )
    current = _yes_no(
        "Do they supervise you now?",
        "A former supervisor confirms the examples they supervised in a declaration (§53).",
    )


class OptionalOutcomeForm(VersionedForm, GovukForm):
    include = forms.BooleanField(
        label="I am also giving an example of optional outcome 6.5", required=False
    )
