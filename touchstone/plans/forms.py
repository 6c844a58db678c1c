from django import forms
from django.utils import timezone

from touchstone.plans.models import ActionStatus, PlanKind, Rag

GOVUK_INPUT = {"class": "govuk-input"}
BLANK = [("", "No change")]


class PlanImportForm(forms.Form):
    name = forms.CharField(
        label="Plan name", max_length=200, widget=forms.TextInput(attrs=GOVUK_INPUT)
    )
    kind = forms.ChoiceField(
        label="Kind of plan",
        choices=PlanKind.choices,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    organisation = forms.ChoiceField(
        label="Organisation", widget=forms.Select(attrs={"class": "govuk-select"})
    )
    file = forms.FileField(
        label="File",
        help_text="A CSV or XLSX file whose first row names the columns: area, target, action, "
        "due, leads, progress, rag, status, ref. Only action is required.",
        widget=forms.ClearableFileInput(
            attrs={"class": "govuk-file-upload", "accept": ".csv,.xlsx"}
        ),
    )

    MAX_BYTES = 2 * 1024 * 1024

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(str(o.pk), o.name) for o in organisations]
        if len(organisations) == 1:
            self.fields["organisation"].initial = str(organisations[0].pk)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file must be smaller than 2 MB.")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV or XLSX file.")
        return upload


class ProgressForm(forms.Form):
    text = forms.CharField(
        label="Progress made",
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}),
        error_messages={"required": "Enter the progress made."},
    )
    recorded_on = forms.DateField(
        label="Date",
        help_text="The day the progress was made, for example 27/03/2026.",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"],
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"class": "govuk-input govuk-input--width-10", "type": "date"}
        ),
        error_messages={"invalid": "Enter a real date."},
    )
    status = forms.ChoiceField(
        label="New status",
        required=False,
        choices=BLANK + list(ActionStatus.choices),
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    rag = forms.ChoiceField(
        label="New RAG",
        required=False,
        choices=BLANK + list(Rag.choices),
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recorded_on"].initial = timezone.localdate()


class ActionEditForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    rag = forms.ChoiceField(
        label="RAG",
        required=False,
        choices=[("", "None")] + list(Rag.choices),
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    due_text = forms.CharField(
        label="Due",
        required=False,
        max_length=100,
        help_text='As written, for example "July 2009", "Q1 2018-19", "Ongoing" or "01/09/2017".',
        widget=forms.TextInput(attrs=GOVUK_INPUT),
    )
    leads_text = forms.CharField(
        label="Leads",
        required=False,
        max_length=200,
        help_text='Initials or names, for example "BB IW".',
        widget=forms.TextInput(attrs=GOVUK_INPUT),
    )
    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 3}),
    )


class DashboardFilterForm(forms.Form):
    q = forms.CharField(
        label="Search actions", required=False, widget=forms.TextInput(attrs=GOVUK_INPUT)
    )
    area = forms.ChoiceField(
        label="Area", required=False, widget=forms.Select(attrs={"class": "govuk-select"})
    )
    lead = forms.ChoiceField(
        label="Lead", required=False, widget=forms.Select(attrs={"class": "govuk-select"})
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Any")] + list(ActionStatus.choices),
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    rag = forms.ChoiceField(
        label="RAG",
        required=False,
        choices=[("", "Any")] + list(Rag.choices) + [("none", "None")],
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    as_of = forms.DateField(
        label="As of",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"class": "govuk-input", "type": "date"}),
        error_messages={"invalid": "Enter a real date, like 2026-03-31."},
    )

    def __init__(self, *args, areas, leads, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "Any")] + [(str(a.pk), str(a)) for a in areas]
        self.fields["lead"].choices = [("", "Any")] + [(lead, lead) for lead in leads]
