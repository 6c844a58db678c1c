"""The framework page's download (which format to write the framework in), and the
accreditation scheme's forms: applying, recording a fee's payment, a heading's answers and a
standard's evidence."""

from django import forms

from touchstone.core.forms import GovukForm, PaymentForm, govuk_textarea
from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.writes import VersionedForm
from touchstone.standards.exports import FORMATS
from touchstone.standards.models import AnswerValue

FORMAT_LABELS = {
    "csv": "CSV (a spreadsheet, one row a standard)",
    "xlsx": "Excel workbook (XLSX)",
    "json": "JSON",
    "yaml": "YAML (the library file, which loads back)",
}


class DownloadForm(GovukForm):
    format = forms.ChoiceField(
        label="Format",
        choices=[(fmt, FORMAT_LABELS[fmt]) for fmt in FORMATS],
        initial="csv",
        widget=forms.RadioSelect,
    )
    nouns = {"format": "format"}


class ApplyForm(GovukForm):
    """A provider applies for accreditation: with which standards body, and whether it is one
    of the body's corporate members (the lower fee)."""

    standards_body = forms.ModelChoiceField(
        label="Standards body",
        queryset=Organisation.objects.filter(kind=OrganisationKind.STANDARDS_BODY),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    corporate_member = forms.TypedChoiceField(
        label="Is the provider a corporate member of the standards body?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="Corporate members pay the lower fee.",
    )
    nouns = {"standards_body": "standards body", "corporate_member": "whether it is a member"}


class AssessmentPaymentForm(VersionedForm, PaymentForm):
    """A standards body's officer records an assessment fee's payment."""

    nouns = {"reference": "payment reference"}


class AnswersForm(VersionedForm, GovukForm):
    """One heading's standards: for each, the answer, a note and (at renewal) whether last
    year's answer is re-confirmed. Fields are named `answer-<n>`, `note-<n>`, `confirm-<n>`."""

    def __init__(self, data=None, *, rows, renewal: bool, **kwargs):
        self.rows, self.renewal = rows, renewal
        self.numbers = [row.answer.number for row in rows]
        self.nouns = {f"note-{number}": "note" for number in self.numbers}
        super().__init__(data, **kwargs)

    def add_instance_fields(self) -> None:
        for row in self.rows:
            number = row.answer.number
            choices = [("", "Not answered yet")] + [
                (value, label)
                for value, label in AnswerValue.choices
                if row.standard.na_allowed or value != AnswerValue.NOT_APPLICABLE
            ]
            self.fields[f"answer-{number}"] = forms.ChoiceField(
                label=f"Standard {number}: complied?",
                choices=choices,
                required=False,
                widget=forms.Select(attrs={"class": "govuk-select"}),
            )
            self.fields[f"note-{number}"] = forms.CharField(
                label=f"Note on standard {number} (optional)",
                max_length=4000,
                required=False,
                widget=govuk_textarea(2),
            )
            if self.renewal:
                self.fields[f"confirm-{number}"] = forms.BooleanField(
                    label=f"Last year's answer to standard {number} still stands",
                    required=False,
                )

    def answers(self) -> dict[int, dict]:
        data = self.cleaned_data
        return {
            number: {
                "answer": data.get(f"answer-{number}", ""),
                "note": data.get(f"note-{number}", ""),
                "reconfirmed": bool(data.get(f"confirm-{number}")),
            }
            for number in self.numbers
        }


class EvidenceForm(GovukForm):
    file = forms.FileField(
        label="Upload a document", help_text="A PDF, Word document, PNG or JPEG."
    )
    nouns = {"file": "document"}


class CoverageForm(GovukForm):
    """Which accreditation the provider already holds (one of the frameworks mapped to)."""

    held = forms.ChoiceField(
        label="Which accreditation do you already hold?",
        help_text="The standards its clauses are mapped to are shown as covered: a starting "
        "point for your self-assessment, not a verdict.",
        widget=forms.RadioSelect,
    )
    nouns = {"held": "accreditation you hold"}

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held"].choices = [(t.ref_id, t.name) for t in targets]
