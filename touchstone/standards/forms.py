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
