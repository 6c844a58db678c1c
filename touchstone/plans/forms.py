"""Forms for the plans pages: they check input only; the services decide and write."""

from django import forms
from django.utils import timezone

from touchstone.core.dates import TODAY, DateInputField
from touchstone.core.forms import GovukForm, govuk_input, govuk_select
from touchstone.core.writes import VersionedForm
from touchstone.plans.models import NOT_RATED, ActionStatus, PlanKind, Rag

BLANK = [("", "No change")]
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class PlanImportForm(GovukForm):
    name = forms.CharField(
        label="Plan name",
        max_length=200,
        widget=govuk_input(),
        error_messages={"required": "Enter the plan name"},
    )
    kind = forms.ChoiceField(label="Kind of plan", choices=PlanKind.choices, widget=govuk_select())
    organisation = forms.ChoiceField(
        label="Organisation",
        widget=govuk_select(),
        error_messages={"required": "Choose an organisation"},
    )
    starts_on = DateInputField(
        label="Start of the plan's period (optional)",
        noun="start of the plan's period",
        required=False,
        help_text="The first day the plan covers, for example the start of its financial year.",
    )
    ends_on = DateInputField(
        label="End of the plan's period (optional)",
        noun="end of the plan's period",
        required=False,
        help_text="The last day the plan covers.",
    )
    file = forms.FileField(
        label="File",
        help_text="A CSV or XLSX file, smaller than 2 MB, whose first row names the columns: "
        "area, target, action, due, leads, progress, rag, status, ref. Only action is required.",
        widget=forms.ClearableFileInput(
            attrs={"class": "govuk-file-upload", "accept": ".csv,.xlsx"}
        ),
        error_messages={
            "required": "Choose a CSV or XLSX file",
            "empty": "The file is empty",
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        field = self.fields["organisation"]
        field.choices = [(str(o.pk), o.name) for o in organisations]
        if len(organisations) == 1:
            # One organisation: nothing to choose, so no control to fill in.
            field.initial = str(organisations[0].pk)
            field.widget = forms.HiddenInput()
            field.required = False

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_organisation(self):
        chosen = self.cleaned_data["organisation"]
        if not chosen and len(self.organisations) == 1:
            return next(iter(self.organisations.values()))
        return self.organisations[chosen]

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error(
                "ends_on", "The end of the plan's period must be the same as or after its start"
            )
        return data

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 2 MB")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV or XLSX file")
        return upload


class ProgressForm(GovukForm):
    nouns = {"rag": "new RAG"}
    text = forms.CharField(
        label="Progress made",
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}),
        error_messages={"required": "Enter the progress made"},
    )
    recorded_on = DateInputField(
        label="Date of the progress",
        noun="date of the progress",
        help_text="The day the progress was made: today or an earlier day.",
        latest=TODAY,
    )
    status = forms.ChoiceField(
        label="New status (optional)",
        required=False,
        choices=BLANK + list(ActionStatus.choices),
        widget=govuk_select(),
    )
    rag = forms.ChoiceField(
        label="New RAG (optional)",
        required=False,
        choices=BLANK + list(Rag.choices),
        widget=govuk_select(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recorded_on"].initial = timezone.localdate()


class ActionEditForm(VersionedForm, GovukForm):
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices, widget=govuk_select())
    rag = forms.ChoiceField(
        label="RAG",
        required=False,
        choices=[("", NOT_RATED)] + list(Rag.choices),
        widget=govuk_select(),
    )
    due_text = forms.CharField(
        label="Due",
        required=False,
        max_length=100,
        help_text='As written, for example "July 2009", "Q1 2018-19", "Ongoing" or "01/09/2017".',
        widget=govuk_input(),
        error_messages={"max_length": "Due must be 100 characters or fewer"},
    )
    leads_text = forms.CharField(
        label="Leads",
        required=False,
        max_length=200,
        help_text='Initials or names, for example "BB IW".',
        widget=govuk_input(),
        error_messages={"max_length": "Leads must be 200 characters or fewer"},
    )
    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 3}),
    )


class AsOfForm(GovukForm):
    """The `as_of` of an export or board report: an ISO date in the link (`?as_of=2026-03-31`)
    or the boxes of the dashboard's date input."""

    as_of = DateInputField(required=False, noun="date of the position")
