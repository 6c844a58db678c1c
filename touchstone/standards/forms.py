"""The framework page's download: which format to write the framework in."""

from django import forms

from touchstone.core.forms import GovukForm
from touchstone.standards.exports import FORMATS

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
