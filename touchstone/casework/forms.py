"""The scorecard page's choices: the period as two GOV.UK date inputs, the jurisdiction."""

from django import forms

from touchstone.casework.filters import period_refusal
from touchstone.casework.models import Jurisdiction
from touchstone.core.dates import DateInputField
from touchstone.core.forms import GovukForm, govuk_select


class ScorecardForm(GovukForm):
    date_from = DateInputField(label="Start of the period", noun="start of the period")
    date_to = DateInputField(label="End of the period", noun="end of the period")
    jurisdiction = forms.ChoiceField(
        label="Jurisdiction",
        required=False,
        choices=[("", "All jurisdictions"), *Jurisdiction.choices],
        widget=govuk_select(),
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to"):
            for field, message in period_refusal(data["date_from"], data["date_to"]).items():
                self.add_error("date_" + field, message)
        return data
